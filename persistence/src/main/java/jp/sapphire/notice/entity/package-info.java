/**
 * Change notices, provider-side: kind, technical description, schedule and status.
 */
package jp.sapphire.notice.entity;
