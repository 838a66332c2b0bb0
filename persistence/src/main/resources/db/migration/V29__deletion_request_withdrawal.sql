-- A tenant administrator may withdraw the deletion request at contract end until the provider has
-- executed it (issue 15): the application may delete its own tenant's row, and only while it is
-- pending (an executed request and its certificate stay).
GRANT DELETE ON tenant_deletion TO sapphire_app;
CREATE POLICY withdrawn_only_while_pending ON tenant_deletion AS RESTRICTIVE FOR DELETE
    USING (executed_at IS NULL);
