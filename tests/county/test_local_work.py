"""A district's local priorities and actions go to the county store and come back into the other
districts' files as one undoable pull, on a real server."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import psycopg
import pytest

from tests.county.conftest import UrlFor, local_work, split_database
from vfk_desktop.county.publish import publish
from vfk_desktop.county.pull import pull
from vfk_desktop.domain.actions import Action, ActionStatus, Note
from vfk_desktop.store.actions import action, save_action, update_action
from vfk_desktop.store.connection import open_store
from vfk_desktop.store.imports import undo_import
from vfk_desktop.store.local_priorities import LocalPriority, save_local_priority

pytestmark = pytest.mark.county_store


def _work(path: Path, place: str) -> set[tuple]:
    conn = sqlite3.connect(path)
    rows = {row for row in local_work(conn) if row[1] == place}
    conn.close()
    return rows


def _ashford_plans(path: Path) -> tuple[int, int]:
    """Ashford's officer writes a local priority and an action serving it."""
    with open_store(path) as store:
        codes = [code for (code,) in store.conn.execute("SELECT code FROM indicators ORDER BY code "
                                                        "LIMIT 3")]
        priority = save_local_priority(store, LocalPriority(
            None, "Ashford", 1, "Homes people can afford", "More starts in the town centre",
            (1, 3), (codes[0], codes[1])))
        plan = store.conn.execute("SELECT id FROM delivery_plans ORDER BY id LIMIT 1").fetchone()[0]
        made = save_action(store, Action(
            None, "Ashford", "Open the new housing office", "J Patel", dt.date(2027, 3, 31),
            ActionStatus.ON_TRACK, (codes[2],), (Note("2026-11-02T10:00:00+00:00", "jpatel",
                                                      "Lease signed"),), priority, plan))
    return priority, made


def test_a_districts_priorities_and_actions_reach_another_district_and_undo_takes_them_back(
        county: UrlFor, sample_template: Path, tmp_path: Path) -> None:
    ashford = split_database(sample_template, tmp_path / "ashford.db", "Ashford")
    dover = split_database(sample_template, tmp_path / "dover.db", "Dover")
    _ashford_plans(ashford)
    mine = _work(ashford, "Ashford")
    assert len(mine) == 2
    with open_store(ashford) as store:
        sent = publish(store, county("Ashford"))
    assert sent.counts["local_priorities"] == [1, 0, 0] and sent.counts["actions"] == [1, 0, 0]
    with psycopg.connect(county("vfk_analyst")) as conn:
        stored = conn.execute("SELECT title, status, due, notes, published_by FROM vfk.actions").fetchall()
    assert stored == [("Open the new housing office", "on track", "2027-03-31",
                       '[["2026-11-02T10:00:00+00:00","jpatel","Lease signed"]]', "Ashford")]
    before = _work(dover, "Ashford")
    assert before == set()
    with open_store(dover) as store:
        dry = pull(store, county("Dover"), dry_run=True)
        assert _work(dover, "Ashford") == set()  # the report comes first
        report = pull(store, county("Dover"))
        assert report.counts["local_priorities"] == dry.counts["local_priorities"] == [1, 0, 0]
        assert report.counts["actions"] == [1, 0, 0] and report.import_id is not None
        assert "1 local priority (1 new" in report.summary()
        assert _work(dover, "Ashford") == mine  # the action still serves its priority
        again = pull(store, county("Dover"))
        assert again.changed == 0 and again.import_id is None
        undo_import(store, report.import_id)
    assert _work(dover, "Ashford") == set()


def test_a_district_cannot_write_another_districts_priorities_or_actions(county: UrlFor) -> None:
    insert_priority = ("INSERT INTO vfk.local_priorities (area, source_id, position, title, "
                       "published_by, published_at) VALUES (%s, 1, 1, 'Ours', %s, now())")
    insert_action = ("INSERT INTO vfk.actions (area, source_id, title, owner, status, created_at, "
                     "created_by, published_by, published_at) VALUES (%s, 1, 'Do it', 'me', "
                     "'not started', '2026-12-01', 'me', %s, now())")
    with psycopg.connect(county("Ashford"), autocommit=True) as conn:
        conn.execute(insert_priority, ("Ashford", "Ashford"))
        conn.execute(insert_action, ("Ashford", "Ashford"))
    with psycopg.connect(county("Dover"), autocommit=True) as conn:
        for insert in (insert_priority, insert_action):
            with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
                conn.execute(insert, ("Ashford", "Dover"))
        assert conn.execute("UPDATE vfk.local_priorities SET title = 'Theirs' "
                            "WHERE area = 'Ashford'").rowcount == 0
        assert conn.execute("UPDATE vfk.actions SET status = 'done' WHERE area = 'Ashford'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM vfk.actions WHERE area = 'Ashford'")
        assert conn.execute("SELECT title FROM vfk.local_priorities").fetchall() == [("Ours",)]
        assert conn.execute("SELECT status FROM vfk.actions").fetchall() == [("not started",)]


def test_a_copy_changed_here_is_shown_not_overwritten_and_a_change_there_comes_through(
        county: UrlFor, sample_template: Path, tmp_path: Path) -> None:
    ashford = split_database(sample_template, tmp_path / "ashford.db", "Ashford")
    dover = split_database(sample_template, tmp_path / "dover.db", "Dover")
    _priority, made = _ashford_plans(ashford)
    with open_store(ashford) as store:
        publish(store, county("Ashford"))
    with open_store(dover) as store:
        pull(store, county("Dover"))
    with open_store(ashford) as store:
        update_action(store, made, status=ActionStatus.AT_RISK, note="Builder gone bust")
        resent = publish(store, county("Ashford"))
        assert resent.counts["actions"] == [0, 1, 0] and resent.counts["local_priorities"] == [0, 0, 1]
    with open_store(dover) as store:
        taken = pull(store, county("Dover"))
        assert not taken.conflicts and taken.import_id is not None
        assert _work(dover, "Ashford") == _work(ashford, "Ashford")
        copy = store.conn.execute("SELECT x.id FROM actions x JOIN areas a ON a.id = x.area_id "
                                  "WHERE a.name = 'Ashford'").fetchone()[0]
        assert action(store, copy).status is ActionStatus.AT_RISK
        # Dover's officer changes its copy; Ashford changes the action again.
        update_action(store, copy, due=dt.date(2027, 6, 30), note="Dover hears it will be later")
    dovers_copy = _work(dover, "Ashford")
    with open_store(ashford) as store:
        update_action(store, made, status=ActionStatus.DONE)
        publish(store, county("Ashford"))
    with open_store(dover) as store:
        kept = pull(store, county("Dover"))
        assert _work(dover, "Ashford") == dovers_copy
        assert [c.key for c in kept.conflicts] == [("Ashford",)]
        assert "local priorities and actions of Ashford: 1 local priority and 1 action here" \
            in kept.summary()
        with store.atomic():
            store.set_meta("county_sync", "{}")  # as if never pulled: everything is read again
        forced = pull(store, county("Dover"), overwrite=True)
        assert not forced.conflicts and forced.import_id is not None
        assert _work(dover, "Ashford") == _work(ashford, "Ashford")
        undo_import(store, forced.import_id)
    assert _work(dover, "Ashford") == dovers_copy


def test_two_copies_of_one_district_show_an_action_changed_in_both(
        county: UrlFor, sample_template: Path, tmp_path: Path) -> None:
    office = split_database(sample_template, tmp_path / "office.db", "Ashford")
    _priority, made = _ashford_plans(office)
    laptop = tmp_path / "laptop.db"
    laptop.write_bytes(office.read_bytes())
    url = county("Ashford")
    with open_store(office) as store:
        publish(store, url)
        update_action(store, made, status=ActionStatus.DONE)
        publish(store, url)
    with open_store(laptop) as store:
        update_action(store, made, status=ActionStatus.AT_RISK)
        refused = publish(store, url)
    assert [(c.table, c.here, c.county) for c in refused.conflicts] == [
        ("actions", "“Open the new housing office” (at risk, due 2027-03-31)",
         "“Open the new housing office” (done, due 2027-03-31)")]
