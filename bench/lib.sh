# Shared by the benchmarks (sourced, from the repository's top): the built Liberty and EAR, the
# databases bootstrapped with the local passwords the build gave the test server, and a copy of
# the test server on its own ports (9082/9445, management 9646) with the product EAR.
wlp="$PWD/server-config/target/liberty/wlp"
ear="$PWD/ear/target/sapphire-ear-0.1.0-SNAPSHOT.ear"

# The local passwords (server-config/pom.xml is their one home).
local_password() { sed -n "s/^sapphire\.db\.$1\.password=//p" "$wlp/usr/servers/sapphire-it/bootstrap.properties"; }

# Drops these databases, then bootstraps the first two (application database and its drill database).
bench_databases() {
    local db
    for db in "$@"; do
        psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null
    done
    SAPPHIRE_DB_OWNER_PASSWORD=$(local_password owner) SAPPHIRE_DB_APP_PASSWORD=$(local_password app) \
        SAPPHIRE_DB_SYSTEM_PASSWORD=$(local_password system) SAPPHIRE_DB_BACKUP_PASSWORD=$(local_password backup) \
        SAPPHIRE_DB_SESSION_PASSWORD=$(local_password session) bash server-config/src/main/db/bootstrap.sh "$1" "$2" >/dev/null
}

# bench_server NAME DATABASE [VARIABLES_XML]: starts a copy of the test server on DATABASE, timers
# off, and waits until it is ready; sets $server (its directory) and $pid.
bench_server() {
    server="$wlp/usr/servers/$1"
    rm -rf "$server"
    cp -r "$wlp/usr/servers/sapphire-it" "$server"
    rm -rf "$server/workarea" "$server/logs" "$server/backups" "$server/configDropins/overrides/"*
    cat > "$server/configDropins/overrides/bench.xml" <<XML
<server>
    <variable name="http.port" value="9082"/>
    <variable name="https.port" value="9445"/>
    <variable name="sapphire.management.port" value="9646"/>
    <variable name="sapphire.db.name" value="$2"/>
    <variable name="sapphire.batch.timers.enabled" value="false"/>
    ${3:-}
    <enterpriseApplication id="sapphire" name="sapphire" location="$ear">
        <classloader apiTypeVisibility="+third-party" commonLibraryRef="postgresqlLibrary"/>
    </enterpriseApplication>
</server>
XML
    "$wlp/bin/server" start "$1" --clean >/dev/null
    for _ in $(seq 1 600); do
        curl -ksf https://localhost:9646/health/ready 2>/dev/null | grep -q '"status":"UP"' && break
        sleep 0.5
    done
    pid=$(cat "$wlp/usr/servers/.pid/$1.pid")
}
