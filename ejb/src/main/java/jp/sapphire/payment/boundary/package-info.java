/** Paying approved reports: members' bank accounts, the payer, payment batches and their transfer files. */
package jp.sapphire.payment.boundary;
