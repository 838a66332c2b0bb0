/** The payment API: the caller's bank account, what waits for payment, payment batches and their 全銀 files. */
package jp.sapphire.payment.rest;
