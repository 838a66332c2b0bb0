/**
 * Rules of incident reports: the deadline of a first notice counted in Japanese business days.
 */
package jp.sapphire.incident.control;
