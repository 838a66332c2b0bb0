/**
 * How generations are written, sealed, verified, chained, consolidated and restored; the rules
 * of restore notices; one backup operation at a time.
 */
package jp.sapphire.backup.control;
