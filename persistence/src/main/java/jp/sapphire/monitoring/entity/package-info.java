/** What the monitoring keeps: the operators' alerts and the thresholds they set. Provider-side. */
package jp.sapphire.monitoring.entity;
