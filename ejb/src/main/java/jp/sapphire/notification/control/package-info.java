/** Telling members about their reports: notifications, their wording, the e-mail outbox. */
package jp.sapphire.notification.control;
