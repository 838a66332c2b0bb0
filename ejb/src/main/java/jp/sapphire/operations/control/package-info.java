/**
 * The provider's operation of the service: the operators' JMX consoles (registration, plain
 * refusals, the operator's name, the times they type) and the daily batch timers shared by every
 * server.
 */
package jp.sapphire.operations.control;
