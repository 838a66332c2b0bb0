/**
 * What every page uses: the view's language, stored values shown for the member (times in their
 * zone, yen), converters for ids, whole numbers, yen and days, messages for what a boundary or a
 * converter refused, CSV downloads, and the error page.
 */
package jp.sapphire.platform.view;
