"""The district's High / Medium / Low ranking of the KA2 indicators, grouped by theme.

Change a band with the drop-down or by dragging rows (by the grip at their start) between the
bands; each indicator shows its status and rank in Kent while it is ranked; copy a ranking from
another period; every change is one step on the undo stack (Ctrl+Z, Ctrl+Shift+Z) and is told in
the status bar.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop import present
from vfk_desktop.domain.codes import code_sort_key
from vfk_desktop.domain.fare import FareRow, count_bands
from vfk_desktop.domain.model import Priority, Rag
from vfk_desktop.domain.periods import Period, parse_period
from vfk_desktop.facts.fare import fare_table, ranking_round_for
from vfk_desktop.store import edits
from vfk_desktop.store.history import ranking_rounds
from vfk_desktop.store.queries import catalogue, ka2_codes, theme_order
from vfk_desktop.ui.band_delegates import DragHandleDelegate, PriorityDelegate, priority_from_choice
from vfk_desktop.ui.delegates import RagChipDelegate, ThemeDelegate
from vfk_desktop.ui.errors import shown
from vfk_desktop.ui.fare_model import BandFilter
from vfk_desktop.ui.pages.heading import page_heading
from vfk_desktop.ui.table_model import ROW_ROLE, Column, RecordTableModel
from vfk_desktop.ui.undo import ReplaceRound, SetPriority, push

MIME = "application/x-vfk-indicator-codes"
HANDLE_COLUMN, THEME_COLUMN, INDICATOR_COLUMN, STATUS_COLUMN, PRIORITY_COLUMN = 0, 1, 3, 4, 6
BANDS = ((Priority.HIGH, "High priority"), (Priority.MEDIUM, "Medium priority"),
         (Priority.LOW, "Low priority"), (None, "Not ranked"))


@dataclass(frozen=True)
class Ranked:
    """One KA2 indicator on the priorities page, with its band and how the district fares on it."""

    code: str
    title: str
    theme: str | None
    priority: Priority | None
    fare: FareRow | None  # how the district fares on it, for the status and rank columns

    @property
    def rag(self) -> Rag | None:  # the status chip's colour
        return self.fare.rag if self.fare else None


class RankingModel(RecordTableModel):
    columns = (
        Column("", lambda r: "", "Drag a row by its grip to another band"),
        Column("Theme", lambda r: r.theme or "", "The KA2 theme"),
        Column("Code", lambda r: r.code, "The indicator's code"),
        Column("Indicator", lambda r: r.title, "What the indicator measures",
               cell_tip=lambda r: f"{r.code} {r.title}"),
        Column("Status", lambda r: present.status(r.fare) if r.fare else "",
               "Against the target, at the period the Overview shows"),
        Column("Rank", lambda r: present.rank(r.fare) if r.fare else "",
               "The district's place among the 12 (1 is the best)",
               cell_tip=lambda r: present.reported(r.fare) if r.fare else None),
        Column("Priority", lambda r: r.priority.value if r.priority else "Not ranked",
               "The district's ranking; choose from the list, or drag the row to another band"),
    )

    def __init__(self, on_change, parent: object | None = None) -> None:
        super().__init__(parent)
        self.on_change = on_change  # (codes, priority) -> None: the page pushes the undo command

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # rows are dropped onto a band's table
        flags = super().flags(index) | Qt.ItemFlag.ItemIsDragEnabled
        if index.isValid() and index.column() == PRIORITY_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: object,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != PRIORITY_COLUMN:
            return False
        record = self.row_at(index.row())
        priority = priority_from_choice(str(value))
        if priority != record.priority:
            self.on_change([record.code], priority)
        return True

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        codes = sorted({self.row_at(i.row()).code for i in indexes if i.isValid()}, key=code_sort_key)
        data = QMimeData()
        data.setData(MIME, "\n".join(codes).encode())
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


class BandTable(QTableView):
    """One band's table; rows dropped on it move to its band."""

    def __init__(self, band: Priority | None, on_drop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.band, self.on_drop = band, on_drop
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(MIME):
            return
        codes = bytes(event.mimeData().data(MIME)).decode().split("\n")
        event.acceptProposedAction()
        self.on_drop([c for c in codes if c], self.band)


class PrioritiesPage(QWidget):
    title = "Priorities"

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.round: Period | None = None
        self.told = ""  # the last change, as the status bar said it
        self.model = RankingModel(self.change, self)
        self._build()
        session.locality_changed.connect(lambda _: self.refresh(new_locality=True))
        session.period_changed.connect(lambda _: self.refresh(new_locality=True))
        session.data_changed.connect(self.refresh)
        self.refresh(new_locality=True)

    def _build(self) -> None:
        self.heading = page_heading(self)
        self.round_picker = QComboBox(self)
        self.round_picker.setAccessibleName("Ranking period")
        self.round_picker.setToolTip("The period the ranking was made for")
        self.round_picker.currentTextChanged.connect(self._round_picked)
        self.new_round = QPushButton("&New ranking period…", self)
        self.new_round.setToolTip("Start a ranking for another period, beginning as a copy of this one")
        self.new_round.clicked.connect(self.start_round)
        self.copy_round = QPushButton("&Copy from another period…", self)
        self.copy_round.setToolTip("Replace this ranking with the ranking of another period (undoable)")
        self.copy_round.clicked.connect(self.copy_from)
        self.counts = QLabel(self)
        self.hint = QLabel("Choose a band from a row's drop-down, or drag rows by their grip (the dots at "
                           "the left; Ctrl or Shift picks several) onto another band.", self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #4A4A4A;")
        top = QHBoxLayout()
        label = QLabel("Ranking &period ", self)
        label.setBuddy(self.round_picker)
        for widget in (label, self.round_picker, self.new_round, self.copy_round):
            top.addWidget(widget)
        top.addStretch(1)

        content = QWidget(self)
        column = QVBoxLayout(content)
        self.sections: list[tuple[QLabel, BandTable, BandFilter]] = []
        for band, title in BANDS:
            heading = QLabel(title, content)
            heading.setStyleSheet("font-size: 12pt; font-weight: 600; margin-top: 8px;")
            proxy = BandFilter(band, self)
            proxy.setSourceModel(self.model)
            view = BandTable(band, self.change, content)
            view.setObjectName(f"band_{(band.value if band else 'unranked').lower()}")
            view.setAccessibleName(title)
            view.setModel(proxy)
            view.setItemDelegateForColumn(PRIORITY_COLUMN, PriorityDelegate(view))
            view.setItemDelegateForColumn(THEME_COLUMN, ThemeDelegate(view))
            view.setItemDelegateForColumn(HANDLE_COLUMN, DragHandleDelegate(view))
            view.setItemDelegateForColumn(STATUS_COLUMN, RagChipDelegate(view))
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
            view.verticalHeader().setVisible(False)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setSectionResizeMode(INDICATOR_COLUMN, QHeaderView.ResizeMode.Stretch)
            metrics = view.fontMetrics()
            for index, sample in ((HANDLE_COLUMN, "___"), (THEME_COLUMN, "Improved Health, Care and"),
                                  (THEME_COLUMN + 1, "NI 120m___"), (STATUS_COLUMN, "■ Amber (worse)______"),
                                  (STATUS_COLUMN + 1, "12 of 12 reported_"),
                                  (PRIORITY_COLUMN, "Not ranked__________")):
                view.setColumnWidth(index, metrics.horizontalAdvance(sample))
            column.addWidget(heading)
            column.addWidget(view)
            self.sections.append((heading, view, proxy))
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(self.counts)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)

    # --- reading --------------------------------------------------------------------------
    def refresh(self, new_locality: bool = False) -> None:
        session = self.session
        rounds = ranking_rounds(session.store, session.locality)
        if new_locality or self.round not in rounds:  # the round the Overview's priorities come from
            self.round = ranking_round_for(session.store, session.locality, session.period)
            self.round = self.round if self.round in rounds else (rounds[0] if rounds else None)
        self.round_picker.blockSignals(True)
        self.round_picker.clear()
        self.round_picker.addItems([p.label for p in rounds])
        if self.round:
            self.round_picker.setCurrentText(self.round.label)
        self.round_picker.blockSignals(False)
        self.heading.setText(f"{session.locality}'s KA2 priorities")
        ranking = edits.ranking_round(session.store, session.locality, self.round) if self.round else {}
        indicators = catalogue(session.store)
        order = theme_order(session.store)
        codes = set(ka2_codes(session.store)) | set(ranking)
        fares = {row.code: row for row in fare_table(session.store, session.locality, session.period)}
        records = sorted(
            (Ranked(code, indicators[code].title, indicators[code].theme, ranking.get(code), fares.get(code))
             for code in codes),
            key=lambda r: (order.get(r.theme or "", 99), code_sort_key(r.code)))
        self.model.set_rows(records)
        counts = count_bands(r.priority for r in records if r.priority) | {
            None: sum(1 for r in records if r.priority is None)}
        self.counts.setText("   ·   ".join(f"{title}: {counts[band]}" for band, title in BANDS))
        for (heading, view, proxy), (band, title) in zip(self.sections, BANDS, strict=True):
            heading.setText(f"{title} ({counts[band]})")
            _fit(view, proxy.rowCount())
        editable = not session.readonly
        for widget in (self.new_round, self.copy_round):
            widget.setEnabled(editable and self.round is not None)
        for _, view, _ in self.sections:
            view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers if editable
                                 else QAbstractItemView.EditTrigger.NoEditTriggers)

    def _round_picked(self, label: str) -> None:
        if label and (self.round is None or label != self.round.label):
            self.round = parse_period(label)
            self.refresh()

    # --- changing -------------------------------------------------------------------------
    def change(self, codes: list[str], priority: Priority | None) -> None:
        """Move codes to a band: one undo step, whatever the number of indicators."""
        if self.round is None or self.session.readonly:
            return
        current = edits.ranking_round(self.session.store, self.session.locality, self.round)
        moving = [c for c in codes if current.get(c) != priority]
        if not moving:
            return
        stack = self.session.undo_stack
        what = priority.value if priority else "not ranked"
        with shown(self, "Priorities"):
            if len(moving) == 1:
                push(self.session, SetPriority(self.session, moving[0], self.round, priority))
            else:
                stack.beginMacro(f"Set {len(moving)} indicators to {what}")
                try:
                    for code in moving:
                        push(self.session, SetPriority(self.session, code, self.round, priority))
                finally:
                    stack.endMacro()
            band = next(title for shown_band, title in BANDS if shown_band is priority)
            self.told = (f"Moved {', '.join(moving)} to {band.lower()} for {self.round.label} "
                         f"(Ctrl+Z puts {'it' if len(moving) == 1 else 'them'} back).")
            self.window().statusBar().showMessage(self.told, 10000)

    def copy_from(self) -> None:
        others = [p.label for p in ranking_rounds(self.session.store, self.session.locality)
                  if p != self.round]
        if not others:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, "Copy a ranking", "There is no other ranking period to copy from.")
            return
        source, ok = QInputDialog.getItem(self, "Copy a ranking",
                                          f"Replace the {self.round.label} ranking with the ranking of:",
                                          others, 0, False)
        if ok and source:
            with shown(self, "Copy a ranking"):
                push(self.session, ReplaceRound(self.session, parse_period(source), self.round))

    def start_round(self) -> None:
        text, ok = QInputDialog.getText(self, "New ranking period",
                                        "Period of the new ranking (it starts as a copy of "
                                        f"{self.round.label}):")
        if not ok or not text.strip():
            return
        with shown(self, "New ranking period"):
            wanted = parse_period(text.strip())
            push(self.session, ReplaceRound(self.session, self.round, wanted))
            self.round = wanted
            self.refresh()

    def band_codes(self, band: Priority | None) -> list[str]:
        """The codes shown in one band (for tests)."""
        for (_, _, proxy), (shown_band, _) in zip(self.sections, BANDS, strict=True):
            if shown_band is band:
                return [proxy.index(r, 1).data(ROW_ROLE).code for r in range(proxy.rowCount())]
        return []


def _fit(view: QTableView, rows: int) -> None:
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += rows * view.verticalHeader().defaultSectionSize()
    view.setFixedHeight(max(height, view.verticalHeader().defaultSectionSize() * 2))
