/**
 * Approval (承認): submitting and withdrawing reports, the reports waiting for the calling
 * member, their decisions, and delegation.
 */
package jp.sapphire.approval.boundary;
