"""Upgrading a database of version 2 to 3: every figure kept, England and the South East made
comparators, and the count, denominator and confidence-limit columns added."""

import sqlite3

from vfk_desktop.store.connection import Store, _connect, open_store
from vfk_desktop.store.migrations import upgrade
from vfk_desktop.store.reference import load_reference
from vfk_desktop.store.version import SCHEMA_VERSION


def test_a_version_2_database_is_upgraded_with_every_figure_kept(tmp_path):
    path = tmp_path / "v2.db"
    old = Store(_connect(path, readonly=False), path)
    upgrade(old, 0, stop_before="0003_public_data")
    with old.atomic():
        for name, kind in (("Dover", "district"), ("Kent", "county"), ("England", "outside"),
                           ("Medway", "outside")):
            old.conn.execute("INSERT INTO areas (name, kind) VALUES (?, ?)", (name, kind))
            old.conn.execute("INSERT INTO area_aliases (alias, area_id) SELECT ?, id FROM areas "
                             "WHERE name = ?", (name.upper(), name))
        old.conn.execute("INSERT INTO indicators (code, title) VALUES ('NI 39', 'Alcohol')")
        old.conn.executemany(
            "INSERT INTO observations (indicator, area_id, period, kind, value, text, missing) "
            "SELECT 'NI 39', id, ?, 'value', ?, ?, ? FROM areas WHERE name = ?",
            [("2008/09", 1212.0, "1,212", None, "Dover"), ("2008/09", None, "*", "suppressed", "Kent"),
             ("2009/10", 3.5, None, None, "England")])
        old.conn.execute("INSERT INTO rankings (area_id, indicator, round, priority) "
                         "SELECT id, 'NI 39', '2008/09', 'High' FROM areas WHERE name = 'Dover'")
    before = old.conn.execute("SELECT * FROM observations ORDER BY area_id, period").fetchall()
    assert old.conn.execute("PRAGMA user_version").fetchone()[0] == 2
    old.close()

    with open_store(path) as store:
        conn = store.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        after = conn.execute("SELECT indicator, area_id, period, kind, value, text, missing, "
                             "import_id, file, sheet, cell FROM observations "
                             "ORDER BY area_id, period").fetchall()
        assert after == before
        assert conn.execute("SELECT count, denominator, lower_95, upper_95, lower_99_8, upper_99_8 "
                            "FROM observations").fetchall() == [(None,) * 6] * 3
        kinds = dict(conn.execute("SELECT name, kind FROM areas"))
        assert kinds == {"Dover": "district", "Kent": "county", "England": "comparator",
                         "Medway": "outside"}
        assert conn.execute("SELECT count(*) FROM area_aliases").fetchone()[0] == 4
        assert conn.execute("SELECT count(*) FROM rankings").fetchone()[0] == 1
        load_reference(store)  # `vfk init` on the upgraded file
        assert dict(conn.execute("SELECT name, kind FROM areas"))["South East"] == "comparator"
    copy = sqlite3.connect(path)
    assert copy.execute("SELECT count(*) FROM observations").fetchone()[0] == 3
    copy.close()
