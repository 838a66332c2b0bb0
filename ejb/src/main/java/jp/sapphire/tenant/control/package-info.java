/**
 * Which tenant a transaction belongs to, and the interceptor that hands it to EclipseLink (and,
 * through RowLevelSecurityListener, to PostgreSQL) at the start of every boundary call —
 * declared as the default interceptor of every enterprise bean in META-INF/ejb-jar.xml, so no
 * boundary can be written without it; and the catalog of tenant tables with the purge of a
 * tenant.
 */
package jp.sapphire.tenant.control;
