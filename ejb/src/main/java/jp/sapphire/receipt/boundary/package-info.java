/**
 * Receipts of expense lines: upload (type checked by content, size limited, encrypted, hashed),
 * versions, download by those who may read the report.
 */
package jp.sapphire.receipt.boundary;
