/** Reading, exporting and verifying the action log. */
package jp.sapphire.actionlog.boundary;
