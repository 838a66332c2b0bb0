/**
 * Tenants as the provider manages them: provisioning, the directory sign-in uses, and the
 * execution of deletions at contract end (by an operator or the daily job).
 */
package jp.sapphire.tenant.boundary;
