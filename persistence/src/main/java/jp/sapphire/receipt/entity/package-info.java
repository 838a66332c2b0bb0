/**
 * Receipts (領収書): metadata, encrypted content, and the per-tenant data keys they are encrypted
 * with. Never changed once stored; a replacement is a new version.
 */
package jp.sapphire.receipt.entity;
