/** What the journal exports (仕訳) keep: the tenant's journal settings and its software's tax names. */
package jp.sapphire.journal.entity;
