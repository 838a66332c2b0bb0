/** Exporting the action log from the browser. */
package jp.sapphire.actionlog.view;
