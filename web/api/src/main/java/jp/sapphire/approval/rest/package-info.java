/** The approval API: the caller's inbox, decisions, bulk approval, delegations. */
package jp.sapphire.approval.rest;
