/**
 * Expense reports in the REST API ({@code /api/v1/reports}): what goes in and comes out as JSON,
 * and the resource. Optimistic locking through ETag / If-Match with the report's version.
 */
package jp.sapphire.expense.rest;
