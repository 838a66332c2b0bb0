/**
 * Journal entries (仕訳) from approved and paid reports, and the files the accounting software
 * imports: 弥生会計, freee and マネーフォワード クラウド会計 (docs/JOURNALS.md). Plain classes.
 */
package jp.sapphire.journal.control;
