#!/usr/bin/env bash
# The backup benchmark (docs/PERFORMANCE.md): on a generated database of over a million rows across
# tenants, in one run on this machine —
#   full backup time and size      against pg_dump -Fc of the same database,
#   incremental after 1 % changed  against the full backup,
#   restore (drill) time           against pg_restore of that dump into an empty database.
#
#   bench/backup.sh [reports per tenant]     default 25000 (20 tenants: 1,000,000 reports + lines)
#
# Needs what the README's test command needs; builds first. Uses ports 9082/9445 and the databases
# sapphire_bench, sapphire_bench_drill and sapphire_bench_pgrestore (dropped at the end); the
# management endpoint (JMX) on 9646.
set -euo pipefail
cd "$(dirname "$0")/.."
per_tenant="${1:-25000}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

./mvnw -B -q -DskipTests install
source bench/lib.sh
work="$(mktemp -d)"
bench_databases sapphire_bench sapphire_bench_drill sapphire_bench_pgrestore
trap '"$wlp/bin/server" stop sapphire-bench-backup >/dev/null; rm -rf "$work"' EXIT
bench_server sapphire-bench-backup sapphire_bench

echo "generating data: 20 tenants x $per_tenant reports with a line each" >&2
psql -q -v ON_ERROR_STOP=1 -d sapphire_bench -v per_tenant="$per_tenant" <<'SQL'
INSERT INTO tenant (id, slug, display_name, region, status, created_at)
SELECT gen_random_uuid(), 'bench-' || t, 'ベンチ ' || t, 'asia', 'ACTIVE', now() FROM generate_series(1, 20) t;
INSERT INTO member (id, tenant_id, issuer, subject, display_name, email, time_zone, locale, active, created_at, version)
SELECT gen_random_uuid(), id, 'https://idp.bench.example/', 'user-' || slug, slug || ' 太郎', slug || '@bench.example',
       'Asia/Tokyo', 'ja', true, now(), 0 FROM tenant WHERE slug LIKE 'bench-%';
INSERT INTO expense_category (id, tenant_id, code, name, kind, default_tax_class, active, version)
SELECT gen_random_uuid(), id, '7110', '旅費交通費', 'TRANSPORT', 'STANDARD_10', true, 0 FROM tenant WHERE slug LIKE 'bench-%';
INSERT INTO expense_report (id, tenant_id, owner_id, title, status, total_yen, created_at, updated_at, version, approval_round, purpose)
SELECT gen_random_uuid(), m.tenant_id, m.id, '出張精算 ' || g, 'DRAFT', 1000 + g % 90000, now(), now(), 0, 0,
       '顧客訪問と打ち合わせ (' || g || ')'
  FROM member m CROSS JOIN generate_series(1, :per_tenant) g WHERE m.subject LIKE 'user-bench-%';
INSERT INTO expense_line (id, tenant_id, report_id, line_no, spent_on, category_id, amount_yen, tax_class, tax_yen, payee,
                          route_from, route_to, round_trip, version)
SELECT gen_random_uuid(), r.tenant_id, r.id, 1, current_date - (r.total_yen % 300)::int, c.id, r.total_yen, 'STANDARD_10',
       r.total_yen / 11, 'JR東海', '東京', '新大阪', true, 0
  FROM expense_report r JOIN expense_category c ON c.tenant_id = r.tenant_id WHERE r.title LIKE '出張精算 %';
ANALYZE;
SQL
rows=$(psql -Atq -d sapphire_bench -c "SELECT sum(n_live_tup) FROM pg_stat_user_tables")

now() { date +%s.%N; }
elapsed() { awk -v a="$(now)" -v b="$1" 'BEGIN { printf "%.2f", a - b }'; }
jmx() { java -cp "$wlp/clients/restConnector.jar" bench/Jmx.java localhost:9646 alice "$(cat "$server/operators/alice.password")" "$@"; }
bytes_of() { sed -E 's/.*bytes=([0-9]+).*/\1/'; }
# The server's own time of an operation (its answer ends with millis=N), without the JMX client's start.
seconds_of() { sed -E 's/.*millis=([0-9]+).*/\1/' | awk '{ printf "%.2f", $1 / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

start=$(now); pg_dump -Fc -d sapphire_bench -f "$work/bench.dump"; dump_t=$(elapsed "$start")
dump_b=$(stat -c %s "$work/bench.dump")

full=$(jmx backupNow); full_t=$(echo "$full" | seconds_of); full_b=$(echo "$full" | bytes_of)

changed=$(psql -Atq -d sapphire_bench -c "WITH r AS (UPDATE expense_report SET title = title || ' (修正)' WHERE random() < 0.01 RETURNING 1),
    l AS (UPDATE expense_line SET payee = payee || ' (修正)' WHERE random() < 0.01 RETURNING 1)
  SELECT (SELECT count(*) FROM r) + (SELECT count(*) FROM l)")
incr=$(jmx backupNow); incr_t=$(echo "$incr" | seconds_of); incr_b=$(echo "$incr" | bytes_of)
generation=$(echo "$incr" | sed -E 's/generation=([0-9]+).*/\1/')

psql -q -d postgres -c "CREATE DATABASE sapphire_bench_pgrestore OWNER sapphire_owner TEMPLATE template0"
start=$(now); pg_restore -d sapphire_bench_pgrestore "$work/bench.dump"; pgrestore_t=$(elapsed "$start")
drill_t=$(jmx restoreDrill "$generation" | seconds_of)
drill_rows=$(psql -Atq -d sapphire_bench_drill -c "SELECT count(*) FROM expense_line")

cat <<MD
### $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ { printf "%d GiB", $2 / 1048576 }' /proc/meminfo), $(psql -Atq -c 'SHOW server_version' | cut -d' ' -f1)

Database: $rows rows in all tables ($per_tenant reports with a line each in each of 20 tenants, plus
whatever the server seeded); 1 % change: $changed rows updated.

| measure | baseline | SAPPHIRE backup | ratio |
|---|---|---|---|
| full backup time (s) | pg_dump -Fc: $dump_t | $full_t | $(ratio "$full_t" "$dump_t") |
| full backup size (bytes) | pg_dump -Fc: $dump_b | $full_b | $(ratio "$full_b" "$dump_b") |
| incremental after 1 % changed, time (s) | full backup: $full_t | $incr_t | $(ratio "$incr_t" "$full_t") |
| incremental after 1 % changed, size (bytes) | full backup: $full_b | $incr_b | $(ratio "$incr_b" "$full_b") |
| restore time (s), full + incremental into an empty database | pg_restore: $pgrestore_t | $drill_t | $(ratio "$drill_t" "$pgrestore_t") |

Restored drill database: $drill_rows expense lines.
MD

"$wlp/bin/server" stop sapphire-bench-backup >/dev/null
trap - EXIT
rm -rf "$work" "$server"
for db in sapphire_bench sapphire_bench_drill sapphire_bench_pgrestore; do
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
done
