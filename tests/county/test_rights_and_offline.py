"""The server refuses a district writing another's rows; with no server every command still works
and publishing says why it cannot."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from tests.county.conftest import UrlFor, split_database
from vfk_desktop.county.connection import without_password
from vfk_desktop.county.schema import COUNTY_SCHEMA_VERSION

pytestmark = pytest.mark.county_store
REPO = Path(__file__).resolve().parents[2]


def vfk(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(REPO)}
    environment.pop("VFK_COUNTY_URL", None)
    return subprocess.run([sys.executable, "-m", "vfk_desktop.cli", "--db", str(db), *args],
                          capture_output=True, text=True, env=environment, timeout=120)


def test_a_district_role_cannot_write_another_districts_rows(county: UrlFor) -> None:
    row = ("Dartford", "NI 163", "2008/09", "value", 70.0, "Tunbridge Wells")
    insert = ("INSERT INTO vfk.figures (area, indicator, period, kind, value, published_by, "
              "published_at) VALUES (%s, %s, %s, %s, %s, %s, now())")
    with psycopg.connect(county("Tunbridge Wells"), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(insert, row)
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(insert, ("Kent", *row[1:]))  # the county's rows
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("INSERT INTO vfk.indicators (code, title, published_by, published_at) "
                         "VALUES ('X 1', 'mine', 'Tunbridge Wells', now())")  # the catalogue
        conn.execute(insert, ("Tunbridge Wells", *row[1:]))  # its own: allowed
    with psycopg.connect(county("Dartford"), autocommit=True) as conn:
        conn.execute(insert, (*row[:5], "Dartford"))
    with psycopg.connect(county("Tunbridge Wells"), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute(insert + " ON CONFLICT (area, indicator, period, kind) DO UPDATE SET "
                         "value = 1", row)
        changed = conn.execute("UPDATE vfk.figures SET value = 1 WHERE area = 'Dartford'").rowcount
        assert changed == 0  # another's rows are out of its reach
    with psycopg.connect(county("vfk_analyst"), autocommit=True) as conn:
        assert conn.execute("SELECT value FROM vfk.figures WHERE area = 'Dartford'").fetchone() == (70.0,)


def test_publishing_as_another_district_is_refused_in_one_sentence(county: UrlFor,
                                                                 sample_db: Path) -> None:
    done = vfk(sample_db, "publish", "--locality", "Dartford", "--county-url", county("Tunbridge Wells"))
    assert done.returncode == 1
    assert done.stderr.startswith("vfk: The county store at 127.0.0.1/county_")
    assert "each district may write only its own rows); nothing was written." in done.stderr
    assert "Traceback" not in done.stderr


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_with_no_server_every_command_works_and_publish_says_so(sample_db: Path) -> None:
    url = f"postgresql://vfk_tunbridge_wells:hunter2@127.0.0.1:{_closed_port()}/county"
    published = vfk(sample_db, "publish", "--county-url", url)
    assert published.returncode == 1
    assert "cannot be reached (no server answers there); you can keep working offline" in \
        published.stderr
    assert "hunter2" not in published.stderr
    pulled = vfk(sample_db, "pull", "--county-url", url, "--json")
    assert pulled.returncode == 1 and "keep working offline" in pulled.stderr
    fare = vfk(sample_db, "fare", "--locality", "Tunbridge Wells", "--json")
    assert fare.returncode == 0 and len(json.loads(fare.stdout)) > 10
    unset = vfk(sample_db, "publish")
    assert unset.returncode == 2 and "No county store is set" in unset.stderr


def test_the_address_is_saved_without_its_password(county: UrlFor, sample_template: Path,
                                                   tmp_path: Path) -> None:
    path = split_database(sample_template, tmp_path / "tw.db", "Tunbridge Wells")
    url = county("Tunbridge Wells").replace("vfk_tunbridge_wells@",
                                            "vfk_tunbridge_wells:secret-vfk_tunbridge_wells@")
    assert vfk(path, "publish", "--county-url", url).returncode == 0
    again = vfk(path, "publish", "--json")  # the saved address; the password from pgpass
    assert again.returncode == 0 and json.loads(again.stdout)["unchanged"] == 95  # 86 + 9 local priorities
    assert b"secret-vfk" not in path.read_bytes()
    assert without_password(url) == county("Tunbridge Wells")


def test_a_database_without_the_store_or_of_another_version_is_named(
        county: UrlFor, pg_cluster, sample_db: Path) -> None:
    url = county("Tunbridge Wells")
    database = url.rsplit("/", 1)[1]
    with psycopg.connect(pg_cluster.url(database=database), autocommit=True) as owner:
        owner.execute("UPDATE vfk.schema_version SET version = %s", (COUNTY_SCHEMA_VERSION + 1,))
    newer = vfk(sample_db, "pull", "--county-url", url)
    assert newer.returncode == 1 and "newer than this vfk_desktop knows" in newer.stderr
    bare = vfk(sample_db, "pull", "--county-url", pg_cluster.url("vfk_tunbridge_wells", "postgres"))
    assert bare.returncode == 1
    assert "holds no county store yet; the county's IT creates it with installer/county_store/" \
        in bare.stderr


def _copy(conn: psycopg.Connection, table: str, area: str) -> None:
    columns = "area, indicator, period, kind, value, revision, published_by, published_at"
    with conn.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        copy.write_row((area, "NI 163", "2008/09", "value", 70.0, 1, "Dover", "2026-12-03 09:00+00"))


def test_a_district_copies_only_into_its_own_partition_and_only_its_own_rows(county: UrlFor) -> None:
    with psycopg.connect(county("Dover"), autocommit=True) as conn:
        with pytest.raises(psycopg.errors.FeatureNotSupported, match="row-level security"):
            _copy(conn, "vfk.figures", "Dover")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _copy(conn, "vfk.figures_of_vfk_ashford", "Ashford")
        with pytest.raises(psycopg.errors.CheckViolation, match="partition constraint"):
            _copy(conn, "vfk.figures_of_vfk_dover", "Ashford")
        _copy(conn, "vfk.figures_of_vfk_dover", "Dover")
        assert conn.execute("SELECT area, value FROM vfk.figures").fetchall() == [("Dover", 70.0)]
