"""Before anything is written: every row an import would insert, update, leave, skip or reject.

The officer reads the report and chooses Import or Cancel; Import stays disabled while any row is
rejected (imports are all or nothing). A sheet that could not be understood can be mapped by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop import present
from vfk_desktop.domain.import_plan import ImportPlan
from vfk_desktop.store.imports import ImportResult
from vfk_desktop.ui.table_model import SORT_ROLE, Column, FilterProxy, RecordTableModel

ACTION_WORDS = {"insert": "New", "update": "Update", "unchanged": "Unchanged", "skip": "Skipped",
                "reject": "Rejected"}
ACTION_ORDER = {"reject": 0, "update": 1, "insert": 2, "skip": 3, "unchanged": 4}
ACTION_TINT = {"reject": "#F5D2BF", "update": "#FAE7BF", "skip": "#E8E8E8"}
KINDS = {"value": "value", "target": "Kent target", "best": "Kent best", "worst": "Kent worst"}


@dataclass(frozen=True)
class ReportRow:
    action: str
    place: str
    indicator: str
    period: str
    what: str
    old: str
    new: str
    source: str
    reason: str = ""


class ReportModel(RecordTableModel):
    columns = (
        Column("Action", lambda r: ACTION_WORDS[r.action], "What the import would do with the row",
               sort=lambda r: ACTION_ORDER[r.action], background=lambda r: ACTION_TINT.get(r.action)),
        Column("Place", lambda r: r.place, "District or Kent"),
        Column("Indicator", lambda r: r.indicator, "The indicator's code"),
        Column("Period", lambda r: r.period, "The period"),
        Column("What", lambda r: r.what, "Value, target, stated best/worst, priority or comment"),
        Column("Now", lambda r: r.old, "What the database holds now"),
        Column("From the file", lambda r: r.new, "What the file gives", cell_tip=lambda r: r.new),
        Column("Where", lambda r: r.source, "File, sheet and cell (or row)"),
        Column("Why", lambda r: r.reason, "Why a row is rejected or skipped", cell_tip=lambda r: r.reason),
    )


def _where(file: str, sheet: str | None, cell: str) -> str:
    return ", ".join(p for p in (file, f"sheet {sheet}" if sheet else None, cell) if p)


def report_rows(plan: ImportPlan, result: ImportResult) -> list[ReportRow]:
    """Every planned row with its action, then the skipped and rejected ones."""
    rows = []
    for key, figure in plan.figures.items():
        action, old = result.actions.get(("observations", key), ("insert", None))
        before = present.figure(old["value"], old["text"]) if old else ""
        rows.append(ReportRow(action, figure.area, figure.indicator, figure.period, KINDS[figure.kind],
                              before, figure.shown, _where(figure.file, figure.sheet, figure.cell)))
    for key, ranking in plan.rankings.items():
        action, old = result.actions.get(("rankings", key), ("insert", None))
        o = ranking.origin
        rows.append(ReportRow(action, ranking.area, ranking.indicator, ranking.round, "priority",
                              old["priority"] if old else "", ranking.priority,
                              _where(o.file, o.sheet, o.cell)))
    for key, comment in plan.commentary.items():
        action, old = result.actions.get(("commentary", key), ("insert", None))
        o = comment.origin
        rows.append(ReportRow(action, comment.area, comment.indicator, comment.period, "comment",
                              old["text"] if old else "", comment.text, _where(o.file, o.sheet, o.cell)))
    for kind, problems in (("skip", result.skipped), ("reject", result.rejected)):
        for p in problems:
            place = _where(p.file, p.sheet, f"row {p.row}" if p.row else "")
            rows.append(ReportRow(kind, "", "", "", "", "", "", place, p.reason))
    rows.sort(key=lambda r: ACTION_ORDER[r.action])  # problems first; stable within each kind
    return rows


class ImportReportDialog(QDialog):
    def __init__(self, plan: ImportPlan, result: ImportResult, rows: list[ReportRow],
                 parent: QWidget | None = None) -> None:
        """rows: report_rows(plan, result), made off the GUI thread (an import can have 200,000)."""
        super().__init__(parent)
        self.setWindowTitle("Import: what would change")
        self.plan, self.result = plan, result
        self.map_requested = False
        self.model = ReportModel(self)
        self.model.set_rows(rows)
        self.proxy = _ActionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        summary = QLabel(self._summary(), self)
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        summary.setStyleSheet("font-weight: 600;")
        details = QLabel("\n".join([*plan.sheets_read, *plan.notes]), self)
        details.setWordWrap(True)
        self.show_only = QComboBox(self)
        self.show_only.setAccessibleName("Show")
        self.show_only.addItem("Every row", None)
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.action] = counts.get(row.action, 0) + 1
        for action in ("reject", "update", "insert", "skip", "unchanged"):
            if counts.get(action):
                self.show_only.addItem(f"{ACTION_WORDS[action]} ({counts[action]:,})", action)
        self.show_only.currentIndexChanged.connect(
            lambda _: self.proxy.show_action(self.show_only.currentData()))
        view = QTableView(self)
        view.setAccessibleName("Rows of the import")
        view.setModel(self.proxy)
        view.horizontalHeader().setSortIndicatorClearable(True)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().setStretchLastSection(True)
        for column, width in ((0, 11), (1, 18), (2, 8), (3, 9), (4, 10), (5, 9), (6, 12), (7, 26)):
            view.setColumnWidth(column, view.fontMetrics().horizontalAdvance("M" * width))
        self.view = view
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(result.ok and bool(result.inserted or result.updated))
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        if plan.unread:
            mapper = QPushButton("&Choose columns…", self)
            mapper.setToolTip("Say which column holds what; vfk remembers it for files with these headers")
            mapper.clicked.connect(self._map)
            buttons.addButton(mapper, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel("Show:", self))
        top.addWidget(self.show_only)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(details)
        layout.addLayout(top)
        layout.addWidget(view, 1)
        layout.addWidget(buttons)
        self.resize(1100, 640)

    def _summary(self) -> str:
        result = self.result
        if not result.ok:
            count = len(result.rejected)
            problems = "this problem is" if count == 1 else f"these {count} problems are"
            return f"Nothing can be imported until {problems} fixed in the file: imports are all or nothing."
        if not (result.inserted or result.updated):
            return (f"Nothing to change: every figure is already in the database "
                    f"({result.unchanged:,} unchanged).")
        return (f"Importing would add {result.inserted:,} and update {result.updated:,} figures "
                f"({result.unchanged:,} unchanged, {len(result.skipped):,} skipped). Nothing is written "
                f"until you choose Import.")

    def _map(self) -> None:
        self.map_requested = True
        self.reject()


class _ActionFilter(FilterProxy):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action: str | None = None

    def show_action(self, action: str | None) -> None:
        self.change_filter(lambda: setattr(self, "action", action))

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        if self.action is None:
            return True
        return self.sourceModel().row_at(source_row).action == self.action
