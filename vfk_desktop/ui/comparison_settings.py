"""View → Comparison settings…: how many of the 12 districts must have a value before a period is
ranked, and the level (95 % or 99.8 %) at which "vs Kent" allows for chance. Kept in the database,
so the window, `vfk` and every export compare alike."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop.domain.localities import DISTRICT_COUNT
from vfk_desktop.facts.figures import (
    LEVELS,
    min_districts,
    set_min_districts,
    set_significance_level,
    significance_level,
)
from vfk_desktop.store.connection import Store
from vfk_desktop.ui.screen_fit import fit_hint_to_screen


class ComparisonSettingsDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Comparison settings")
        self.setObjectName("comparison_settings")
        explanation = QLabel(
            "Each indicator is compared at its newest period in which at least this many of the "
            f"{DISTRICT_COUNT} districts have a value (or a partner stated Kent's best and worst). "
            "Where fewer have reported, no rank is given and the row says how many did.", self)
        explanation.setWordWrap(True)
        self.minimum = QSpinBox(self)
        self.minimum.setRange(2, DISTRICT_COUNT)
        self.minimum.setValue(min_districts(store))
        self.minimum.setSuffix(f" of {DISTRICT_COUNT} districts")
        self.minimum.setAccessibleName("Districts needed to rank")
        self.level = QComboBox(self)
        self.level.addItems([f"{level} %" for level in LEVELS])
        self.level.setCurrentIndex(LEVELS.index(significance_level(store)))
        self.level.setAccessibleName("Significance level of vs Kent")
        self.level.setToolTip("vs Kent says Similar when Kent's figure lies inside the district's "
                              "confidence interval at this level (99.8 % marks fewer differences)")
        form = QFormLayout()
        form.addRow("&Rank only when at least", self.minimum)
        form.addRow("&vs Kent at", self.level)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        fit_hint_to_screen(self)


def edit_comparison_settings(window) -> None:
    """Ask, then keep the new minimum and show every page again with it."""
    session = window.session
    dialog = ComparisonSettingsDialog(session.store, window)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        wanted = dialog.minimum.value()
        level = LEVELS[dialog.level.currentIndex()]
    finally:
        dialog.deleteLater()
    if level != significance_level(session.store):
        set_significance_level(session.store, level)
        session.notify_data_changed()
        window.statusBar().showMessage(f"vs Kent is now worked out at {level} %.", 10000)
    if wanted != min_districts(session.store):
        set_min_districts(session.store, wanted)
        session.notify_data_changed()
        window.statusBar().showMessage(
            f"Periods are now ranked when at least {wanted} of {DISTRICT_COUNT} districts have a value.",
            10000)
