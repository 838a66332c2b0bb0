/** What paying approved reports keeps: members' bank accounts, the payer, payment batches and their reports. */
package jp.sapphire.payment.entity;
