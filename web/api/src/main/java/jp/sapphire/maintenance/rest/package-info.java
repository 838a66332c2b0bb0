/** What API callers see of the provider's operations: 503 while the system is in maintenance. */
package jp.sapphire.maintenance.rest;
