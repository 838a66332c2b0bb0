#!/usr/bin/env bash
# Creates (or brings up to date) the SAPPHIRE roles and the databases named as arguments
# (default: sapphire). Idempotent.
#
# Connects as a PostgreSQL superuser: PGHOST, PGPORT and PGUSER as usual for psql
# (defaults 127.0.0.1, 5432, postgres). Role passwords come from the environment; the
# defaults are for a developer machine only:
#   SAPPHIRE_DB_OWNER_PASSWORD    sapphire-owner-local
#   SAPPHIRE_DB_APP_PASSWORD      sapphire-app-local
#   SAPPHIRE_DB_SYSTEM_PASSWORD   sapphire-system-local
#   SAPPHIRE_DB_BACKUP_PASSWORD   sapphire-backup-local
set -euo pipefail

export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

for database in "${@:-sapphire}"; do
    psql --no-psqlrc --quiet --dbname=postgres \
         --set=db_name="$database" \
         --set=owner_password="${SAPPHIRE_DB_OWNER_PASSWORD:-sapphire-owner-local}" \
         --set=app_password="${SAPPHIRE_DB_APP_PASSWORD:-sapphire-app-local}" \
         --set=system_password="${SAPPHIRE_DB_SYSTEM_PASSWORD:-sapphire-system-local}" \
         --set=backup_password="${SAPPHIRE_DB_BACKUP_PASSWORD:-sapphire-backup-local}" \
         --file="$(dirname "$0")/bootstrap.sql"
done
