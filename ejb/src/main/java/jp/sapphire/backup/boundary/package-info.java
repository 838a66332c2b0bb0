/**
 * The daily backup and the operators' backup console (JMX): generations, verification, drills,
 * and restores of live data announced beforehand.
 */
package jp.sapphire.backup.boundary;
