/**
 * Approval (承認) of the calling member: the reports waiting for them, their decisions, delegation;
 * and the tenant's approval routes and departments.
 */
package jp.sapphire.approval.boundary;
