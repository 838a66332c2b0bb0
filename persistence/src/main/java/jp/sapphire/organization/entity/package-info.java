/**
 * The customer's organisation as approval routes see it: departments (部門) in a hierarchy, each
 * with a manager.
 */
package jp.sapphire.organization.entity;
