/**
 * The privileged activity log's entries: who changed what in the admin console, when, before and
 * after.
 */
package jp.sapphire.admin.entity;
