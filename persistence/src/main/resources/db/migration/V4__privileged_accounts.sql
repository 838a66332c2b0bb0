-- Whitepaper §9: a tenant's privileged account (特権アカウント, role TENANT_ADMIN) exists only
-- after the provider has enabled it on the customer's request. Provider-side column.
ALTER TABLE tenant ADD COLUMN privileged_accounts_enabled boolean NOT NULL DEFAULT false;
