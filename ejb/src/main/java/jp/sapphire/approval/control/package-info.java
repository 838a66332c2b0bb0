/**
 * Rules of approval that need no container: which route and which steps apply to a submission
 * and who approves each step.
 */
package jp.sapphire.approval.control;
