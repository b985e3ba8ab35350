#!/bin/sh
# Create (or upgrade) the Kent county store for vfk_desktop on a PostgreSQL server.
#
#   installer/county_store/create_county_store.sh [DATABASE]      (default database: vfk_county)
#
# Run it as a PostgreSQL superuser, or a role that may create databases and roles, with the usual
# libpq settings (PGHOST, PGPORT, PGUSER; the password from ~/.pgpass). It:
#   1. creates the database when it does not exist;
#   2. applies each numbered migration in vfk_desktop/county/sql/ the store does not have yet, each
#      in one transaction (running the script again later upgrades the store);
#   3. makes one login role per district (vfk_ashford … vfk_tunbridge_wells) and vfk_county for the
#      county, members of vfk_writer; row-level security lets each write only its own rows.
# Then set each role's password (psql: \password vfk_tunbridge_wells) and give each district its
# address: postgresql://vfk_tunbridge_wells@HOST/DATABASE.
set -eu

database="${1:-vfk_county}"
here="$(cd "$(dirname "$0")" && pwd)"
sql="$here/../../vfk_desktop/county/sql"

if ! psql -X -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
    echo "Creating the database $database"
    createdb "$database"
fi

current=0
if [ "$(psql -X -d "$database" -tAc "SELECT to_regclass('vfk.schema_version') IS NOT NULL")" = "t" ]; then
    current="$(psql -X -d "$database" -tAc "SELECT coalesce(max(version), 0) FROM vfk.schema_version")"
fi
for file in "$sql"/[0-9][0-9][0-9][0-9]_*.sql; do
    number="$(basename "$file" | cut -c1-4 | sed 's/^0*//')"
    if [ "$number" -gt "$current" ]; then
        echo "Applying $(basename "$file")"
        psql -X -v ON_ERROR_STOP=1 --single-transaction -q -d "$database" -f "$file"
    fi
done

echo "Making the district and county roles"
psql -X -v ON_ERROR_STOP=1 -q -d "$database" -f "$sql/roles.sql"
psql -X -d "$database" -c "SELECT role_name AS role, area AS publishes_for FROM vfk.writers ORDER BY area"
echo "Done. Set each role's password (\\password ROLE in psql) and send each district its address."
