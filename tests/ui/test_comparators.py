"""England and South East are shown beside Kent (never ranked): the fare row, the Overview's Kent cell
and the Indicator page's facts all name them at the period compared."""

from pathlib import Path

from PySide6.QtCore import Qt

from vfk_desktop import present
from vfk_desktop.facts.fare import fare_row
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.store.imports import apply_plan, import_context
from vfk_desktop.ui.fare_model import FareTableModel, column_of


def _import(store, path: Path) -> None:
    result = apply_plan(store, plan_import([path], import_context(store)))
    assert result.ok, result.rejected


def test_comparators_are_shown_beside_kent_and_never_ranked(sample_store, tmp_path, qapp):
    before = fare_row(sample_store, "Tunbridge Wells", "NI 39")
    assert before.comparators == () and present.comparators(before) is None
    period = before.period.label
    source = tmp_path / "comparators.csv"
    source.write_text(f"Area,Code,Period,Value\nEngland,NI 39,{period},61.5\n"
                      f"South East,NI 39,{period},58.25\nEngland,NI 39,1999/00,40\n", encoding="utf-8")
    _import(sample_store, source)

    row = fare_row(sample_store, "Tunbridge Wells", "NI 39")
    assert row.comparators == (("England", 61.5), ("South East", 58.25))
    assert (row.rank, row.of, row.kent_best, row.kent_worst) == (
        before.rank, before.of, before.kent_best, before.kent_worst)  # not ranked among the districts
    assert present.comparators(row) == "England 61.5 · South East 58.25"

    model = FareTableModel()
    model.set_rows([row])
    tip = model.data(model.index(0, column_of("Kent")), Qt.ItemDataRole.ToolTipRole)
    assert "England 61.5 · South East 58.25" in tip
