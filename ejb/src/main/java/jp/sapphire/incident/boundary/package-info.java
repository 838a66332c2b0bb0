/**
 * Incident reports of the provider (whitepaper §19): opened, updated and resolved by operators
 * through JMX, each notice mailed to the affected tenants' administrators and listed in their
 * console.
 */
package jp.sapphire.incident.boundary;
