/**
 * The admin console's shared work: the privileged activity log (特権操作ログ) that every
 * change of the console writes in its own transaction.
 */
package jp.sapphire.admin.control;
