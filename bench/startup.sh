#!/usr/bin/env bash
# Start-up time and idle memory of SAPPHIRE, as ratios to a bare Liberty server with the same
# configuration and features measured in the same run (docs/PERFORMANCE.md).
#
#   bench/startup.sh [runs]        default 3 runs of each; prints a Markdown table
#
# Needs what the README's test command needs; builds first. Uses ports 9082/9445 and the
# sapphire_it database; with a run server up on 9443 the "run command" row is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"

./mvnw -B -q -DskipTests install
wlp="$PWD/server-config/target/liberty/wlp"
ear="$PWD/ear/target/sapphire-ear-0.1.0-SNAPSHOT.ear"
server="$wlp/usr/servers/sapphire-bench"

rm -rf "$server"
cp -r "$wlp/usr/servers/sapphire-it" "$server"
rm -rf "$server/workarea" "$server/logs" "$server/configDropins/overrides/"*
cat > "$server/configDropins/overrides/bench.xml" <<XML
<server>
    <variable name="http.port" value="9082"/>
    <variable name="https.port" value="9445"/>
    <variable name="sapphire.db.name" value="sapphire_it"/>
</server>
XML

now() { date +%s.%N; }

# Seconds from $1 until URL $2 answers 200 with "UP".
wait_ready() {
    local start=$1 url=$2
    for _ in $(seq 1 600); do
        if curl -ksf "$url" 2>/dev/null | grep -q '"status":"UP"'; then
            awk -v a="$(now)" -v b="$start" 'BEGIN { printf "%.1f", a - b }'
            return
        fi
        sleep 0.2
    done
    echo "not ready: $url" >&2
    return 1
}

rss_mib() { echo $(( $(ps -o rss= -p "$1") / 1024 )); }

# One start of the bench server; prints "seconds rss_mib".
measure() {
    local start pid seconds
    start=$(now)
    "$wlp/bin/server" start sapphire-bench --clean >/dev/null
    seconds=$(wait_ready "$start" https://localhost:9445/health/ready)
    sleep 20
    pid=$(cat "$wlp/usr/servers/.pid/sapphire-bench.pid")
    echo "$seconds $(rss_mib "$pid")"
    "$wlp/bin/server" stop sapphire-bench >/dev/null
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

series() {
    local results=()
    for _ in $(seq 1 "$runs"); do results+=("$(measure)"); done
    printf '%s\n' "${results[@]}"
}

baseline=$(series)
cat > "$server/configDropins/overrides/application.xml" <<XML
<server>
    <enterpriseApplication id="sapphire" name="sapphire" location="$ear">
        <classloader apiTypeVisibility="+third-party" commonLibraryRef="postgresqlLibrary"/>
    </enterpriseApplication>
</server>
XML
sapphire=$(series)

base_t=$(echo "$baseline" | cut -d' ' -f1 | median); base_m=$(echo "$baseline" | cut -d' ' -f2 | median)
app_t=$(echo "$sapphire" | cut -d' ' -f1 | median); app_m=$(echo "$sapphire" | cut -d' ' -f2 | median)

run_t="skipped (port 9443 in use)"
if ! curl -ks https://localhost:9443/ >/dev/null 2>&1; then
    start=$(now)
    ./mvnw -B -q -Prun install >/tmp/sapphire-bench-run.log 2>&1 &
    maven=$!
    run_t=$(wait_ready "$start" https://localhost:9443/health/ready)
    "$wlp/bin/server" stop sapphire >/dev/null || true
    wait "$maven" 2>/dev/null || true
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cat <<TABLE
| measure (median of $runs) | bare Liberty, same config | SAPPHIRE | ratio |
|---|---|---|---|
| start to /health/ready UP (s) | $base_t | $app_t | $(ratio "$app_t" "$base_t") |
| resident memory, idle 20 s after ready (MiB) | $base_m | $app_m | $(ratio "$app_m" "$base_m") |

README run command (\`./mvnw -Prun install\`, warm Maven cache) to ready: ${run_t} s
TABLE
rm -rf "$server"
