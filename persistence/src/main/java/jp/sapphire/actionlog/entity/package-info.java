/** The action log (アクションログ): every event of every report, append-only and hash-chained. */
package jp.sapphire.actionlog.entity;
