-- What operators may see of a tenant (the operators' console, `tenant show`): counts, sizes and
-- times, never content. Functions owned by the schema owner, so a provider role needs no read
-- access to tenant tables for it; they name the tenant for row-level security themselves.
CREATE FUNCTION tenant_usage(tenant uuid)
    RETURNS TABLE (active_members bigint, inactive_members bigint, reports bigint, receipts bigint,
                   receipt_bytes bigint, stored_bytes bigint, last_sign_in timestamptz, last_activity timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM set_config('sapphire.tenant_id', tenant::text, true);
    RETURN QUERY SELECT
        (SELECT count(*) FROM member m WHERE m.active),
        (SELECT count(*) FROM member m WHERE NOT m.active),
        (SELECT count(*) FROM expense_report),
        (SELECT count(*) FROM receipt),
        (SELECT coalesce(sum(r.size_bytes), 0)::bigint FROM receipt r),
        ((SELECT coalesce(sum(pg_column_size(t.*)), 0) FROM expense_report t)
            + (SELECT coalesce(sum(pg_column_size(t.*)), 0) FROM expense_line t)
            + (SELECT coalesce(sum(pg_column_size(t.*)), 0) FROM receipt_content t)
            + (SELECT coalesce(sum(pg_column_size(t.*)), 0) FROM action_log t)
            + (SELECT coalesce(sum(pg_column_size(t.*)), 0) FROM member t))::bigint,
        (SELECT max(a.occurred_at) FROM system_audit_log a
          WHERE a.tenant_ref = tenant AND a.event = 'SIGN_IN' AND a.outcome = 'SUCCESS'),
        (SELECT max(l.occurred_at) FROM action_log l);
    PERFORM set_config('sapphire.tenant_id', '', true);
END $$;

CREATE FUNCTION tenant_reports_per_month(tenant uuid, since timestamptz, zone text)
    RETURNS TABLE (month text, reports bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
    PERFORM set_config('sapphire.tenant_id', tenant::text, true);
    RETURN QUERY SELECT to_char(r.created_at AT TIME ZONE zone, 'YYYY-MM'), count(*)
                   FROM expense_report r WHERE r.created_at >= since GROUP BY 1 ORDER BY 1;
    PERFORM set_config('sapphire.tenant_id', '', true);
END $$;

REVOKE ALL ON FUNCTION tenant_usage(uuid), tenant_reports_per_month(uuid, timestamptz, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_usage(uuid), tenant_reports_per_month(uuid, timestamptz, text) TO sapphire_system;
