/**
 * The provider's system audit log: recorded in its own transaction on the provider-side data
 * source, so a refused or failed action is recorded even when the action itself rolls back.
 */
package jp.sapphire.audit.boundary;
