/**
 * The demo tenant a newcomer finds after the README run command, seeded at start-up through the
 * same boundaries the admin console uses.
 */
package jp.sapphire.demo.boundary;
