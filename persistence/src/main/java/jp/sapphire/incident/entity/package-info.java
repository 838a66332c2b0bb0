/**
 * Incidents and their notices, provider-side: category, affected tenants, data scope, deadlines.
 */
package jp.sapphire.incident.entity;
