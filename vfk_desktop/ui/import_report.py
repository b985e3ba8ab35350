"""Before anything is written: every row an import would insert, update, leave, skip or reject.

The officer reads the report and chooses Import or Cancel; Import stays disabled while any row is
rejected (imports are all or nothing). A sheet that could not be understood can be mapped by hand.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
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
from vfk_desktop.io.readers.cells import cell_text
from vfk_desktop.store.imports import ImportResult
from vfk_desktop.ui import screen_fit
from vfk_desktop.ui.table_model import SORT_ROLE, Column, FilterProxy, RecordTableModel

ACTION_WORDS = {"insert": "New", "update": "Update", "unchanged": "Unchanged", "skip": "Skipped",
                "blank": "Skipped (blank)", "reject": "Refused"}
ACTION_ORDER = {"reject": 0, "update": 1, "insert": 2, "skip": 3, "blank": 4, "unchanged": 5}
ACTION_TINT = {"reject": "#F5D2BF", "update": "#FAE7BF", "skip": "#E8E8E8", "blank": "#E8E8E8"}
# the share of the table's width each column takes; "Why" takes what is left, and wraps
WIDTHS = (0.09, 0.11, 0.07, 0.07, 0.07, 0.07, 0.09, 0.15)
WRAPPED_ROWS = 3000  # rows fitted to their wrapped text (more would make the dialog slow to open)
KINDS = {"value": "value", "target": "Kent target", "best": "Kent best", "worst": "Kent worst"}


@dataclass(frozen=True)
class ReportRow:
    """One row of the import report: what the import would do to a figure, priority or comment, and why."""

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
    refused = {(p.file, p.sheet, p.row) for p in result.rejected}
    for key, figure in plan.figures.items():
        found = result.actions.get(("observations", key))
        if found is None and ((figure.file, figure.sheet, figure.row) in refused
                              or key in plan.conflicts):
            continue  # the row's refusal speaks for it
        action, old = found or ("insert", None)
        before = present.figure(old["value"], old["text"]) if old else ""
        rows.append(ReportRow(action, figure.area, figure.indicator, figure.period, KINDS[figure.kind],
                              before, "" if action == "blank" else figure.shown,
                              _where(figure.file, figure.sheet, figure.cell),
                              "blank: no figure given" if action == "blank" else ""))
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
            place = _where(p.file, p.sheet, p.cell or (f"row {p.row}" if p.row else ""))
            copy = plan.row_copies.get((p.file, p.sheet, p.row)) if p.row else None
            given = copy.given(p.cell) if copy else None
            rows.append(ReportRow(kind, copy.locality or "" if copy else "",
                                  copy.code or "" if copy else "", copy.period or "" if copy else "",
                                  "", "", cell_text(given), place, p.reason))
    rows.sort(key=lambda r: ACTION_ORDER[r.action])  # problems first; stable within each kind
    return rows



class ImportReportDialog(QDialog):
    def __init__(self, plan: ImportPlan, result: ImportResult, rows: list[ReportRow],
                 parent: QWidget | None = None, partial: ImportResult | None = None,
                 actions: int = 0) -> None:
        """rows: report_rows(plan, result), made off the GUI thread (an import can have 200,000).

        partial: what importing the rows that pass would do, when some are refused.
        actions: how many actions a KA2 return carries (brought in with its figures).
        """
        super().__init__(parent)
        self.setWindowTitle("Import: what would change")
        self.plan, self.result, self.partial = plan, result, partial
        self.map_requested = False
        self.partial_requested = False
        self.model = ReportModel(self)
        self.model.set_rows(rows)
        self.proxy = _ActionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        summary = QLabel(self)  # its text once the buttons are known
        summary.setObjectName("summary")
        summary.setWordWrap(True)
        summary.setStyleSheet("font-weight: 600;")
        carried = ([f"The return carries {actions:,} action(s); Import brings them in with its figures."]
                   if actions else [])
        details = QLabel("\n".join([*plan.sheets_read, *plan.notes, *carried]), self)
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
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        if len(rows) <= WRAPPED_ROWS:
            view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view = view
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(result.ok and bool(result.inserted or result.updated or actions))
        self.partial_button = None
        if partial is not None and partial.ok and (partial.inserted or partial.updated):
            figures = sum(partial.by_table.get("observations", (0, 0)))
            good = f"{figures:,} good figures" if figures else \
                f"{partial.inserted + partial.updated:,} good rows"
            self.partial_button = buttons.addButton(
                f"Import the {good}, leave the {partial.left_out:,} refused",
                QDialogButtonBox.ButtonRole.ActionRole)
            self.partial_button.setToolTip("One import, which Undo takes back; you can save the "
                                           "refused rows, with the reason for each, to send back")
            self.partial_button.clicked.connect(self._import_partial)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        if plan.unread:
            mapper = QPushButton("&Choose columns…", self)
            mapper.setToolTip("Say which column holds what; vfk remembers it for files with these headers")
            mapper.clicked.connect(self._map)
            buttons.addButton(mapper, QDialogButtonBox.ButtonRole.ActionRole)
        summary.setText(self._summary())
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
        self.fit_to(screen_fit.available(self).size())

    def fit_to(self, available: QSize) -> None:
        """Sized to the screen, as wide as fits: every column, "Why" included, without scrolling."""
        self.resize(min(1280, available.width() - screen_fit.FRAME_WIDTH),
                    min(800, available.height() - screen_fit.FRAME_HEIGHT))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_columns()

    def _fit_columns(self) -> None:
        width = self.view.viewport().width()
        if width <= 0:
            return
        for column, share in enumerate(WIDTHS):
            self.view.setColumnWidth(column, int(width * share))
        # "Why" (the last column) stretches over the rest: about a third of the table

    def _summary(self) -> str:
        result = self.result
        if not result.ok:
            count = len(result.rejected)
            problems = "this problem is" if count == 1 else f"these {count} problems are"
            text = (f"Nothing can be imported as it is until {problems} fixed in the file: "
                    f"an import is all or nothing.")
            if self.partial_button is not None:
                text += (f" Or import the rows that pass ({self.partial.counts()}) and leave the "
                         f"{self.partial.left_out:,} refused out.")
            return text
        if not (result.inserted or result.updated):
            return (f"Nothing to change: every figure is already in the database "
                    f"({result.unchanged:,} unchanged).")
        return f"Importing would write {result.counts()}. Nothing is written until you choose Import."

    def _import_partial(self) -> None:
        self.partial_requested = True
        self.accept()

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
