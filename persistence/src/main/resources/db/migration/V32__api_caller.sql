-- Who calls the API, in one round trip (issue 18): an API token with its member, the tenant's
-- status and every role binding of the tenant, for the token filter that runs before each API
-- request. It binds the token's tenant to the transaction first, as the application does for every
-- transaction (RowLevelSecurityListener), so row-level security applies to what it reads; the
-- tenant comes from the claims of a token whose signature has been verified.
CREATE FUNCTION api_caller(p_token uuid, p_tenant uuid)
    RETURNS TABLE (token_created timestamptz, token_expires timestamptz, token_revoked timestamptz, member_id uuid,
                   member_active boolean, issuer varchar, subject varchar, idp_groups varchar, time_zone varchar,
                   tenant_status varchar, privileged boolean, bindings text[])
    LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
    PERFORM set_config('sapphire.tenant_id', p_tenant::text, true);
    RETURN QUERY
        SELECT t.created_at, t.expires_at, t.revoked_at, m.id, m.active, m.issuer, m.subject, m.idp_groups, m.time_zone,
               n.status, n.privileged_accounts_enabled,
               ARRAY(SELECT concat_ws(E'\t', b.role, b.kind, b.value, coalesce(b.issuer, '')) FROM role_binding b)
          FROM api_token t
          JOIN member m ON m.tenant_id = t.tenant_id AND m.id = t.member_id
          JOIN tenant n ON n.id = t.tenant_id
         WHERE t.tenant_id = p_tenant AND t.id = p_token;
END $$;
REVOKE ALL ON FUNCTION api_caller(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION api_caller(uuid, uuid) TO sapphire_app;
