"""Every table model the window uses passes Qt's model tester, filled with real data."""

import pytest

from vfk_desktop.facts.fare import fare_table, history
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.store.history import observations
from vfk_desktop.store.imports import apply_plan, import_context, list_imports
from vfk_desktop.store.local_priorities import local_priorities
from vfk_desktop.store.vision import delivery_plans
from vfk_desktop.ui.fare_model import BandFilter, FareTableModel
from vfk_desktop.ui.import_report import ReportModel, report_rows
from vfk_desktop.ui.pages.data import ObservationModel
from vfk_desktop.ui.pages.imports import ImportLogModel
from vfk_desktop.ui.pages.indicator import HistoryModel, SourceModel
from vfk_desktop.ui.pages.local_priorities import LocalPriorityModel
from vfk_desktop.ui.pages.priorities import Ranked, RankingModel
from vfk_desktop.ui.pages.vision import PlanModel


def rows_for(name, store, tmp_path):
    if name in ("fare", "filter"):
        return fare_table(store, "Tunbridge Wells")
    if name == "history":
        return history(store, "Tunbridge Wells", "NI 39")
    if name in ("observations", "sources"):
        return observations(store, area="Tunbridge Wells")
    if name == "imports":
        return list_imports(store)
    if name == "local":
        return local_priorities(store, "Tunbridge Wells")
    if name == "plans":
        return delivery_plans(store)
    if name == "rankings":
        return [Ranked("NI 39", "Alcohol", "Health", None, None)]
    path = tmp_path / "a.csv"
    path.write_text("District,NI,Period,Value\nDover,39,2009/10,1\nMedway,39,2009/10,1\n")
    plan = plan_import([path], import_context(store))
    return report_rows(plan, apply_plan(store, plan, dry_run=True, detailed=True))


MODELS = {
    "fare": lambda: FareTableModel(), "history": lambda: HistoryModel(),
    "observations": lambda: ObservationModel(lambda *a: None), "sources": lambda: SourceModel(),
    "imports": lambda: ImportLogModel(), "local": lambda: LocalPriorityModel(),
    "plans": lambda: PlanModel(), "rankings": lambda: RankingModel(lambda *a: None),
    "report": lambda: ReportModel(),
}


@pytest.mark.parametrize("name", sorted(MODELS))
def test_model_passes_the_model_tester(qtmodeltester, sample_store, tmp_path, name):
    model = MODELS[name]()
    rows = rows_for(name, sample_store, tmp_path)
    assert rows
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


def test_the_band_filter_passes_the_model_tester(qtmodeltester, sample_store):
    model = FareTableModel()
    model.set_rows(fare_table(sample_store, "Tunbridge Wells"))
    proxy = BandFilter(None)
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_a_model_that_sorts_itself_keeps_selections_on_their_rows(qtmodeltester, sample_store):
    from PySide6.QtCore import QPersistentModelIndex, Qt

    model = FareTableModel()
    model.set_rows(fare_table(sample_store, "Tunbridge Wells"))
    qtmodeltester.check(model)
    kept = QPersistentModelIndex(model.index(0, 1))
    code = kept.data()
    model.sort(model.column_index("Value"), Qt.SortOrder.DescendingOrder)
    assert kept.data() == code and model.sortColumn() == model.column_index("Value")
    values = [model.row_at(r).value for r in range(model.rowCount()) if model.row_at(r).value is not None]
    assert values == sorted(values, reverse=True)
    model.sort(-1)
    assert model.row_at(0).code == code
