#!/usr/bin/env bash
# The load benchmark (docs/PERFORMANCE.md, issue 18): SAPPHIRE's API on a generated company, in one
# run on this machine beside PostgreSQL's own pgbench —
#   baselines   pgbench -S (select only) and -N (simple writes), scale 10, on the same PostgreSQL;
#   reads       my reports, the approver's inbox, one report with its lines, its action log;
#   writes      a report created with three lines and submitted; an approval;
# each with wrk at 8 and 50 connections: requests/s, p50/p95/p99, errors, ratios to the baselines;
# SQL statements per request (pg_stat_statements, counted over sequential requests); the server's
# resident memory after the load; a page of the UI in Chromium, cold and warm; and the read path's
# p95 with 10 and with 10,000 tenants in the database.
#
#   bench/load.sh [members] [reports per member] [seconds per run]     default 300 40 15
#
# Needs what the README's test command needs, and wrk (installed with apt-get if missing). Builds
# first. Uses ports 9082/9445/9646 and the databases sapphire_bench and sapphire_pgbench (dropped
# at the end). Loads pg_stat_statements into PostgreSQL if it is not loaded (a restart of the
# local cluster). Prints a Markdown section and appends it to docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
members="${1:-300}"
per_member="${2:-40}"
seconds="${3:-15}"
export LC_ALL=C
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
command -v wrk >/dev/null || { apt-get update && apt-get install -y wrk; }

./mvnw -B -q -DskipTests install
source bench/lib.sh
work="$(mktemp -d)"

# Statements per request are counted by pg_stat_statements, which must be preloaded.
if ! psql -Atq -c "SHOW shared_preload_libraries" | grep -q pg_stat_statements; then
    echo "loading pg_stat_statements into PostgreSQL (restarting the local cluster)" >&2
    psql -q -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main restart
    for _ in $(seq 1 30); do pg_isready -q && break; sleep 1; done
fi

bench_databases sapphire_bench sapphire_bench_drill sapphire_pgbench
psql -q -d sapphire_bench -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
stop_server() { "$wlp/bin/server" stop sapphire-bench-load >/dev/null 2>&1 || true; }
trap 'stop_server; rm -rf "$work"' EXIT
# Far above what one machine sends: the benchmark measures the service, not the rate limit; the
# page-load step signs in through a local IdP (mock-oauth2-server on port 8095).
bench_server sapphire-bench-load sapphire_bench '<variable name="sapphire.rate-limit.api.per-minute" value="10000000"/>
    <variable name="sapphire.outbound.allow-private-addresses" value="true"/>'
base=https://localhost:9445
q() { psql -Atq -d sapphire_bench -F $'\t' -c "$1"; }

echo "generating the company: $members members, $per_member reports each, three lines each" >&2
psql -q -d sapphire_bench -v slug=load -v members="$members" -v per_member="$per_member" -f bench/load-data.sql
# Nine more companies, small ones, so that the scale step compares 10 tenants with 10,000.
small_tenants() {
    psql -q -d sapphire_bench -v from="$1" -v to="$2" <<'SQL'
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE small ON COMMIT DROP AS
SELECT gen_random_uuid() AS tenant, gen_random_uuid() AS member, gen_random_uuid() AS category, n FROM generate_series(:from, :to) n;
INSERT INTO tenant (id, slug, display_name, region, status) SELECT tenant, 'small-' || n, '小規模 ' || n, 'asia', 'ACTIVE' FROM small;
INSERT INTO member (id, tenant_id, issuer, subject, display_name, email, created_at, roles)
SELECT member, tenant, 'https://idp.small.example/', 'user', '社員 ' || n, 'user@small' || n || '.example', now(), 'EMPLOYEE' FROM small;
INSERT INTO expense_category (id, tenant_id, code, name, kind, default_tax_class)
SELECT category, tenant, '7110', '旅費交通費', 'TRANSPORT', 'STANDARD_10' FROM small;
CREATE TEMP TABLE small_report ON COMMIT DROP AS
SELECT gen_random_uuid() AS id, s.tenant, s.member, s.category, g FROM small s, generate_series(1, 20) g;
INSERT INTO expense_report (id, tenant_id, owner_id, title, status, total_yen, created_at, updated_at)
SELECT id, tenant, member, '交通費 ' || g, 'DRAFT', 1000 + g, now() - (g || ' days')::interval, now() FROM small_report;
INSERT INTO expense_line (id, tenant_id, report_id, line_no, spent_on, category_id, amount_yen, tax_class, tax_yen, payee, route_from, route_to)
SELECT gen_random_uuid(), tenant, id, 1, current_date - g, category, 1000 + g, 'STANDARD_10', (1000 + g) * 10 / 110, 'JR', '東京', '品川'
  FROM small_report;
COMMIT;
ANALYZE;
SQL
}
small_tenants 1 9

tenant=$(q "SELECT id FROM tenant WHERE slug = 'load'")
q "SELECT t.id, m.id, m.display_name, m.roles, m.tenant_id, 'load' FROM api_token t JOIN member m ON m.id = t.member_id
    WHERE t.tenant_id = '$tenant' ORDER BY m.subject" \
    | java bench/Tokens.java "$server/resources/security/api-signing-key.pem" "$base/api" $(( $(date +%s) + 86400 )) > "$work/tokens.tsv"
token_of() { awk -F'\t' -v m="$1" '$1 == m { print $2 }' "$work/tokens.tsv"; }
# "member TAB subject number" of the company, to choose whose token goes where.
q "SELECT id, substring(subject from 6)::int FROM member WHERE tenant_id = '$tenant'" > "$work/members.tsv"
join -t $'\t' <(sort "$work/members.tsv") <(sort "$work/tokens.tsv") > "$work/people.tsv"   # member, n, token
awk -F'\t' '{ print $3 "\t/api/v1/reports?size=20" }' "$work/people.tsv" > "$work/list.txt"
awk -F'\t' '$2 >= 2 && $2 <= 11 { print $3 "\t/api/v1/approvals" }' "$work/people.tsv" > "$work/inbox.txt"
q "SELECT owner_id, id FROM expense_report WHERE tenant_id = '$tenant'" | sort > "$work/reports.tsv"
join -t $'\t' "$work/reports.tsv" <(sort "$work/people.tsv") | awk -F'\t' '{ print $4 "\t/api/v1/reports/" $2 }' > "$work/report.txt"
sed 's|$|/actions|' "$work/report.txt" > "$work/actions.txt"
awk -F'\t' '$2 >= 17 { print $3 }' "$work/people.tsv" > "$work/filers.txt"
category=$(q "SELECT id FROM expense_category WHERE tenant_id = '$tenant' AND code = '7110'")
# Reports waiting at step 1 with their section manager's token, in two halves: one per run.
q "SELECT s.approver_id, r.id FROM expense_report r JOIN report_approval_step s ON s.report_id = r.id AND s.step_no = 1
    WHERE r.tenant_id = '$tenant' AND r.status = 'SUBMITTED' AND r.current_step = 1 AND s.approver_id <> r.owner_id" \
    | sort > "$work/waiting.tsv"
join -t $'\t' "$work/waiting.tsv" <(sort "$work/people.tsv") | awk -F'\t' '{ print $4 "\t" $2 }' | shuf > "$work/approvals.tsv"
half=$(( $(wc -l < "$work/approvals.tsv") / 2 ))
if [ -n "${BENCH_KEEP:-}" ]; then
    # For profiling by hand: the server stays up with its data; the files are in $work.
    trap - EXIT
    echo "server sapphire-bench-load is up at $base (pid $pid); files in $work" >&2
    exit 0
fi
head -n "$half" "$work/approvals.tsv" > "$work/approve-8.tsv"
tail -n +"$(( half + 1 ))" "$work/approvals.tsv" > "$work/approve-50.tsv"

echo "baselines: pgbench -S and -N, scale 10, 8 clients, ${seconds}s each" >&2
psql -q -d postgres -c "CREATE DATABASE sapphire_pgbench"
pgbench -q -i -s 10 sapphire_pgbench >/dev/null 2>&1
tps() { pgbench "$@" -c 8 -j 2 -T "$seconds" sapphire_pgbench 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p'; }
select_tps=$(tps -S)
write_tps=$(tps -N)

# wrk: "rps p50 p95 p99 errors done" of one run. Arguments: connections, script, script arguments.
run() {
    local connections=$1 script=$2
    shift 2
    wrk -t"$connections" -c"$connections" -d"${seconds}s" --timeout 10s -s "bench/load/$script" "$base" -- "$@" 2>/dev/null \
        | sed -n 's/^RESULT .* rps=\([0-9.]*\) p50=\([0-9.]*\) p95=\([0-9.]*\) p99=\([0-9.]*\) errors=\([0-9]*\) done=\([0-9]*\)$/\1 \2 \3 \4 \5 \6/p'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
rows=""
row() { rows+="| $1 | $2 | $3 | $4 | $5 | $6 | $7 | $8 |"$'\n'; }
peak_rss=0
rss() { local r; r=$(( $(ps -o rss= -p "$pid") / 1024 )); (( r > peak_rss )) && peak_rss=$r; echo "$r"; }

# Warm-up: the JIT and the caches see every path once before anything is measured.
for script in list inbox report actions; do
    wrk -t2 -c8 -d5s -s bench/load/read.lua "$base" -- "$work/$script.txt" >/dev/null 2>&1
done

for connections in 8 50; do
    for path in "my reports (GET /api/v1/reports?size=20):list" "approver's inbox (GET /api/v1/approvals):inbox" \
                "one report with its lines (GET /api/v1/reports/{id}):report" "its action log (GET /api/v1/reports/{id}/actions):actions"; do
        read -r rps p50 p95 p99 errors _ <<< "$(run "$connections" read.lua "$work/${path##*:}.txt")"
        row "${path%:*}" "$connections" "$rps" "$p50" "$p99" "$errors" "pgbench -S $select_tps" "$(ratio "$rps" "$select_tps")"
    done
    read -r rps p50 p95 p99 errors submitted <<< "$(run "$connections" submit.lua "$work/filers.txt" "$category")"
    reports=$(awk -v n="$submitted" -v s="$seconds" 'BEGIN { printf "%.1f", n / s }')
    writes=$(awk -v r="$reports" 'BEGIN { printf "%.1f", r * 4 }')
    row "create a report, add 3 lines, submit (5 requests): reports/s; report + lines written/s" "$connections" \
        "$rps req/s; $reports reports/s; $writes rows/s" "$p50" "$p99" "$errors" "pgbench -N $write_tps" "$(ratio "$writes" "$write_tps")"
    read -r rps p50 p95 p99 errors _ <<< "$(run "$connections" approve.lua "$work/approve-$connections.tsv" "$connections")"
    row "approve (POST /api/v1/reports/{id}/approve)" "$connections" "$rps" "$p50" "$p99" "$errors" "pgbench -N $write_tps" \
        "$(ratio "$rps" "$write_tps")"
    rss >/dev/null
done
sleep 5
rss_after=$(rss)
heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | sed -n 's/.*total \([0-9]*\)K, used \([0-9]*\)K.*/\1 \2/p' | head -n 1)

# SQL statements per request: pg_stat_statements over 200 sequential requests of one member.
statements() {
    local token=$1 url=$2 n=200 args=()
    for _ in $(seq 1 "$n"); do args+=(-o /dev/null "$base$url"); done
    psql -Atq -d sapphire_bench -c "SELECT pg_stat_statements_reset()" >/dev/null
    curl -ks -H "Authorization: Bearer $token" "${args[@]}"
    psql -Atq -d sapphire_bench -c "SELECT round(coalesce(sum(calls), 0)::numeric / $n, 2) FROM pg_stat_statements s
        JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = 'sapphire_app'
         AND s.dbid = (SELECT oid FROM pg_database WHERE datname = 'sapphire_bench')
         AND s.query !~* '^\\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION)'"
}
employee=$(sed -n 1p "$work/report.txt" | cut -f1)
one_report=$(sed -n 1p "$work/report.txt" | cut -f2)
manager=$(sed -n 1p "$work/inbox.txt" | cut -f1)
stmt_list=$(statements "$employee" "/api/v1/reports?size=20")
stmt_inbox=$(statements "$manager" "/api/v1/approvals")
stmt_report=$(statements "$employee" "$one_report")
stmt_actions=$(statements "$employee" "$one_report/actions")

# Scale: the read path's p95 with these 10 tenants, then with 10,000; the median of three runs each,
# since one run's p95 on two shared cores moves by a few milliseconds.
p95_median() {
    for _ in 1 2 3; do run 8 read.lua "$work/list.txt" | cut -d' ' -f3; done | sort -n | sed -n 2p
}
p95_10=$(p95_median)
echo "generating 9,990 more tenants" >&2
small_tenants 10 9999
for _ in 1 2; do wrk -t2 -c8 -d5s -s bench/load/read.lua "$base" -- "$work/list.txt" >/dev/null 2>&1; done
p95_10000=$(p95_median)
tenants=$(q "SELECT count(*) FROM tenant")

# A page of the UI in Chromium: my reports, cold (empty cache) and warm, signed in as member 17
# through a local IdP (the run command's mock-oauth2-server, its login form) connected by the
# operators' CLI.
pages=""
if command -v chromium >/dev/null && [ -x /usr/bin/chromedriver ]; then
    ./mvnw -q -pl server-config -Prun dependency:build-classpath -Dmdep.outputFile="$work/idp.cp" -Dmdep.includeScope=runtime >/dev/null
    SERVER_PORT=8095 JSON_CONFIG='{"interactiveLogin": true, "httpServer": "NettyWrapper"}' \
        java -cp "$(cat "$work/idp.cp")" no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt >/dev/null 2>&1 &
    idp=$!
    for _ in $(seq 1 60); do curl -sf http://localhost:8095/load/.well-known/openid-configuration >/dev/null && break; sleep 0.5; done
    echo bench-secret > "$work/idp-secret"
    sed -n 's/^sapphire\.keystore\.password=//p' "$server/bootstrap.properties" > "$work/keystore-password"
    server-config/target/sapphire-admin --url https://localhost:9646 --user alice --no-hostname-check \
        --password-file "$server/operators/alice.password" --trust-store "$server/resources/security/key.p12" \
        --trust-store-password-file "$work/keystore-password" \
        idp set load --issuer http://localhost:8095/load --client-id sapphire --client-secret-file "$work/idp-secret" >/dev/null
    q "UPDATE member SET issuer = 'http://localhost:8095/load' WHERE tenant_id = '$tenant' AND subject = 'user-17';
       INSERT INTO role_binding (id, tenant_id, role, kind, value, issuer, created_at)
       VALUES (gen_random_uuid(), '$tenant', 'EMPLOYEE', 'SUBJECT', 'user-17', 'http://localhost:8095/load', now())" >/dev/null
    ./mvnw -q -pl ear dependency:build-classpath -Dmdep.outputFile="$work/ui.cp" -Dmdep.includeScope=test >/dev/null
    pages=$(java -cp "$(cat "$work/ui.cp")" bench/PageLoad.java "$base" load user-17 /app/reports/index.xhtml 2>"$work/pageload.err" \
        || echo "not measured: $(tail -n 1 "$work/pageload.err")")
    kill "$idp" 2>/dev/null || true
fi

gib() { awk '/MemTotal/ { printf "%d GiB", $2 / 1048576 }' /proc/meminfo; }
section=$(cat <<MD

### $(date -u +%Y-%m-%d) load, $(nproc) cores, $(gib), PostgreSQL $(psql -Atq -c 'SHOW server_version' | cut -d' ' -f1)

\`bench/load.sh $members $per_member $seconds\`: one company of $members members (ten sections, a three-step route),
$(( members * per_member )) reports with three lines and two receipts each; wrk with one connection per thread, ${seconds} s a run
after a warm-up; baselines pgbench scale 10, 8 clients: \`-S\` $select_tps TPS, \`-N\` $write_tps TPS.

| path | connections | SAPPHIRE req/s | p50 ms | p99 ms | errors | baseline | ratio |
|---|---|---|---|---|---|---|---|
$rows
SQL statements per request (pg_stat_statements, 200 sequential requests, transaction control not counted): my reports
$stmt_list, inbox $stmt_inbox, one report $stmt_report, its action log $stmt_actions.

Server resident memory: $rss_after MiB after the load (peak seen $peak_rss MiB); heap committed/used (KiB): ${heap:-n/a}.

Scale in tenants, my reports at 8 connections (median of three runs): p95 $p95_10 ms with 10 tenants, $p95_10000 ms
with $tenants tenants (ratio $(ratio "$p95_10000" "$p95_10")).
${pages:+
UI in Chromium (my reports, navigation to load event): $pages}
MD
)
echo "$section"
echo "$section" >> docs/PERFORMANCE.md

stop_server
trap - EXIT
rm -rf "$work" "$server"
for db in sapphire_bench sapphire_bench_drill sapphire_pgbench; do
    psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
done
