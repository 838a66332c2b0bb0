-- A restore of one tenant follows the same rule as a restore of the whole system (whitepaper §13:
-- the provider restores after failures and tells the customer beforehand): it needs a notice to
-- that tenant, published the lead time ahead. Such a notice names its tenant; a whole-system one
-- names none. Provider-side like every backup_ table.
ALTER TABLE backup_notice ADD COLUMN tenant_ref uuid;
COMMENT ON COLUMN backup_notice.tenant_ref IS 'the tenant a restore of one tenant is for; null: the whole system';
