#!/usr/bin/env bash
# Creates (or brings up to date) the SAPPHIRE roles and the databases named as arguments
# (default: sapphire). Idempotent.
#
# Connects as a PostgreSQL superuser: PGHOST, PGPORT and PGUSER as usual for psql
# (defaults 127.0.0.1, 5432, postgres). The roles' passwords come from the environment, all five
# required (the build passes the local ones, which live in server-config/pom.xml only):
#   SAPPHIRE_DB_OWNER_PASSWORD, SAPPHIRE_DB_APP_PASSWORD, SAPPHIRE_DB_SYSTEM_PASSWORD,
#   SAPPHIRE_DB_BACKUP_PASSWORD, SAPPHIRE_DB_SESSION_PASSWORD
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
for variable in SAPPHIRE_DB_OWNER_PASSWORD SAPPHIRE_DB_APP_PASSWORD SAPPHIRE_DB_SYSTEM_PASSWORD SAPPHIRE_DB_BACKUP_PASSWORD \
                SAPPHIRE_DB_SESSION_PASSWORD; do
    [ -n "${!variable:-}" ] || { echo "bootstrap.sh: $variable is not set" >&2; exit 2; }
done

for database in "${@:-sapphire}"; do
    psql --no-psqlrc --quiet --dbname=postgres \
         --set=db_name="$database" \
         --set=owner_password="$SAPPHIRE_DB_OWNER_PASSWORD" \
         --set=app_password="$SAPPHIRE_DB_APP_PASSWORD" \
         --set=system_password="$SAPPHIRE_DB_SYSTEM_PASSWORD" \
         --set=backup_password="$SAPPHIRE_DB_BACKUP_PASSWORD" \
         --set=session_password="$SAPPHIRE_DB_SESSION_PASSWORD" \
         --file="$(dirname "$0")/bootstrap.sql"
done
