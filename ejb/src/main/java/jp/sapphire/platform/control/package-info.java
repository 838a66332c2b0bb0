/**
 * Technical services every component uses: authenticated encryption of secrets and stored
 * content with keys that come from configuration, never from customers.
 */
package jp.sapphire.platform.control;
