"""The Qt binding itself: a guard against a PySide6 release that mishandles reference counts.

PySide6 6.12.0 dropped one reference to None each time an empty QVariant came back to Python (as
every model's data() does for roles it does not answer), so a window used for a while crashed the
whole process. pyproject.toml excludes that release; this test catches any other that does the same.
"""

import sys

from PySide6.QtCore import QStringListModel, Qt

from vfk_desktop.facts.fare import fare_table
from vfk_desktop.ui.fare_model import FareTableModel


def test_empty_answers_from_models_do_not_drain_references_to_none(sample_store):
    qt_model = QStringListModel(["NI 39"])
    ours = FareTableModel()
    ours.set_rows(fare_table(sample_store, "Tunbridge Wells"))
    before = sys.getrefcount(None)
    for _ in range(5000):
        qt_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
        ours.index(0, 0).data(Qt.ItemDataRole.DecorationRole)
    assert sys.getrefcount(None) - before > -100
