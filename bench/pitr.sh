#!/usr/bin/env bash
# The point-in-time recovery benchmark (docs/BACKUP.md, docs/PERFORMANCE.md): on a PostgreSQL
# cluster of its own, archiving through server-config's sapphire-pitr into an encrypted pgBackRest
# repository, with pgbench's tables at a scale, in one run on this machine —
#   full base backup time          against pg_dump -Fc of the same database,
#   restore to a moment (RTO)      against pg_restore of that dump into an empty database,
#   a commit's way into the archive (RPO) with archive_timeout as configured (60 s).
#
#   bench/pitr.sh [pgbench scale]     default 50 (about 750 MB)
#
# Needs Debian's postgresql and pgbackrest; builds server-config first. Uses ports 9596/9597 and
# /tmp/sapphire-pitr-bench (removed at the end). Run as root or as the database's system user.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-50}"
root=/tmp/sapphire-pitr-bench
bin=/usr/lib/postgresql/15/bin
port=9596
drill_port=9597

./mvnw -B -q -DskipTests -pl server-config -am install
pitr() {
    env SAPPHIRE_PITR_HOME="$root/home" SAPPHIRE_PITR_PGDATA="$root/pg" SAPPHIRE_PITR_PGPORT="$port" \
        SAPPHIRE_PITR_PGSOCKET="$root" SAPPHIRE_PITR_DRILL_PORT="$drill_port" server-config/target/sapphire-pitr "$@"
}
as_db() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
seconds() { local start=$1 end; end=$(date +%s.%N); echo "$end - $start" | bc -l | xargs printf '%.2f'; }
cleanup() {
    pitr drill-stop >/dev/null 2>&1 || true
    [ -f "$root/pg/postmaster.pid" ] && as_db "$bin/pg_ctl" -D "$root/pg" -m immediate stop >/dev/null 2>&1 || true
    [ -f "$root/restored/postmaster.pid" ] && as_db "$bin/pg_ctl" -D "$root/restored" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$root"
}
cleanup
trap cleanup EXIT
mkdir -p "$root"
[ "$(id -u)" = 0 ] && chown postgres: "$root"
as_db "$bin/initdb" -D "$root/pg" -U postgres -A trust >/dev/null
{
    echo "port = $port"; echo "listen_addresses = '127.0.0.1'"; echo "unix_socket_directories = '$root'"
    pitr archive-settings
} | as_db tee -a "$root/pg/postgresql.conf" >/dev/null
as_db "$bin/pg_ctl" -D "$root/pg" -l "$root/postgres.log" -w start >/dev/null
pitr configure
psql="psql -h 127.0.0.1 -p $port -U postgres -q -At"

echo "generating pgbench tables at scale $scale" >&2
$psql -c "CREATE DATABASE bench"
pgbench -h 127.0.0.1 -p "$port" -U postgres -i -q -s "$scale" bench >/dev/null 2>&1
size=$($psql -d bench -c "SELECT pg_database_size('bench')")

t=$(date +%s.%N); pg_dump -h 127.0.0.1 -p "$port" -U postgres -Fc -f "$root/bench.dump" bench; dump_s=$(seconds "$t")
t=$(date +%s.%N); pitr backup full >/dev/null; backup_s=$(seconds "$t")
repo_bytes=$(du -sb "$root/home/repo/backup" | cut -f1)

echo "writing for 30 s with pgbench, then noting the moment" >&2
pgbench -h 127.0.0.1 -p "$port" -U postgres -N -c 4 -T 30 bench >/dev/null 2>&1
$psql -d bench -c "CREATE TABLE noted (at timestamptz)" -c "INSERT INTO noted VALUES (clock_timestamp())"
# The moment after the row's commit: recovery to it includes that transaction.
moment=$($psql -d bench -c "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
# RPO: how long the noted commit waits until its WAL segment is in the repository, with no other writes.
t=$(date +%s.%N)
segment=$($psql -c "SELECT pg_walfile_name(pg_current_wal_lsn())")
until [ "$($psql -c "SELECT coalesce(last_archived_wal, '') >= '$segment' FROM pg_stat_archiver")" = t ]; do sleep 0.5; done
rpo_s=$(seconds "$t")
$psql -d bench -c "INSERT INTO noted VALUES (clock_timestamp())"
$psql -c "SELECT pg_switch_wal()" >/dev/null
sleep 2

$psql -c "CREATE DATABASE restored"
t=$(date +%s.%N); pg_restore -h 127.0.0.1 -p "$port" -U postgres -d restored "$root/bench.dump"; pgrestore_s=$(seconds "$t")
t=$(date +%s.%N); pitr drill "$moment" >/dev/null; drill_s=$(seconds "$t")
rows=$(psql -h 127.0.0.1 -p "$drill_port" -U postgres -At -d bench -c "SELECT count(*) FROM noted")
[ "$rows" = 1 ] || { echo "the drill holds $rows noted rows, not 1" >&2; exit 1; }

ratio() { echo "$1 / $2" | bc -l | xargs printf '%.2f'; }
cat <<REPORT

### $(date -u +%F) point-in-time recovery, $(nproc) cores, PostgreSQL $($psql -c 'SHOW server_version'), pgBackRest $(pgbackrest version | cut -d' ' -f2)

\`bench/pitr.sh $scale\`: pgbench tables at scale $scale, database $((size / 1024 / 1024)) MiB; repository encrypted (aes-256-cbc), zstd.

| measure | baseline | pgBackRest via sapphire-pitr | ratio |
|---|---|---|---|
| full base backup (s) | pg_dump -Fc: $dump_s | $backup_s | $(ratio "$backup_s" "$dump_s") |
| restore to a moment, recovery done (RTO, s) | pg_restore into an empty database: $pgrestore_s | $drill_s (after 30 s of pgbench -N writes) | $(ratio "$drill_s" "$pgrestore_s") |
| repository size of the full backup (bytes) | database: $size | $repo_bytes | $(ratio "$repo_bytes" "$size") |

A commit's WAL reached the repository $rpo_s s after it (archive_timeout 60 s, no other writes): the recovery point.
REPORT
