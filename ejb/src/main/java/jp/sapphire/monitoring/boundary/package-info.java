/**
 * Capacity watched around the clock (whitepaper §6, §14): SAPPHIRE's gauges for the metrics scrape,
 * the alerts raised, repeated and cleared to the operators, and the operators' status console.
 */
package jp.sapphire.monitoring.boundary;
