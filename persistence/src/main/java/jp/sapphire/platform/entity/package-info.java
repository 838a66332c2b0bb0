/**
 * Mapping conventions shared by every component's entities: how time is stored (UTC
 * {@code timestamptz}) and read back as {@link java.time.Instant}.
 */
package jp.sapphire.platform.entity;
