/**
 * The approver's pages: the inbox with bulk approval, one report with its receipts, route and
 * action log and the decisions; delegation settings; the counts in every page's header; and the
 * route and log shown on any report.
 */
package jp.sapphire.approval.view;
