/** Notifications of the calling member, and the delivery of the e-mail outbox. */
package jp.sapphire.notification.boundary;
