"""Export, import back: into a fresh database every figure, target, ranking and comment is equal;
into the database it came from everything is unchanged."""

from __future__ import annotations

import openpyxl
import pytest

from tests.io.exported import DISTRICTS, import_files, stored
from tests.io.spreadsheets import write
from vfk_desktop.domain.model import Priority
from vfk_desktop.facts.exports import county_facts, return_facts, return_rows
from vfk_desktop.io import export_layout as layout
from vfk_desktop.io.writers.county_workbook import write_county_workbook
from vfk_desktop.io.writers.ka2_return import write_ka2_return
from vfk_desktop.store import edits


def awkward_figures(store) -> None:
    """Figures that are easy to lose on the way: 17 significant digits, words instead of numbers, an
    error, a blank, a district's own target, a comment with no value beside it, "1,212" as text."""
    edits.set_figure(store, "Dover", "NI 39", "2009/10", "value", "N/a")
    edits.set_figure(store, "Swale", "NI 39", "2009/10", "value", "*")
    edits.set_figure(store, "Thanet", "NI 39", "2009/10", "value", "#DIV/0!")
    edits.set_figure(store, "Tunbridge Wells", "NI 39", "2009/10", "target", "1,150")
    edits.set_figure(store, "Tunbridge Wells", "NI 163", "2009", "value", "102%")
    edits.set_commentary(store, "Tunbridge Wells", "NI 155", "2010/11", "Awaiting the RSL's return.")
    edits.set_priority(store, "Ashford", "NI 163", "2009/10", Priority.HIGH)
    with store.atomic():
        store.conn.execute("UPDATE observations SET value = 0.1 + 0.2 WHERE indicator = 'NI 163' "
                           "AND period = '2008' AND area_id = (SELECT id FROM areas WHERE name = 'Dover')")
        store.conn.execute(
            "INSERT INTO observations (indicator, area_id, period, kind, value, text, missing) "
            "SELECT 'NI 47', id, '2009', 'value', NULL, NULL, 'not available' FROM areas "
            "WHERE name = 'Maidstone'")


def test_the_county_workbook_comes_back_whole(sample_store, empty_store, tmp_path):
    awkward_figures(sample_store)
    path = tmp_path / "county.xlsx"
    _, records = write_county_workbook(county_facts(sample_store), path)
    fresh = import_files(empty_store, path)
    assert fresh.ok and fresh.inserted == records and not fresh.skipped
    assert stored(empty_store) == stored(sample_store)
    dover = next(o for o in stored(empty_store)["observations"]
                 if o[:4] == ("Dover", "NI 163", "2008", "value"))
    assert dover[4] == 0.1 + 0.2  # 0.30000000000000004, not 0.3

    again = import_files(sample_store, path)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, records)
    assert again.summary().startswith("Nothing to change")


def test_a_ka2_return_comes_back_whole(sample_store, empty_store, tmp_path):
    awkward_figures(sample_store)
    path = tmp_path / "tw.xlsx"
    _, records = write_ka2_return(return_facts(sample_store, "Tunbridge Wells"), path)
    fresh = import_files(empty_store, path)
    assert fresh.ok and fresh.inserted == records
    codes = {row.fare.code for row in return_rows(sample_store, "Tunbridge Wells")}
    codes |= {o[1] for o in stored(sample_store, {"Tunbridge Wells"})["observations"]}
    assert stored(empty_store) == stored(sample_store, {"Tunbridge Wells"}, codes)

    again = import_files(sample_store, path)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, records)


def test_the_county_gathers_the_twelve_returns_in_one_import(sample_store, empty_store, tmp_path):
    edits.set_priority(sample_store, "Ashford", "NI 163", "2010/11", Priority.LOW)
    edits.set_commentary(sample_store, "Ashford", "NI 163", "2008", "Ashford's own comment.")
    paths = []
    for district in DISTRICTS:
        paths.append(tmp_path / f"{district}.xlsx")
        write_ka2_return(return_facts(sample_store, district), paths[-1])
    result = import_files(empty_store, *paths)
    assert result.ok, result.summary()
    for district in DISTRICTS:
        assert stored(empty_store, {district}) == stored(sample_store, {district})
    assert stored(empty_store)["observations"] == stored(sample_store)["observations"]
    assert ("Ashford", "NI 163", "2010/11", "Low") in stored(empty_store)["rankings"]


def edit_return(path, changes: dict[tuple[str, str], object]) -> None:
    """Change cells of the Return sheet as an officer would in Excel: (code, heading) -> value."""
    book = openpyxl.load_workbook(path)
    sheet = book[layout.RETURN_SHEET]
    header = [cell.value for cell in sheet[4]]
    for row in sheet.iter_rows(min_row=5):
        for (code, heading), value in changes.items():
            if row[layout.RETURN_CODE].value == code:
                row[header.index(heading)].value = value
    book.save(path)


def test_priorities_and_comments_edited_on_the_return_are_imported(sample_store, tmp_path):
    path = tmp_path / "tw.xlsx"
    write_ka2_return(return_facts(sample_store, "Tunbridge Wells"), path)
    edit_return(path, {("NI 163", "Priority"): "Medium", ("NI 120f", "Priority"): "High",
                       ("NI 21", "Commentary"): "Confidence is rising again.",
                       ("NI 39", "Value"): 5})  # figures come from the Data sheet, not from here
    result = import_files(sample_store, path)
    assert result.ok, result.summary()
    assert (result.inserted, result.updated) == (0, 3)
    assert edits.priority_of(sample_store, "Tunbridge Wells", "NI 163", "2009/10") is Priority.MEDIUM
    assert edits.priority_of(sample_store, "Tunbridge Wells", "NI 120", "2009/10") is Priority.HIGH
    assert edits.commentary_of(sample_store, "Tunbridge Wells", "NI 21", "2008/09") == \
        "Confidence is rising again."
    assert edits.figure_text(sample_store, "Tunbridge Wells", "NI 39", "2008/09", "value") == "1,212"


def test_a_mistyped_priority_on_the_return_is_refused_with_its_cell(sample_store, tmp_path):
    path = tmp_path / "tw.xlsx"
    write_ka2_return(return_facts(sample_store, "Tunbridge Wells"), path)
    edit_return(path, {("NI 163", "Priority"): "Hgh"})
    result = import_files(sample_store, path)
    (problem,) = result.rejected
    assert problem.sheet == layout.RETURN_SHEET
    assert problem.reason.startswith('"Hgh" in D') and "not a priority" in problem.reason


def test_two_sub_indicators_given_different_priorities_are_refused(sample_store, tmp_path):
    path = tmp_path / "tw.xlsx"
    write_ka2_return(return_facts(sample_store, "Tunbridge Wells"), path)
    edit_return(path, {("NI 120f", "Priority"): "High", ("NI 120m", "Priority"): "Low"})
    result = import_files(sample_store, path)
    assert not result.ok and "share one priority" in result.rejected[0].reason


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_partner_table_still_reads_a_blank_value_as_not_available(empty_store, tmp_path, suffix):
    """Only vfk's own Data sheet reads a blank Value beside another figure as "no value"."""
    path = write(tmp_path / f"partner.{suffix}", {"Data": [
        ["District", "NI", "Period", "Value", "Kent target"],
        ["Dover", "NI 39", "2009/10", None, 1200],
    ]})
    assert import_files(empty_store, path).ok
    rows = stored(empty_store)["observations"]
    assert ("Dover", "NI 39", "2009/10", "value", None, None, "not available") in rows
    assert ("Kent", "NI 39", "2009/10", "target", 1200.0) in {row[:5] for row in rows}
