/**
 * The approval workflow's rules and work: which route and steps apply to a submission and who
 * approves each, the tenant's routes, the snapshot a submission keeps, who may read a report.
 */
package jp.sapphire.approval.control;
