"""The county's IT's script makes a store the app can publish to, and running it again changes nothing."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import psycopg
import pytest

from tests.county.conftest import split_database
from tests.support.postgres import SUPERUSER, postgres_bin
from vfk_desktop.county.publish import publish
from vfk_desktop.county.schema import COUNTY_SCHEMA_VERSION
from vfk_desktop.store.connection import open_store

pytestmark = pytest.mark.county_store
SCRIPT = Path(__file__).resolve().parents[2] / "installer" / "county_store" / "create_county_store.sh"


def test_the_script_creates_the_store_and_its_roles_and_can_run_again(
        pg_cluster, sample_template: Path, tmp_path: Path) -> None:
    environment = {**os.environ, "PGHOST": "127.0.0.1", "PGPORT": str(pg_cluster.port),
                   "PGUSER": SUPERUSER, "PGPASSWORD": "admin",
                   "PATH": f"{Path(postgres_bin('psql')).parent}:{os.environ['PATH']}"}
    runs = [subprocess.run(["sh", str(SCRIPT), "kent_it"], env=environment, capture_output=True,
                           stdin=subprocess.DEVNULL, text=True, timeout=120) for _ in range(2)]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr + runs[1].stderr
    assert "Applying 0001_county_store.sql" in runs[0].stdout
    assert "Applying" not in runs[1].stdout
    assert re.search(r"vfk_tunbridge_wells +\| Tunbridge Wells", runs[1].stdout)
    with psycopg.connect(pg_cluster.url(database="kent_it", password="admin"),
                         autocommit=True) as owner:
        assert owner.execute("SELECT version FROM vfk.schema_version").fetchall() == \
            [(COUNTY_SCHEMA_VERSION,)]
        owner.execute("ALTER ROLE vfk_swale PASSWORD 'secret-vfk_swale'")
    assert pg_cluster.pgpass is not None
    with pg_cluster.pgpass.open("a") as pgpass:
        pgpass.write(f"127.0.0.1:{pg_cluster.port}:*:vfk_swale:secret-vfk_swale\n")
    pg_cluster.pgpass.chmod(0o600)
    path = split_database(sample_template, tmp_path / "swale.db", "Swale")
    with open_store(path) as store:
        report = publish(store, pg_cluster.url("vfk_swale", "kent_it"))
    assert report.counts["figures"] == [48, 0, 0]


def test_upgrading_a_version_1_store_keeps_its_figures_in_each_publishers_partition(
        pg_cluster) -> None:
    from vfk_desktop.county.schema import apply_migrations, migrations, roles_sql

    with psycopg.connect(pg_cluster.url(password="admin"), autocommit=True) as admin:
        admin.execute('CREATE DATABASE "upgrade_me"')
    with psycopg.connect(pg_cluster.url(database="upgrade_me", password="admin"),
                         autocommit=True) as owner:
        version_1 = dict(migrations())[1]
        with owner.transaction():
            owner.execute(version_1.encode())
        owner.execute(roles_sql().encode())
        for area, value in (("Dover", 1.5), ("Kent", 2.5), ("England", 3.5)):
            owner.execute("INSERT INTO vfk.figures (area, indicator, period, kind, value, "
                          "published_by, published_at) VALUES (%s, 'NI 163', '2008/09', 'value', "
                          "%s, 'them', now())", (area, value))
        assert apply_migrations(owner) == COUNTY_SCHEMA_VERSION
        kept = owner.execute("SELECT tableoid::regclass::text, area, value FROM vfk.figures "
                             "ORDER BY area").fetchall()
    assert kept == [("vfk.figures_of_vfk_dover", "Dover", 1.5),
                    ("vfk.figures_of_vfk_county", "England", 3.5),
                    ("vfk.figures_of_vfk_county", "Kent", 2.5)]
