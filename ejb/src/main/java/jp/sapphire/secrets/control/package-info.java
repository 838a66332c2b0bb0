/**
 * Keys and authenticated encryption (AES-256-GCM) of secrets and stored content, with keys that
 * come from configuration, never from customers: the master key ring that seals IdP client
 * secrets and tenant data keys, and the MACs of the action log.
 */
package jp.sapphire.secrets.control;
