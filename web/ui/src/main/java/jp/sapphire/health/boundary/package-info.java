/**
 * MicroProfile Health procedures: readiness (database reachable, schema migrated).
 */
package jp.sapphire.health.boundary;
