/** Change notices as members see them: a line at the top of every page, and all of them on the changes page. */
package jp.sapphire.notice.view;
