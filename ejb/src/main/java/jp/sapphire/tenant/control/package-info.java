/**
 * Which tenant a transaction belongs to, and the interceptor that hands it to EclipseLink
 * (and, through {@code RowLevelSecurityListener}, to PostgreSQL) at the start of every boundary
 * call. Declared as the default interceptor of every enterprise bean in META-INF/ejb-jar.xml, so
 * no boundary can be written without it.
 */
package jp.sapphire.tenant.control;
