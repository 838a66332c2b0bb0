-- The load benchmark's tenant (bench/load.sh, docs/PERFORMANCE.md), written as the provider's
-- superuser in one transaction: a company of :members members in ten sections under a head
-- office, a three-step route (課長, 部長, 経理), three categories, and :per_member reports per
-- member with three lines each — a rail fare, a meeting, supplies with their receipts — in every
-- state: drafts, waiting at the first step, approved, paid, with their route snapshots and action
-- log entries. Each member has an API token row; bench/Tokens.java signs the matching JWTs.
-- The receipts' bytes and the action log's hashes are placeholders: nothing here decrypts a
-- receipt or verifies the chain. Variables: slug, members, per_member.
\set ON_ERROR_STOP on
BEGIN;

INSERT INTO tenant (id, slug, display_name, region, status) VALUES (gen_random_uuid(), :'slug', 'ロードテスト株式会社', 'asia', 'ACTIVE');
CREATE TEMP TABLE bench_tenant ON COMMIT DROP AS SELECT id FROM tenant WHERE slug = :'slug';

-- Member 1 heads the company, members 2–11 head the sections, members 12–16 are accounting.
CREATE TEMP TABLE bench_member ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, n, CASE WHEN n = 1 THEN 0 ELSE (n - 2) % 10 + 1 END AS section
  FROM generate_series(1, :members) n;
INSERT INTO member (id, tenant_id, issuer, subject, display_name, email, time_zone, locale, active, created_at, roles, idp_groups)
SELECT m.id, t.id, 'https://idp.load.example/', 'user-' || m.n, '社員 ' || m.n, 'user-' || m.n || '@load.example', 'Asia/Tokyo',
       'ja', true, now() - interval '400 days',
       'EMPLOYEE' || CASE WHEN m.n <= 11 THEN ',APPROVER' ELSE '' END || CASE WHEN m.n BETWEEN 12 AND 16 THEN ',ACCOUNTING' ELSE '' END,
       'employees' || CASE WHEN m.n <= 11 THEN E'\napprovers' ELSE '' END || CASE WHEN m.n BETWEEN 12 AND 16 THEN E'\naccounting' ELSE '' END
  FROM bench_member m, bench_tenant t;

INSERT INTO department (id, tenant_id, code, name, parent_id, manager_id)
SELECT gen_random_uuid(), t.id, 'D00', '本社', NULL, (SELECT id FROM bench_member WHERE n = 1) FROM bench_tenant t;
INSERT INTO department (id, tenant_id, code, name, parent_id, manager_id)
SELECT gen_random_uuid(), t.id, 'D' || lpad(s::text, 2, '0'), '営業' || s || '課', (SELECT id FROM department WHERE tenant_id = t.id AND code = 'D00'),
       (SELECT id FROM bench_member WHERE n = s + 1)
  FROM bench_tenant t, generate_series(1, 10) s;
UPDATE member m SET department_id = d.id
  FROM bench_member b, department d, bench_tenant t
 WHERE m.id = b.id AND d.tenant_id = t.id AND d.code = 'D' || lpad(b.section::text, 2, '0');

INSERT INTO role_binding (id, tenant_id, role, kind, value, created_at)
SELECT gen_random_uuid(), t.id, r.role, 'GROUP', r.grp, now() - interval '400 days'
  FROM bench_tenant t, (VALUES ('EMPLOYEE', 'employees'), ('APPROVER', 'approvers'), ('ACCOUNTING', 'accounting')) r(role, grp);

INSERT INTO approval_route (id, tenant_id, name, priority, valid_from)
SELECT gen_random_uuid(), t.id, '標準ルート', 100, DATE '2020-01-01' FROM bench_tenant t;
INSERT INTO approval_route_step (id, tenant_id, route_id, step_no, name, approver_kind, manager_levels, role)
SELECT gen_random_uuid(), t.id, r.id, s.step_no, s.name, s.kind, s.levels, s.role
  FROM bench_tenant t JOIN approval_route r ON r.tenant_id = t.id,
       (VALUES (1, '課長承認', 'MANAGER', 1, NULL), (2, '部長承認', 'MANAGER', 2, NULL), (3, '経理承認', 'ROLE', NULL, 'ACCOUNTING'))
           s(step_no, name, kind, levels, role);

INSERT INTO expense_category (id, tenant_id, code, name, kind, default_tax_class)
SELECT gen_random_uuid(), t.id, c.code, c.name, c.kind, 'STANDARD_10'
  FROM bench_tenant t, (VALUES ('7110', '旅費交通費', 'TRANSPORT'), ('7310', '会議費', 'GENERAL'), ('7410', '消耗品費', 'GENERAL')) c(code, name, kind);
INSERT INTO expense_policy (id, tenant_id) SELECT gen_random_uuid(), id FROM bench_tenant;
INSERT INTO tenant_data_key (id, tenant_id, sealed_key, master_key_id, created_at)
SELECT gen_random_uuid(), id, sha256(random()::text::bytea), 'bench', now() FROM bench_tenant;

-- Reports: g mod 10 in 0–2 draft, 3–7 waiting at step 1, 8 approved, 9 paid.
CREATE TEMP TABLE bench_report ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, m.id AS owner, m.n, g,
       CASE WHEN g % 10 < 3 THEN 'DRAFT' WHEN g % 10 < 8 THEN 'SUBMITTED' WHEN g % 10 = 8 THEN 'APPROVED' ELSE 'PAID' END AS status,
       now() - (g || ' hours')::interval - (m.n || ' minutes')::interval AS created
  FROM bench_member m, generate_series(1, :per_member) g;
INSERT INTO expense_report (id, tenant_id, owner_id, title, status, total_yen, created_at, updated_at, version, purpose, submitted_at,
                            approval_round, current_step, approved_at, paid_at)
SELECT r.id, t.id, r.owner, '出張精算 ' || r.n || '-' || r.g, r.status, 13870 + 1100 + (r.g % 50) * 110, r.created, r.created, 0,
       '顧客訪問と打ち合わせ', CASE WHEN r.status <> 'DRAFT' THEN r.created + interval '10 minutes' END,
       CASE WHEN r.status <> 'DRAFT' THEN 1 ELSE 0 END, CASE WHEN r.status = 'SUBMITTED' THEN 1 END,
       CASE WHEN r.status IN ('APPROVED', 'PAID') THEN r.created + interval '1 day' END,
       CASE WHEN r.status = 'PAID' THEN r.created + interval '5 days' END
  FROM bench_report r, bench_tenant t;
INSERT INTO expense_line (id, tenant_id, report_id, line_no, spent_on, category_id, amount_yen, tax_class, tax_yen, payee, invoice_number,
                          description, route_from, route_to, round_trip)
SELECT gen_random_uuid(), t.id, r.id, l.no, (r.created - interval '2 days')::date, c.id, l.yen, 'STANDARD_10', l.yen * 10 / 110, l.payee,
       l.invoice, l.description, l.route_from, l.route_to, CASE WHEN l.no = 1 THEN true END
  FROM bench_report r CROSS JOIN bench_tenant t
       CROSS JOIN LATERAL (VALUES (1, '7110', 13870::bigint, 'JR東海', NULL, NULL, '東京', '新大阪'),
                       (2, '7310', 1100::bigint, '喫茶 ルポ', NULL, '打ち合わせ', NULL, NULL),
                       (3, '7410', (r.g % 50) * 110::bigint, '文具のヤマモト', 'T5010001034867', NULL, NULL, NULL))
           l(no, code, yen, payee, invoice, description, route_from, route_to)
  JOIN expense_category c ON c.tenant_id = t.id AND c.code = l.code
 WHERE l.yen > 0;
UPDATE expense_report e SET total_yen = s.total
  FROM (SELECT report_id, sum(amount_yen) AS total FROM expense_line l JOIN bench_report r ON r.id = l.report_id GROUP BY report_id) s
 WHERE e.id = s.report_id;

INSERT INTO receipt (id, tenant_id, line_id, version_no, filename, content_type, size_bytes, sha256, uploaded_at, uploaded_by, data_key_id)
SELECT gen_random_uuid(), t.id, l.id, 1, 'receipt-' || l.line_no || '.jpg', 'image/jpeg', 2048, encode(sha256(l.id::text::bytea), 'hex'),
       r.created, r.owner, k.id
  FROM expense_line l JOIN bench_report r ON r.id = l.report_id, bench_tenant t JOIN tenant_data_key k ON k.tenant_id = t.id
 WHERE l.line_no > 1;
INSERT INTO receipt_content (id, tenant_id, content)
SELECT c.id, c.tenant_id, convert_to(repeat(md5(c.id::text), 64), 'UTF8') FROM receipt c JOIN bench_tenant t ON t.id = c.tenant_id;

INSERT INTO report_approval_step (id, tenant_id, report_id, round, step_no, name, route_name, approver_kind, approver_id, role)
SELECT gen_random_uuid(), t.id, r.id, 1, s.step_no, s.name, '標準ルート', CASE WHEN s.step_no = 3 THEN 'ROLE' ELSE 'MANAGER' END,
       CASE s.step_no WHEN 1 THEN (SELECT id FROM bench_member WHERE n = m.section + 1) WHEN 2 THEN (SELECT id FROM bench_member WHERE n = 1) END,
       CASE WHEN s.step_no = 3 THEN 'ACCOUNTING' END
  FROM bench_report r JOIN bench_member m ON m.id = r.owner, bench_tenant t,
       (VALUES (1, '課長承認'), (2, '部長承認'), (3, '経理承認')) s(step_no, name)
 WHERE r.status <> 'DRAFT';

-- The action log: created, and for reports filed since, submitted, approved three times, paid.
CREATE TEMP TABLE bench_action ON COMMIT DROP AS
SELECT r.id AS report, r.owner, a.k, a.action, a.before, a.after, a.step_before, a.step_after, r.created + (a.k || ' hours')::interval AS at
  FROM bench_report r,
       LATERAL (VALUES (0, 'CREATED', NULL, 'DRAFT', NULL, NULL),
                       (1, 'SUBMITTED', 'DRAFT', 'SUBMITTED', NULL, 1),
                       (2, 'APPROVED', 'SUBMITTED', 'SUBMITTED', 1, 2),
                       (3, 'APPROVED', 'SUBMITTED', 'SUBMITTED', 2, 3),
                       (4, 'APPROVED', 'SUBMITTED', 'APPROVED', 3, NULL),
                       (5, 'PAID', 'APPROVED', 'PAID', NULL, NULL)) a(k, action, before, after, step_before, step_after)
 WHERE a.k = 0 OR (a.k = 1 AND r.status <> 'DRAFT') OR (a.k BETWEEN 2 AND 4 AND r.status IN ('APPROVED', 'PAID'))
    OR (a.k = 5 AND r.status = 'PAID');
INSERT INTO action_log (id, tenant_id, seq, occurred_at, report_id, action, actor_id, status_before, status_after, step_before, step_after,
                        key_id, prev_hash, hash)
SELECT gen_random_uuid(), t.id, row_number() OVER (ORDER BY a.at, a.report, a.k), a.at, a.report, a.action, a.owner, a.before, a.after,
       a.step_before, a.step_after, 'bench', repeat('0', 64), encode(sha256((a.report::text || a.k)::bytea), 'hex')
  FROM bench_action a, bench_tenant t;

INSERT INTO api_token (id, tenant_id, member_id, name, created_at, expires_at)
SELECT gen_random_uuid(), t.id, m.id, 'load', now(), now() + interval '2 days' FROM bench_member m, bench_tenant t;

COMMIT;
ANALYZE;
