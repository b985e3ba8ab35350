"""The county store's schema: numbered SQL migrations kept in county/sql/, and the version check.

The county's IT applies the migrations (installer/county_store/create_county_store.sh, or
apply_migrations() here, which the tests and the benchmark use); the app only checks the version.
"""

from __future__ import annotations

import re
from importlib import resources
from typing import TYPE_CHECKING

from vfk_desktop.domain.errors import VfkError

if TYPE_CHECKING:
    import psycopg

SCRIPT = "installer/county_store/create_county_store.sh"


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) for each numbered file in county/sql, in order."""
    found = []
    for item in resources.files("vfk_desktop.county").joinpath("sql").iterdir():
        match = re.fullmatch(r"(\d{4})_\w+\.sql", item.name)
        if match:
            found.append((int(match.group(1)), item.read_text(encoding="utf-8")))
    return sorted(found)


COUNTY_SCHEMA_VERSION = max(version for version, _ in migrations())


def roles_sql() -> str:
    return resources.files("vfk_desktop.county").joinpath("sql", "roles.sql").read_text(encoding="utf-8")


def found_version(conn: psycopg.Connection) -> int | None:
    """The store's schema version; None when the database has no county store in it."""
    row = conn.execute("SELECT to_regclass('vfk.schema_version') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return None
    version = conn.execute("SELECT max(version) FROM vfk.schema_version").fetchone()
    return int(version[0]) if version and version[0] is not None else 0


def check_version(conn: psycopg.Connection, where: str) -> None:
    """Refuse, in one sentence, a database without the county store or with another version."""
    version = found_version(conn)
    if version is None:
        raise VfkError(f"The database at {where} holds no county store yet; the county's IT creates "
                       f"it with {SCRIPT}.")
    if version > COUNTY_SCHEMA_VERSION:
        raise VfkError(f"The county store at {where} is version {version}, newer than this "
                       f"vfk_desktop knows (version {COUNTY_SCHEMA_VERSION}); install the newer "
                       f"vfk_desktop to publish or pull.")
    if version < COUNTY_SCHEMA_VERSION:
        raise VfkError(f"The county store at {where} is version {version} and this vfk_desktop needs "
                       f"version {COUNTY_SCHEMA_VERSION}; the county's IT upgrades it by running "
                       f"{SCRIPT} again.")


def apply_migrations(conn: psycopg.Connection) -> int:
    """Apply every migration the store lacks, each in its own transaction, and make the roles;
    returns the version reached. Run as the database's owner."""
    conn.autocommit = True
    version = found_version(conn) or 0
    for number, sql in migrations():
        if number > version:
            with conn.transaction():
                conn.execute(sql.encode())
            version = number
    conn.execute(roles_sql().encode())
    return version
