-- Whitepaper §12: changes that may affect SAPPHIRE's availability are announced to every
-- customer with their kind (bug fix, new feature, other), a technical description and the date
-- and time they are scheduled for; then whether they were applied. Provider-side: operators
-- publish them, every tenant reads them (through the provider's system role).
CREATE TABLE change_notice (
    id           uuid PRIMARY KEY,
    kind         varchar(16)   NOT NULL CONSTRAINT change_notice_kind CHECK (kind IN ('BUG_FIX', 'FEATURE', 'OTHER')),
    title        varchar(200)  NOT NULL,
    description  varchar(4000) NOT NULL,
    scheduled_at timestamptz   NOT NULL,
    status       varchar(16)   NOT NULL CONSTRAINT change_notice_status CHECK (status IN ('SCHEDULED', 'APPLIED', 'CANCELLED')),
    published_at timestamptz   NOT NULL,
    published_by varchar(200)  NOT NULL,
    status_at    timestamptz   NOT NULL
);
CREATE INDEX change_notice_scheduled_idx ON change_notice (scheduled_at DESC);

COMMENT ON TABLE change_notice IS 'provider-side: notices of changes to SAPPHIRE, shown to every tenant and mailed to its administrators';

GRANT SELECT, INSERT, UPDATE ON change_notice TO sapphire_system;
