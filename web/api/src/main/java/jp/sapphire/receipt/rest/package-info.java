/**
 * Receipts in the REST API: upload to a line (multipart/form-data, part {@code file}), versions
 * of a line's receipt, download by id.
 */
package jp.sapphire.receipt.rest;
