/**
 * Approval routes (承認ルート), the snapshot a submission takes of its route, and delegation
 * (代理承認).
 */
package jp.sapphire.approval.entity;
