-- The approver's inbox finds the current steps of its own (by approver) and of its roles: an index
-- for the steps of a role, so that both halves of the condition are index scans (issue 18).
CREATE INDEX report_approval_step_role_idx ON report_approval_step (tenant_id, role) WHERE role IS NOT NULL;
