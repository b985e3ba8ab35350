"""A percentage indicator's figure written as a fraction (0.62 for 62 %) is refused where the place's
stored figures show it, and kept as written where nothing shows it."""

import pytest

from tests.io.spreadsheets import Cell, write
from tests.store.test_imports import do_import, value_of
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.store.imports import import_context

HISTORY = [["District", "NI", "Year", "Value"],
           ["Dover", "NI 163", "2007/08", 61.0], ["Dover", "NI 163", "2008/09", 64.5],
           ["Swale", "NI 163", "2007/08", 0.8], ["Swale", "NI 163", "2008/09", 62.0],
           ["Dover", "NI 39", "2008/09", 640.0]]


@pytest.fixture
def store(empty_store, tmp_path):
    assert do_import(empty_store, write(tmp_path / "history.xlsx", {"Data": HISTORY})).ok
    return empty_store


def plan_of(store, tmp_path, rows):
    path = write(tmp_path / "new.xlsx", {"Data": [["District", "NI", "Year", "Value"], *rows]})
    return plan_import([path], import_context(store))


def test_a_fraction_among_a_places_per_cent_figures_is_refused_with_what_to_write(store, tmp_path):
    plan = plan_of(store, tmp_path, [["Dover", "NI 163", "2009/10", 0.62]])
    assert [p.sentence() for p in plan.rejected] == [
        'new.xlsx, sheet "Data", row 2: 0.62 in D2 looks like a fraction: Dover\'s NI 163 figures are '
        "per cent, around 62.8; write 62, or format the cell as a percentage."]


@pytest.mark.parametrize(("row", "why"), [
    (["Swale", "NI 163", "2009/10", 0.62], "Swale's own figures include one below 1 (0.8)"),
    (["Ashford", "NI 163", "2009/10", 0.62], "nothing stored for Ashford to compare"),
    (["Dover", "NI 163", "2009/10", 0.05], "5 per cent is far from Dover's 62-65"),
    (["Dover", "NI 163", "2009/10", "0.62%"], "written with its per cent sign"),
    (["Dover", "NI 163", "2009/10", Cell(0.0062, "0.00%")], "formatted as a percentage: 0.62 %"),
    (["Dover", "NI 39", "2009/10", 6.4], "NI 39 is a rate, not a percentage"),
])
def test_a_small_figure_is_kept_as_written_where_nothing_says_it_is_a_fraction(store, tmp_path, row, why):
    plan = plan_of(store, tmp_path, [row])
    assert not plan.rejected, why
    assert len(plan.figures) == 1


def test_the_figure_as_meant_imports_after_the_refusal(store, tmp_path):
    assert plan_of(store, tmp_path, [["Dover", "NI 163", "2009/10", 0.62]]).rejected
    assert do_import(store, write(tmp_path / "fixed.xlsx", {"Data": [
        ["District", "NI", "Year", "Value"], ["Dover", "NI 163", "2009/10", 62]]})).ok
    assert value_of(store, "Dover", "NI 163", "2009/10")[0] == 62.0


def test_one_fraction_among_per_cent_figures_in_its_column_is_a_note_and_kept(store, tmp_path):
    rows = [["Dover", "NI 163", "2009/10", 0.62], ["Thanet", "NI 163", "2009/10", 64]]
    plan = plan_of(store, tmp_path, rows)
    assert not plan.rejected
    assert plan.figures[("NI 163", "Dover", "2009/10", "value")].value == 0.62
    assert ('new.xlsx, sheet "Data": 0.62 in D2 looks like a fraction: Dover\'s NI 163 figures are per '
            "cent, around 62.8, while the column's other figures are not; kept as written (0.62 per cent)."
            in plan.notes)
