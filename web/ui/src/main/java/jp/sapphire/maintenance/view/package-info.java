/** What users see of the provider's operations: restore notices on every page, and the maintenance page. */
package jp.sapphire.maintenance.view;
