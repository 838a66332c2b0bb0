/** The action log API: export for a period, verification of the chain. */
package jp.sapphire.actionlog.rest;
