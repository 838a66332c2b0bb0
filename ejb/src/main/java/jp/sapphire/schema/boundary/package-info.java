/**
 * The database schema: Flyway migrations applied at start-up, before any request is served.
 */
package jp.sapphire.schema.boundary;
