-- The privileged activity log (特権操作ログ, whitepaper §9, §14): every change made in the tenant
-- admin console (and, with issue 6's impersonation, every impersonation) — who, when (UTC),
-- what, before and after. Written in the transaction of the change; append-only for the
-- application; visible to the tenant's administrators.
CREATE TABLE privileged_activity (
    id              uuid          PRIMARY KEY,
    tenant_id       uuid          NOT NULL REFERENCES tenant (id),
    occurred_at     timestamptz   NOT NULL,
    actor_id        uuid          NOT NULL,
    actor_name      varchar(200)  NOT NULL,
    impersonator_id uuid,
    action          varchar(40)   NOT NULL,
    target          varchar(300)  NOT NULL,
    before_value    varchar(2000),
    after_value     varchar(2000),
    CONSTRAINT privileged_activity_actor FOREIGN KEY (tenant_id, actor_id) REFERENCES member (tenant_id, id)
);
CREATE INDEX privileged_activity_time_idx ON privileged_activity (tenant_id, occurred_at DESC);

ALTER TABLE privileged_activity ENABLE ROW LEVEL SECURITY;
ALTER TABLE privileged_activity FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON privileged_activity
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

GRANT SELECT, INSERT ON privileged_activity TO sapphire_app;
-- The provider's purge of a departed tenant.
GRANT SELECT, DELETE ON privileged_activity TO sapphire_system;
