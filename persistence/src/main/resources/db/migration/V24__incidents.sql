-- Whitepaper §19: incidents reported to customers — an outage beyond the SLO (when it stopped,
-- how recovery goes), unauthorised access or a leak (which customers and which data), and a
-- serious vulnerability the provider can fix (plan and progress; first notice within 5 business
-- days of detection). Provider-side: operators record them and their updates; each affected
-- tenant reads its own through the provider's system role, and its administrators are mailed.
CREATE TABLE incident (
    id          uuid PRIMARY KEY,
    category    varchar(16)   NOT NULL CONSTRAINT incident_category CHECK (category IN ('OUTAGE', 'BREACH', 'VULNERABILITY')),
    title       varchar(200)  NOT NULL,
    detected_at timestamptz   NOT NULL,
    -- The first notice is due by then (vulnerabilities: 5 business days after detection).
    notify_by   timestamptz   NOT NULL,
    -- Which data is affected (a breach), in words for the customer.
    data_scope  varchar(2000),
    -- Every tenant is affected when true; otherwise the tenants in incident_tenant.
    all_tenants boolean       NOT NULL,
    opened_at   timestamptz   NOT NULL,
    opened_by   varchar(200)  NOT NULL,
    resolved_at timestamptz
);
COMMENT ON TABLE incident IS 'provider-side: incidents reported to the customers they affect';

CREATE TABLE incident_tenant (
    incident_id uuid NOT NULL REFERENCES incident (id),
    tenant_ref  uuid NOT NULL,
    PRIMARY KEY (incident_id, tenant_ref)
);
COMMENT ON TABLE incident_tenant IS 'provider-side: the tenants an incident affects, when not all';

CREATE TABLE incident_update (
    id          uuid PRIMARY KEY,
    incident_id uuid          NOT NULL REFERENCES incident (id),
    posted_at   timestamptz   NOT NULL,
    posted_by   varchar(200)  NOT NULL,
    message     varchar(4000) NOT NULL,
    -- The update that closed the incident.
    resolution  boolean       NOT NULL
);
CREATE INDEX incident_update_incident_idx ON incident_update (incident_id, posted_at);
COMMENT ON TABLE incident_update IS 'provider-side: what each affected customer was told about an incident, and when';

GRANT SELECT, INSERT, UPDATE ON incident, incident_tenant, incident_update TO sapphire_system;
