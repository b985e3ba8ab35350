"""Importing long CSV files into a real database: all or nothing, provenance, unchanged, undo."""

import sqlite3

import pytest

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.store.backups import list_backups
from vfk_desktop.store.imports import apply_plan, import_context, list_imports, undo_import


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def do_import(store, *paths, **options):
    plan = plan_import(list(paths), import_context(store, options.pop("add_indicators", False)))
    return apply_plan(store, plan, **options)


def dump(store):
    """Every user-data row, to compare a database before and after."""
    return {table: store.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3").fetchall()
            for table in ("observations", "rankings", "commentary", "imports", "change_log",
                          "indicators")}


def value_of(store, area, code, period, kind="value"):
    row = store.conn.execute(
        "SELECT o.value, o.text, o.import_id, o.file, o.cell FROM observations o JOIN areas a "
        "ON a.id = o.area_id WHERE a.name = ? AND o.indicator = ? AND o.period = ? AND o.kind = ?",
        (area, code, period, kind)).fetchone()
    return row


def test_a_long_csv_is_imported_with_provenance(empty_store, tmp_path):
    path = write(tmp_path / "alcohol.csv",
                 "District,NI,Period,Value\nTunbridge Wells BC,39,2008/09,\"1,212\"\n"
                 "Thanet,NI 39,2008-09,1798\nKent,ni39,08/09,N/a\n")
    result = do_import(empty_store, path)
    assert result.ok and (result.inserted, result.updated, result.unchanged) == (3, 0, 0)
    value, text, import_id, file, cell = value_of(empty_store, "Tunbridge Wells", "NI 39", "2008/09")
    assert (value, text, file, cell) == (1212.0, "1,212", "alcohol.csv", "D2")
    assert import_id == result.import_id
    assert value_of(empty_store, "Kent", "NI 39", "2008/09")[:2] == (None, "N/a")
    record = list_imports(empty_store)[-1]
    assert record.files == ["alcohol.csv"] and record.inserted == 3
    size, sha = empty_store.conn.execute("SELECT size, sha256 FROM import_files").fetchone()
    assert size == path.stat().st_size and len(sha) == 64


def test_importing_the_same_file_again_changes_nothing(empty_store, tmp_path):
    path = write(tmp_path / "a.csv", "District,NI,Period,Value\nDover,39,2008/09,1500\n")
    do_import(empty_store, path)
    again = do_import(empty_store, path)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 1)
    assert "Nothing to change" in again.summary()


def test_an_import_that_changes_nothing_takes_no_backup_and_one_that_changes_a_figure_does(
        empty_store, tmp_path):
    text = ("District,NI,Period,Value\nDover,39,2008/09,1500\nSwale,39,2008/09,\n"
            "Thanet,39,2008/09,N/a\nDover,39,2009/10,\"1,212\"\n")
    path = write(tmp_path / "a.csv", text)
    do_import(empty_store, path)
    do_import(empty_store, path)  # the first backup: the database held an import
    made = list_backups(empty_store.path)
    again = do_import(empty_store, path)
    assert (again.inserted, again.updated, again.unchanged, again.blank) == (0, 0, 3, 1)
    assert list_backups(empty_store.path) == made  # nothing to change: no backup
    assert list_imports(empty_store)[-1].import_id == again.import_id
    assert list_imports(empty_store)[-1].unchanged == 3
    changed = do_import(empty_store, write(tmp_path / "b.csv", text.replace("1500", "1501")))
    assert (changed.inserted, changed.updated, changed.unchanged, changed.blank) == (0, 1, 2, 1)
    assert len(list_backups(empty_store.path)) == len(made) + 1
    assert value_of(empty_store, "Dover", "NI 39", "2008/09")[2] == changed.import_id
    assert changed.import_id == again.import_id + 1


def test_a_newer_file_updates_and_undo_puts_back_exactly_what_was_there(empty_store, tmp_path):
    first = do_import(empty_store, write(tmp_path / "v1.csv",
                      "District,NI,Period,Value\nDover,39,2008/09,1500\nSwale,39,2008/09,1400\n"))
    before = dump(empty_store)
    second = do_import(empty_store, write(tmp_path / "v2.csv",
                       "District,NI,Period,Value\nDover,39,2008/09,1550\nThanet,39,2008/09,1700\n"))
    assert (second.inserted, second.updated, second.unchanged) == (1, 0 + 1, 0)
    assert value_of(empty_store, "Dover", "NI 39", "2008/09")[0] == 1550
    old = empty_store.conn.execute("SELECT old FROM change_log WHERE import_id = ?",
                                   (second.import_id,)).fetchone()[0]
    assert '"value": 1500.0' in old

    later = second.import_id
    with pytest.raises(VfkError, match=f"import {later} .*v2.csv.* Undo import {later} first"):
        undo_import(empty_store, first.import_id)

    undo_import(empty_store, second.import_id)
    after = dump(empty_store)
    for table in ("observations", "rankings", "commentary"):
        assert after[table] == before[table]
    with pytest.raises(VfkError, match="already undone"):
        undo_import(empty_store, second.import_id)
    undo_import(empty_store, first.import_id)
    assert empty_store.conn.execute("SELECT count(*) FROM observations").fetchone()[0] == 0
    with pytest.raises(VfkError, match="no import 99"):
        undo_import(empty_store, 99)


def test_any_rejected_row_means_nothing_is_written(empty_store, tmp_path):
    before = dump(empty_store)
    path = write(tmp_path / "bad.csv",
                 "District,NI,Period,Value\nDover,39,2008/09,1500\nTunbrige Wells,39,2008/09,1212\n"
                 "Dover,NI 77,2008/09,1\nDover,39,next year,1\nDover,39,2007/08,lots\n"
                 "Dover,NI 999,2008/09,1\n")
    result = do_import(empty_store, path)
    assert not result.ok and result.import_id is None
    reasons = [(p.row, p.reason) for p in result.rejected]
    assert reasons[0][0] == 3 and 'did you mean "Tunbridge Wells"' in reasons[0][1]
    assert any(row == 4 and "NI 77 in B4 is not in the indicator catalogue" in reason
               for row, reason in reasons)
    assert any(row == 7 and '"NI 999" in B7 is not an indicator code' in reason for row, reason in reasons)
    assert any(row == 5 and "not a period" in reason for row, reason in reasons)
    assert any(row == 6 and '"lots" is not a number in D6' in reason for row, reason in reasons)
    assert dump(empty_store) == before


def test_medway_rows_are_skipped_not_fatal(empty_store, tmp_path):
    result = do_import(empty_store, write(tmp_path / "m.csv",
                       "District,NI,Period,Value\nMedway,39,2008/09,1600\nDover,39,2008/09,1500\n"))
    assert result.ok and result.inserted == 1 and len(result.skipped) == 1
    assert "Medway is outside Kent" in result.skipped[0].reason


def test_two_different_values_for_one_place_and_period_conflict(empty_store, tmp_path):
    a = write(tmp_path / "a.csv", "District,NI,Period,Value\nDover,39,2008/09,1500\n")
    b = write(tmp_path / "b.csv", "District,NI,Period,Value\nDover,39,2008/09,1501\n")
    result = do_import(empty_store, a, b)
    assert not result.ok
    assert "1,501" in result.rejected[0].reason and "a.csv, D2" in result.rejected[0].reason


def test_new_indicators_need_a_title_and_the_option(empty_store, tmp_path):
    path = write(tmp_path / "local.csv", "District,Code,Indicator,Period,Value\n"
                                         "Dover,LPI 7,Litter collected on time,2008/09,97\n")
    refused = do_import(empty_store, path)
    assert "--add-indicators" in refused.rejected[0].reason
    added = do_import(empty_store, path, add_indicators=True)
    assert added.ok
    assert empty_store.conn.execute("SELECT title FROM indicators WHERE code = 'LPI 7'").fetchone() == (
        "Litter collected on time",)
    undo_import(empty_store, added.import_id)
    assert empty_store.conn.execute("SELECT count(*) FROM indicators WHERE code = 'LPI 7'").fetchone()[0] == 0


def test_dry_run_reports_and_writes_nothing(empty_store, tmp_path):
    before = dump(empty_store)
    result = do_import(empty_store, write(tmp_path / "a.csv",
                       "District,NI,Period,Value\nDover,39,2008/09,1500\n"), dry_run=True)
    assert result.ok and result.inserted == 1 and result.import_id is None
    assert dump(empty_store) == before


def test_a_write_that_fails_half_way_leaves_the_database_as_it_was(sample_store, tmp_path):
    """A constraint that breaks on the last row rolls back the whole import."""
    sample_store.conn.execute(
        "CREATE TRIGGER break_on_last BEFORE INSERT ON observations "
        "WHEN NEW.indicator = 'NI 198' AND NEW.period = '2011/12' "
        "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    sample_store.conn.commit()
    before = dump(sample_store)
    lines = ["District,NI,Period,Value"]
    lines += [f"Dover,NI 39,{y}/{(y + 1) % 100:02d},{1000 + y}" for y in range(1990, 2008)]
    lines += ["Dover,NI 39,2008/09,1250", "Dover,NI 198,2011/12,30"]  # an update, then the break
    with pytest.raises(sqlite3.IntegrityError, match="disk trouble"):
        do_import(sample_store, write(tmp_path / "big.csv", "\n".join(lines) + "\n"))
    assert dump(sample_store) == before
    assert not sample_store.conn.in_transaction


def read_ahead_import(store, path):
    """An import as `vfk import` does it: the stored figures read while the file is read."""
    from vfk_desktop.store.imports import read_stored_figures

    plan = plan_import([path], import_context(store), meanwhile=lambda: read_stored_figures(store))
    return apply_plan(store, plan)


def test_figures_read_while_the_file_is_read_give_the_same_comparison(empty_store, tmp_path):
    from vfk_desktop.store.imports import STORED_FIGURES

    first = write(tmp_path / "v1.csv", "District,NI,Period,Value\nDover,39,2008/09,1500\n"
                                       "Swale,39,2008/09,1400\nThanet,39,2008/09,N/a\n")
    do_import(empty_store, first)
    again = read_ahead_import(empty_store, first)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    newer = write(tmp_path / "v2.csv", "District,NI,Period,Value\nDover,39,2008/09,1550\n"
                                       "Swale,39,2008/09,1400\nAshford,39,2008/09,1300\n")
    changed = read_ahead_import(empty_store, newer)
    assert (changed.inserted, changed.updated, changed.unchanged) == (1, 1, 1)
    assert changed.changes[0]["old"]["value"] == 1500.0 and changed.changes[0]["new"]["value"] == 1550.0
    assert empty_store.kept(STORED_FIGURES) is None  # the import's commit let them go


def test_a_change_made_elsewhere_after_the_read_ahead_is_not_missed(empty_store, tmp_path):
    from vfk_desktop.store.imports import read_stored_figures

    path = write(tmp_path / "a.csv", "District,NI,Period,Value\nDover,39,2008/09,1500\n")
    do_import(empty_store, path)

    def meanwhile():  # another program changes the figure after it was read ahead
        read_stored_figures(empty_store)
        other = sqlite3.connect(empty_store.path)
        with other:
            other.execute("UPDATE observations SET value = 1499 WHERE indicator = 'NI 39'")
        other.close()

    result = apply_plan(empty_store, plan_import([path], import_context(empty_store), meanwhile=meanwhile))
    assert (result.inserted, result.updated, result.unchanged) == (0, 1, 0)
    assert value_of(empty_store, "Dover", "NI 39", "2008/09")[0] == 1500
