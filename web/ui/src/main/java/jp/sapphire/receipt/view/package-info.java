/**
 * Receipts shown in the browser: images and PDFs inline for preview, anything else as a download.
 */
package jp.sapphire.receipt.view;
