/** The payment pages: the member's bank account, accounting's payment batches, the payer and bank accounts in the admin console. */
package jp.sapphire.payment.view;
