/** How action log entries are chained, recorded and written out. */
package jp.sapphire.actionlog.control;
