/** The journal exports (仕訳) over the API: by period and basis, and per payment batch. */
package jp.sapphire.journal.rest;
