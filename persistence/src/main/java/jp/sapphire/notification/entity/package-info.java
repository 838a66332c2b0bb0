/** In-app notifications (お知らせ) and the e-mail outbox. */
package jp.sapphire.notification.entity;
