/** Journal exports for accounting (under the payments area) and the account mapping of the admin console. */
package jp.sapphire.journal.view;
