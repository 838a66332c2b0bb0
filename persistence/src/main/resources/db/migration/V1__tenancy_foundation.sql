-- Tenancy foundation: the provider-side tenant registry and the function every row-level
-- security policy compares against. Runs as sapphire_owner; sapphire_app and sapphire_system
-- are created by the database bootstrap (server-config/src/main/db).

-- The tenant of the current transaction, written by the application when EclipseLink acquires
-- a connection. No setting (or an empty one) yields NULL, and NULL matches no row: fail closed.
CREATE FUNCTION current_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('sapphire.tenant_id', true), '')::uuid $$;

-- Provider-side: no tenant_id column, so no row-level security; customers never write it.
CREATE TABLE tenant (
    id           uuid PRIMARY KEY,
    slug         varchar(63)  NOT NULL UNIQUE
                 CONSTRAINT tenant_slug_format CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    display_name varchar(200) NOT NULL,
    region       varchar(8)   NOT NULL CONSTRAINT tenant_region CHECK (region IN ('asia', 'us')),
    status       varchar(16)  NOT NULL CONSTRAINT tenant_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'TERMINATED')),
    created_at   timestamptz  NOT NULL DEFAULT now()
);

COMMENT ON TABLE tenant IS 'provider-side: the tenant registry, written by operators only';

-- Sign-in resolves the tenant by slug with the application role; only provider paths write it.
GRANT SELECT ON tenant TO sapphire_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant TO sapphire_system;
