"""Upgrading a database of version 3 to 4: every figure, count and limit kept; the value type and
multiplier columns added, empty, to the observations and the catalogue."""

import sqlite3

from vfk_desktop.store.connection import Store, _connect, open_store
from vfk_desktop.store.migrations import upgrade
from vfk_desktop.store.reference import load_reference
from vfk_desktop.store.version import SCHEMA_VERSION


def test_a_version_3_database_keeps_every_figure(tmp_path):
    path = tmp_path / "v3.db"
    old = Store(_connect(path, readonly=False), path)
    upgrade(old, 0, stop_before="0004_statistics")
    with old.atomic():
        for name, kind in (("Dover", "district"), ("Kent", "county"), ("England", "comparator")):
            old.conn.execute("INSERT INTO areas (name, kind) VALUES (?, ?)", (name, kind))
        old.conn.execute("INSERT INTO indicators (code, title, unit) VALUES ('NI 39', 'Alcohol', "
                         "'per 100,000')")
        old.conn.executemany(
            "INSERT INTO observations (indicator, area_id, period, kind, value, text, missing, count, "
            "denominator, lower_95, upper_95, lower_99_8, upper_99_8) "
            "SELECT 'NI 39', id, ?, 'value', ?, ?, ?, ?, ?, ?, ?, ?, ? FROM areas WHERE name = ?",
            [("2008/09", 1212.0, "1,212", None, 1300, 107_260, 1146.0, 1279.0, 1110.0, 1318.0, "Dover"),
             ("2008/09", None, "*", "suppressed", None, None, None, None, None, None, "Kent"),
             ("2009/10", 3.5, None, None, 12, None, None, None, None, None, "England")])
    before = old.conn.execute("SELECT * FROM observations ORDER BY area_id, period").fetchall()
    assert old.conn.execute("PRAGMA user_version").fetchone()[0] == 3
    old.close()

    with open_store(path) as store:
        conn = store.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        after = conn.execute("SELECT * FROM observations ORDER BY area_id, period").fetchall()
        assert [row[:-2] for row in after] == before
        assert {row[-2:] for row in after} == {(None, None)}
        assert conn.execute("SELECT value_type, multiplier FROM indicators").fetchall() == [(None, None)]
        load_reference(store)  # `vfk init` on the upgraded file fills in the catalogue's
        found = dict(conn.execute("SELECT code, value_type || ' x' || multiplier FROM indicators "
                                  "WHERE code IN ('NI 39', 'NI 163')"))
        assert found == {"NI 39": "rate x100000.0", "NI 163": "proportion x100.0"}
    copy = sqlite3.connect(path)
    assert copy.execute("SELECT count(*) FROM observations").fetchone()[0] == 3
    copy.close()
