/**
 * How receipts are kept: their type recognised from their bytes, their content encrypted with
 * the tenant's data key (AES-256-GCM), the data key sealed under the service's master key.
 */
package jp.sapphire.receipt.control;
