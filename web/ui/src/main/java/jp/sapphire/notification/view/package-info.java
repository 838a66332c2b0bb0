/** The member's notifications page. */
package jp.sapphire.notification.view;
