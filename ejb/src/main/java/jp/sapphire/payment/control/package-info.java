/** The rules of paying: bank kana, bank days, accounts as banks want them, and the 全銀協 総合振込 file. */
package jp.sapphire.payment.control;
