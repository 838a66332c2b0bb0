/**
 * Technical services every component uses: the one clock, problems and refusals, bean
 * validation, paging, CSV reading and writing, authenticated encryption with keys from
 * configuration, the daily batch timers, and the operators' JMX consoles.
 */
package jp.sapphire.platform.control;
