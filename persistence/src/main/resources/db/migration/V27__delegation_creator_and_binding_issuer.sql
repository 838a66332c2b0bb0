-- Who made a delegation (代理承認), beside whose it is: the delegator, or an administrator acting for
-- them is refused, so the two are the same member; recorded so that the row says it by itself.
ALTER TABLE approval_delegation ADD COLUMN created_by uuid;

-- A role bound to an IdP user ID holds for that user ID at that issuer only: after the tenant
-- changes its IdP, the same user ID at the new issuer is another person. Bindings made before
-- the tenant had an IdP take the first issuer it connects.
ALTER TABLE role_binding ADD COLUMN issuer varchar(512);
COMMENT ON COLUMN role_binding.issuer IS 'the issuer of a SUBJECT binding''s user ID; null until the tenant connects its first IdP';
ALTER TABLE role_binding DROP CONSTRAINT role_binding_unique;
CREATE UNIQUE INDEX role_binding_unique ON role_binding (tenant_id, role, kind, value, coalesce(issuer, ''));

-- The rows there are, tenant by tenant (row-level security is forced, also for the owner).
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN SELECT id FROM tenant LOOP
        PERFORM set_config('sapphire.tenant_id', t.id::text, true);
        UPDATE approval_delegation SET created_by = delegator_id WHERE created_by IS NULL;
        UPDATE role_binding b SET issuer = i.issuer FROM identity_provider i
         WHERE b.kind = 'SUBJECT' AND b.issuer IS NULL AND i.tenant_id = b.tenant_id;
    END LOOP;
    PERFORM set_config('sapphire.tenant_id', '', true);
END $$;
ALTER TABLE approval_delegation ALTER COLUMN created_by SET NOT NULL;
