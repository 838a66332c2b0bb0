/** The tenant admin console's pages under {@code /app/admin/}, for tenant administrators only. */
package jp.sapphire.admin.view;
