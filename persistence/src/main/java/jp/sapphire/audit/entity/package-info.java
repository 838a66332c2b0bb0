/**
 * The provider's system audit log (システム監査ログ): who did what, when and from where, kept by the
 * provider and out of every tenant's reach.
 */
package jp.sapphire.audit.entity;
