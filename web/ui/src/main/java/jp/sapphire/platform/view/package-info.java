/**
 * Page helpers every view uses: instants shown in the member's time zone, yen amounts.
 */
package jp.sapphire.platform.view;
