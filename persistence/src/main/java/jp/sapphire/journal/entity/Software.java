package jp.sapphire.journal.entity;

/** The accounting software a journal file is written for. */
public enum Software {
    /** 弥生会計: インポート形式, 25 columns, no header, Shift_JIS. */
    YAYOI,
    /** freee 会計: 仕訳 import (汎用形式), a header row, UTF-8 or Shift_JIS. */
    FREEE,
    /** マネーフォワード クラウド会計: 仕訳帳 import, columns A–AA, a header row, Shift_JIS. */
    MF
}
