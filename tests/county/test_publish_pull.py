"""Publishing from 12 district databases and the county's, and pulling into each, on a real server."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest

from tests.county.conftest import UrlFor, figures, other_rows, split_database
from vfk_desktop.county.connection import Offline
from vfk_desktop.county.publish import FEW, publish
from vfk_desktop.county.pull import pull
from vfk_desktop.county.state import last_pulled, marks
from vfk_desktop.county.sync_common import Cancelled
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.store.connection import open_store
from vfk_desktop.store.edits import set_figure
from vfk_desktop.store.imports import undo_import

pytestmark = pytest.mark.county_store


def _publish_all(county: UrlFor, template: Path, folder: Path, districts: list[str]) -> dict[str, Path]:
    databases = {}
    for place in ["Kent", *districts]:
        path = split_database(template, folder / f"{place}.db", place)
        with open_store(path) as store:
            report = publish(store, county(place))
        assert report.changed > 0 and not report.conflicts, report.summary()
        databases[place] = path
    return databases


def test_the_county_picture_is_the_twelve_returns_imported_the_old_way(
        county: UrlFor, sample_template: Path, tmp_path: Path, districts: list[str]) -> None:
    databases = _publish_all(county, sample_template, tmp_path, districts)
    whole = figures(sample_template)
    for place in districts:
        before = figures(databases[place])
        assert before == figures(sample_template, f"WHERE a.name = '{place}'")
        with open_store(databases[place]) as store:
            report = pull(store, county(place))
            assert report.import_id is not None and not report.conflicts
            assert last_pulled(store) is not None
        assert figures(databases[place]) == whole  # every district's, Kent's, the comparators'
        assert other_rows(databases[place]) == other_rows(sample_template)
    with psycopg.connect(county("vfk_analyst")) as conn:
        stored = {row for row in conn.execute(
            "SELECT area, indicator, period, kind, value, text, missing FROM vfk.figures")}
        provenance = conn.execute("SELECT DISTINCT published_by FROM vfk.figures "
                                  "WHERE area = 'Tunbridge Wells'").fetchall()
    assert stored == whole
    assert provenance == [("Tunbridge Wells",)]


def test_a_second_sync_with_nothing_changed_sends_and_brings_nothing(
        county: UrlFor, sample_template: Path, tmp_path: Path, districts: list[str]) -> None:
    databases = _publish_all(county, sample_template, tmp_path, districts[:2])
    mine = databases[districts[0]]
    with open_store(mine) as store:
        first = pull(store, county(districts[0]))
        again = publish(store, county(districts[0]))
        pulled_again = pull(store, county(districts[0]))
    assert first.changed > 0
    assert again.changed == 0 and again.counts["figures"][2] == 48
    assert pulled_again.changed == 0 and pulled_again.import_id is None
    assert "nothing" in again.summary()


def test_a_pull_is_one_import_that_undo_takes_back(
        county: UrlFor, sample_template: Path, tmp_path: Path, districts: list[str]) -> None:
    databases = _publish_all(county, sample_template, tmp_path, districts[:1])
    empty = split_database(sample_template, tmp_path / "maidstone.db", "Maidstone")
    before = figures(empty)
    with open_store(empty) as store:
        dry = pull(store, county("Maidstone"), dry_run=True)
        assert figures(empty) == before  # the report comes before anything is written
        report = pull(store, county("Maidstone"))
        assert report.counts == dry.counts
        provenance = store.conn.execute(
            "SELECT DISTINCT o.file FROM observations o JOIN areas a ON a.id = o.area_id "
            f"WHERE a.name = '{districts[0]}'").fetchall()
        assert all(f"published by {districts[0]}, 20" in file for (file,) in provenance)
        assert figures(empty) > before
        undo_import(store, report.import_id)
    assert figures(empty) == before
    assert databases


def test_a_figure_changed_here_and_on_the_store_is_shown_not_overwritten(
        county: UrlFor, sample_template: Path, tmp_path: Path, districts: list[str]) -> None:
    ashford = split_database(sample_template, tmp_path / "ashford.db", "Ashford")
    dover = split_database(sample_template, tmp_path / "dover.db", "Dover")
    with open_store(ashford) as store:
        publish(store, county("Ashford"))
    with open_store(dover) as store:
        pull(store, county("Dover"))
        code, period = store.conn.execute(
            "SELECT o.indicator, o.period FROM observations o JOIN areas a ON a.id = o.area_id "
            "WHERE a.name = 'Ashford' AND o.kind = 'value' AND o.value IS NOT NULL LIMIT 1").fetchone()
        set_figure(store, "Ashford", code, period, "value", "123.5")  # Dover's officer types one
    conn = sqlite3.connect(ashford)
    with conn:
        conn.execute("UPDATE observations SET value = 999 WHERE indicator = ? AND period = ? "
                     "AND kind = 'value' AND area_id = (SELECT id FROM areas WHERE name = 'Ashford')",
                     (code, period))
    conn.close()
    with open_store(ashford) as store:
        assert publish(store, county("Ashford")).counts["figures"][1] == 1
    with open_store(dover) as store:
        report = pull(store, county("Dover"))
        kept = store.conn.execute(
            "SELECT value FROM observations o JOIN areas a ON a.id = o.area_id WHERE a.name = "
            "'Ashford' AND o.indicator = ? AND o.period = ? AND o.kind = 'value'", (code, period)).fetchone()
    assert kept == (123.5,)
    assert [c.key for c in report.conflicts] == [("Ashford", code, period, "value")]
    assert "left as they are" in report.summary()
    with open_store(dover) as store:
        assert pull(store, county("Dover")).changed == 0  # shown once, not brought back each time
        with store.atomic():
            store.set_meta("county_sync", "{}")  # as if never pulled: everything is read again
        taken = pull(store, county("Dover"), overwrite=True)
        assert taken.counts["figures"][1] == 1 and not taken.conflicts
        undo_import(store, taken.import_id)
        assert store.conn.execute(
            "SELECT value FROM observations o JOIN areas a ON a.id = o.area_id WHERE a.name = "
            "'Ashford' AND o.indicator = ? AND o.period = ? AND o.kind = 'value'",
            (code, period)).fetchone() == (123.5,)


def test_a_publish_killed_half_way_writes_nothing_and_a_retry_sends_each_row_once(
        county: UrlFor, pg_cluster, sample_template: Path, tmp_path: Path) -> None:
    path = split_database(sample_template, tmp_path / "tw.db", "Tunbridge Wells")
    url = county("Tunbridge Wells")
    database = url.rsplit("/", 1)[1]
    admin = psycopg.connect(pg_cluster.url(database=database), autocommit=True)

    def kill_when_sending(_done: int, _total: int, what: str) -> None:
        if what == "sending commentary":  # figures and priorities already sent in this transaction
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE usename = 'vfk_tunbridge_wells'")

    with open_store(path) as store:
        with pytest.raises(Offline, match="was lost while publishing.*nothing was written there"):
            publish(store, url, progress=kill_when_sending)
        assert marks(store, url).published is None
        assert admin.execute("SELECT count(*) FROM vfk.figures").fetchone() == (0,)
        assert admin.execute("SELECT count(*) FROM vfk.rankings").fetchone() == (0,)
        report = publish(store, url)
        assert report.counts["figures"] == [48, 0, 0]
        assert publish(store, url).changed == 0
    counts = [admin.execute(f"SELECT count(*), count(DISTINCT (area, indicator, {column})) "
                            f"FROM vfk.{table}").fetchone()
              for table, column in (("figures", "period, kind"), ("rankings", "round"),
                                    ("commentary", "period"))]
    admin.close()
    assert counts == [(48, 48), (35, 35), (3, 3)]


def test_cancel_part_way_writes_nothing_on_either_side(
        county: UrlFor, sample_template: Path, tmp_path: Path) -> None:
    seen: list[str] = []

    def stop_once_sending() -> bool:
        return bool(seen) and seen[-1] == "sending figures"

    path = split_database(sample_template, tmp_path / "dover.db", "Dover")
    with open_store(path) as store:
        with pytest.raises(Cancelled, match="Publishing was cancelled; nothing was written"):
            publish(store, county("Dover"), progress=lambda _d, _t, what: seen.append(what),
                    should_stop=stop_once_sending)
        assert "comparing figures" in seen
        assert marks(store, county("Dover")).published is None
        publish(store, county("Dover"))
    other = split_database(sample_template, tmp_path / "swale.db", "Swale")
    before = figures(other)
    with open_store(other) as store:
        with pytest.raises(Cancelled, match="Pulling was cancelled"):
            pull(store, county("Swale"), should_stop=lambda: True)
        assert store.conn.execute("SELECT count(*) FROM imports WHERE note LIKE 'pulled%'").fetchone() \
            == (0,)
    assert figures(other) == before
    with psycopg.connect(county("vfk_analyst")) as conn:
        assert conn.execute("SELECT count(*) FROM vfk.figures").fetchone() == (48,)


def test_a_pull_cut_off_part_way_changes_nothing_here_and_a_retry_brings_it_all(
        county: UrlFor, pg_cluster, sample_template: Path, tmp_path: Path) -> None:
    ashford = split_database(sample_template, tmp_path / "ashford.db", "Ashford")
    with open_store(ashford) as store:
        publish(store, county("Ashford"))
    url = county("Thanet")
    admin = psycopg.connect(pg_cluster.url(database=url.rsplit("/", 1)[1]), autocommit=True)

    def kill_while_reading(_done: int, _total: int, what: str) -> None:
        if what == "reading rankings":
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE usename = 'vfk_thanet'")

    path = split_database(sample_template, tmp_path / "thanet.db", "Thanet")
    before = figures(path)
    with open_store(path) as store:
        with pytest.raises(Offline, match="was lost while pulling"):
            pull(store, url, progress=kill_while_reading)
        assert figures(path) == before and marks(store, url).pulled == 0
        report = pull(store, url)
        assert report.counts["figures"] == [48, 0, 0]
        assert pull(store, url).changed == 0
    admin.close()
    assert figures(path) == before | figures(ashford)


def test_two_copies_of_one_district_do_not_overwrite_each_other_unless_asked(
        county: UrlFor, sample_template: Path, tmp_path: Path) -> None:
    office = split_database(sample_template, tmp_path / "office.db", "Gravesham")
    laptop = split_database(sample_template, tmp_path / "laptop.db", "Gravesham")
    url = county("Gravesham")
    with open_store(office) as store:
        publish(store, url)
        code, period = store.conn.execute(
            "SELECT o.indicator, o.period FROM observations o WHERE o.kind = 'value' "
            "AND o.value IS NOT NULL LIMIT 1").fetchone()
        set_figure(store, "Gravesham", code, period, "value", "41")
        assert publish(store, url).counts["figures"][1] == 1
    with open_store(laptop) as store:
        set_figure(store, "Gravesham", code, period, "value", "42")
        refused = publish(store, url)
        assert [c.key for c in refused.conflicts] == [("Gravesham", code, period, "value")]
        assert refused.conflicts[0].here == "42" and refused.conflicts[0].county == "41"
        forced = publish(store, url, overwrite=True)
    assert forced.counts["figures"][1] == 1 and not forced.conflicts
    with psycopg.connect(county("vfk_analyst")) as conn:
        assert conn.execute("SELECT value FROM vfk.figures WHERE indicator = %s AND period = %s "
                            "AND kind = 'value'", (code, period)).fetchone() == (42.0,)


def test_many_changed_rows_replace_the_stored_ones_and_a_few_do_too(
        county: UrlFor, sample_template: Path, tmp_path: Path) -> None:
    ashford = split_database(sample_template, tmp_path / "ashford.db", "Ashford")
    conn = sqlite3.connect(ashford)
    columns = ", ".join(name for (_, name, *_rest) in conn.execute("PRAGMA table_info(observations)"))
    with conn:  # three copies of Ashford's figures under other periods: more than a few rows
        for copy in (1, 2, 3):
            conn.execute(f"INSERT INTO observations ({columns}) SELECT "
                         + columns.replace("period", f"period || ' copy {copy}'")
                         + " FROM observations WHERE period NOT LIKE '% copy %'")
    conn.close()
    url = county("Ashford")
    with open_store(ashford) as store:
        count = publish(store, url).counts["figures"][0]
    assert count == 4 * 48 and count > FEW  # through COPY and a temporary table
    conn = sqlite3.connect(ashford)
    with conn:
        conn.execute("UPDATE observations SET value = value + 1 WHERE value IS NOT NULL")
    changed = conn.execute("SELECT count(*) FROM observations WHERE value IS NOT NULL").fetchone()[0]
    conn.close()
    with open_store(ashford) as store:
        again = publish(store, url)
        assert again.counts["figures"] == [0, changed, count - changed] and changed > FEW
        for code, period in store.conn.execute(
                "SELECT indicator, period FROM observations WHERE value IS NOT NULL "
                "AND kind = 'value' AND period NOT LIKE '% copy %' LIMIT 2").fetchall():
            set_figure(store, "Ashford", code, period, "value", "-1")
        assert publish(store, url).counts["figures"][1] == 2  # a few: one INSERT … VALUES
        assert publish(store, url).changed == 0
    with psycopg.connect(county("vfk_analyst")) as conn:
        stored = {row for row in conn.execute(
            "SELECT area, indicator, period, kind, value, text, missing FROM vfk.figures")}
    assert stored == figures(ashford)


def test_a_figure_that_is_not_a_number_is_refused_in_a_sentence_and_nothing_is_sent(
        county: UrlFor, sample_template: Path, tmp_path: Path) -> None:
    swale = split_database(sample_template, tmp_path / "swale.db", "Swale")
    conn = sqlite3.connect(swale)
    with conn:  # written into the file by hand, past the program's checks
        conn.execute("UPDATE observations SET value = 'about ten' WHERE value IS NOT NULL "
                     "AND indicator = (SELECT min(indicator) FROM observations WHERE value IS NOT NULL)")
    conn.close()
    with open_store(swale) as store, pytest.raises(VfkError, match="not a number where a number "
                                                                   "belongs; correct it"):
        publish(store, county("Swale"))
    with psycopg.connect(county("vfk_analyst")) as conn:
        assert conn.execute("SELECT count(*) FROM vfk.figures").fetchone() == (0,)


def test_the_countys_new_title_unit_and_polarity_come_with_a_pull_and_undo_puts_ours_back(
        county: UrlFor, sample_template: Path, tmp_path: Path) -> None:
    kent = split_database(sample_template, tmp_path / "kent.db", "Kent")
    dover = split_database(sample_template, tmp_path / "dover.db", "Dover")
    with open_store(kent) as store:
        publish(store, county("Kent"))
    with open_store(dover) as store:
        assert pull(store, county("Dover")).counts["indicators"] == [0, 0, 0]
    conn = sqlite3.connect(kent)
    code, title, unit, polarity = conn.execute(
        "SELECT code, title, unit, polarity FROM indicators WHERE polarity = 'higher' "
        "ORDER BY code LIMIT 1").fetchone()
    with conn:
        conn.execute("UPDATE indicators SET title = 'Renamed by the county', unit = 'per 1,000', "
                     "polarity = 'lower' WHERE code = ?", (code,))
    conn.close()
    with open_store(kent) as store:
        assert publish(store, county("Kent")).counts["indicators"][1] == 1
    with open_store(dover) as store:
        dry = pull(store, county("Dover"), dry_run=True)
        assert dry.counts["indicators"] == [0, 1, 0]
        assert "1 catalogue entry (0 new, 1 updated" in dry.summary()
        query = "SELECT title, unit, polarity FROM indicators WHERE code = ?"
        assert store.conn.execute(query, (code,)).fetchone() == (title, unit, polarity)
        report = pull(store, county("Dover"))
        assert store.conn.execute(query, (code,)).fetchone() == \
            ("Renamed by the county", "per 1,000", "lower")
        assert report.import_id is not None
        undo_import(store, report.import_id)
        assert store.conn.execute(query, (code,)).fetchone() == (title, unit, polarity)


def test_what_kind_of_figure_a_district_said_each_value_is_travels_with_it(
        county: UrlFor, sample_template: Path, tmp_path: Path) -> None:
    dover = split_database(sample_template, tmp_path / "Dover.db", "Dover")
    with open_store(dover) as store, store.atomic():  # as a partner's "Rate per 1,000" column gives
        store.conn.execute("UPDATE observations SET value_type = 'rate', multiplier = 1000 "
                           "WHERE indicator = 'NI 39' AND kind = 'value'")
        sent = store.conn.execute("SELECT count(*) FROM observations WHERE value_type = 'rate'"
                                  ).fetchone()[0]
    assert sent > 0
    with open_store(dover) as store:
        publish(store, county("Dover"))
    ashford = split_database(sample_template, tmp_path / "Ashford.db", "Ashford")
    with open_store(ashford) as store:
        pull(store, county("Ashford"))
        arrived = store.conn.execute(
            "SELECT DISTINCT o.value_type, o.multiplier, count(*) FROM observations o JOIN areas a "
            "ON a.id = o.area_id WHERE a.name = 'Dover' AND o.indicator = 'NI 39' AND o.kind = 'value'"
        ).fetchall()
    assert arrived == [("rate", 1000.0, sent)]
