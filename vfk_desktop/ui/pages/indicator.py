"""One indicator for the locality: charts, its history of values and targets, where each figure came
from, and the commentary for a period (editable, with undo)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop import present
from vfk_desktop.domain.codes import code_sort_key
from vfk_desktop.domain.fare import FareRow
from vfk_desktop.domain.localities import KENT
from vfk_desktop.facts.fare import fare_row, history
from vfk_desktop.store import edits
from vfk_desktop.store.history import Observation, observations
from vfk_desktop.store.queries import catalogue
from vfk_desktop.ui.delegates import RagChipDelegate
from vfk_desktop.ui.fare_model import FARE_COLUMNS
from vfk_desktop.ui.pages.heading import page_heading
from vfk_desktop.ui.table_model import ROW_ROLE, Column, RecordTableModel
from vfk_desktop.ui.undo import SetCommentary, push

HISTORY_HEADERS = ("Period", "Value", "Kent target", "Kent", "vs Kent", "Best", "Worst", "Rank",
                   "Status", "Direction", "Own target")  # in FARE_COLUMNS order
KIND_WORDS = {"value": "value", "target": "target", "best": "Kent best (stated)",
              "worst": "Kent worst (stated)"}


def _figure_name(o: Observation) -> str:
    name = KIND_WORDS[o.kind]
    return f"{name} for {o.period.label}" if o.kind == "target" else name


class HistoryModel(RecordTableModel):
    columns = tuple(c for c in FARE_COLUMNS if c.header in HISTORY_HEADERS)


class SourceModel(RecordTableModel):
    columns = (
        Column("Place", lambda o: o.area, "Whose figure it is"),
        Column("Figure", _figure_name, "Which figure"),
        Column("As given", lambda o: present.figure(o.figure.value, o.figure.text),
               "The figure, as the file or the officer gave it", numeric=True),
        Column("Where it came from", lambda o: o.provenance.describe(),
               "The file, sheet and cell, the import, when and by whom — or typed by hand",
               cell_tip=lambda o: o.provenance.describe()),  # read whole where the column is narrow
    )


class IndicatorPage(QWidget):
    title = "Indicator"

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.code: str | None = None
        self.history_model = HistoryModel(self)
        self.source_model = SourceModel(self)
        self._build()
        session.locality_changed.connect(lambda _: self.refresh())
        session.period_changed.connect(lambda _: self.refresh())
        session.data_changed.connect(self.refresh)
        self._fill_picker()

    def _build(self) -> None:
        self.picker = QComboBox(self)
        self.picker.setAccessibleName("Indicator")
        self.picker.setEditable(True)
        self.picker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # as wide as a title needs up to a point, never as wide as the longest title of all
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(48)
        self.picker.activated.connect(lambda _: self.show_indicator(self.picker.currentData()))
        self.heading = page_heading(self)
        self.heading.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.charts = QWidget(self)
        self.charts.setObjectName("charts")
        self.charts_layout = QHBoxLayout(self.charts)
        self.charts_layout.setContentsMargins(0, 0, 0, 0)

        self.history_view = _table(self, "History of values and targets", self.history_model)
        self.history_view.setItemDelegateForColumn(HISTORY_HEADERS.index("Status"),
                                                   RagChipDelegate(self.history_view))
        self.history_view.selectionModel().currentRowChanged.connect(lambda *_: self._period_chosen())
        self.source_view = _table(self, "Where each figure came from", self.source_model)
        self.source_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)

        self.comment_box = QGroupBox("Commentary", self)
        self.comment = QPlainTextEdit(self.comment_box)
        self.comment.setAccessibleName("Commentary")
        self.comment.setPlaceholderText("What the Board should know about this figure…")
        self.save_comment = QPushButton("&Save comment", self.comment_box)
        self.save_comment.setToolTip("Save the commentary for the chosen period (Ctrl+S); Ctrl+Z undoes it")
        self.save_comment.clicked.connect(self.save_commentary)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_commentary)
        from vfk_desktop.ui.accountability_panel import AccountabilityPanel, CommentHistory

        self.comment_history = CommentHistory(self.session, self.comment_box)
        self.accountability = AccountabilityPanel(self.session, self)
        box = QVBoxLayout(self.comment_box)
        box.addWidget(self.comment)
        box.addWidget(self.comment_history)
        box.addWidget(self.save_comment, 0, Qt.AlignmentFlag.AlignRight)

        top = QHBoxLayout()
        label = QLabel("&Indicator ", self)
        label.setBuddy(self.picker)
        top.addWidget(label)
        top.addWidget(self.picker, 1)
        lower = QSplitter(Qt.Orientation.Horizontal, self)
        sources = QWidget(lower)
        column = QVBoxLayout(sources)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel("Where each figure of the chosen period came from:", sources))
        column.addWidget(self.source_view)
        lower.addWidget(sources)
        lower.addWidget(self.comment_box)
        # leads, targets and the forecast scroll where a laptop's 728 px leave them too little height
        panel = QScrollArea(lower)
        panel.setWidgetResizable(True)
        panel.setFrameShape(QFrame.Shape.NoFrame)
        panel.setWidget(self.accountability)
        lower.addWidget(panel)
        lower.setSizes([500, 360, 340])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        from vfk_desktop.ui.chart_tabs import indicator_tabs

        self.chart_tabs = indicator_tabs(self)  # districts, trend, SPC, funnel, map; the history
        layout.addWidget(self.chart_tabs, 5)  # 12 district names need about 16 px each
        layout.addWidget(lower, 2)

    def _fill_picker(self) -> None:
        self.picker.clear()
        for code, indicator in sorted(catalogue(self.session.store).items(),
                                      key=lambda item: code_sort_key(item[0])):
            self.picker.addItem(f"{code} – {indicator.title}", code)

    def show_indicator(self, code: str | None) -> None:
        if not code:
            return
        self.code = code
        index = self.picker.findData(code)
        if index >= 0:
            self.picker.setCurrentIndex(index)
        self.refresh()

    def refresh(self) -> None:
        if not self.isVisibleTo(self.window()):
            self._stale = True  # filled when shown: a hidden page never slows a switch of district
            return
        self._stale = False
        if self.code is None:
            self.code = self.picker.itemData(0)
        self.session.indicator = self.code
        rows = history(self.session.store, self.session.locality, self.code)
        self.history_model.set_rows(rows)
        first = rows[0] if rows else None
        title = first.title if first else catalogue(self.session.store)[self.code].title
        self.heading.setText(f"{self.code} {title}")
        self.facts.setText(self._facts_text(first))
        compared = fare_row(self.session.store, self.session.locality, self.code, self.session.period)
        shown = next((r for r in rows if r.period == compared.period), first)
        self._draw_charts(shown)
        if rows:  # the period the Overview compares, as the period chooser asks
            self.history_view.selectRow(rows.index(shown))
        self._period_chosen()
        self.accountability.show_for(self.code, shown)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self.refresh()

    def _facts_text(self, row: FareRow | None) -> str:
        if row is None:
            return f"No figures yet for {self.session.locality}."
        band = row.priority.value if row.priority else "not ranked"
        parts = [f"Theme: {row.theme or 'none'}", f"Unit: {row.unit or 'not given'}",
                 f"Polarity: {present.polarity(row)}", f"{self.session.locality}'s priority: {band}",
                 f"Amber within {row.tolerance:.0%} of the target"]
        if present.comparators(row):
            parts.append(f"Beside Kent: {present.comparators(row)} (not ranked)")
        stats = row.statistics
        if stats.ci95 is not None:
            parts.append(f"95 % interval {present.interval(stats.ci95)}")
        if present.assurance(row):
            parts.append(present.assurance(row).capitalize())
        if stats.trend is not None:
            parts.append(f"Recent trend: {present.trend(row)}")
        return "   ·   ".join(parts)

    def _draw_charts(self, row: FareRow | None) -> None:
        """The districts chart and the trend chart."""
        from vfk_desktop.ui.chart_panels import fill_indicator_charts

        fill_indicator_charts(self, row)
        self.chart_tabs.refresh()  # the funnel or the map, when that tab is the one shown

    def chosen(self) -> FareRow | None:
        index = self.history_view.currentIndex()
        return index.data(ROW_ROLE) if index.isValid() else None

    def _period_chosen(self) -> None:
        row = self.chosen()
        period = row.period if row and row.period else None
        if row is not None and getattr(self, "districts_chart", None) is not None:
            from vfk_desktop.ui.chart_panels import fill_districts_chart

            fill_districts_chart(self, row)  # the districts as they stood in the chosen period
        if row is None or period is None:  # no figure: no period to comment on, and none named
            self.source_model.set_rows([])
            self.comment_box.setTitle(f"Commentary on {self.code} (no figures, so no period yet)")
            self.comment.setPlainText("")
            self.comment_box.setEnabled(False)
            return
        found: list[Observation] = []
        for area in (self.session.locality, KENT):
            found += observations(self.session.store, area=area, code=self.code, period=period.label)
        if row.target_period and row.target_period != period:  # the later target that applies
            found += observations(self.session.store, area=KENT, code=self.code, kind="target",
                                  period=row.target_period.label)
        self.source_model.set_rows(found)
        self.comment_box.setTitle(f"Commentary on {self.code} for {period.label}")
        self.comment_box.setEnabled(not self.session.readonly)
        self.comment.setPlainText(edits.commentary_of(self.session.store, self.session.locality,
                                                      self.code, period.label) or "")
        self.comment_history.show_for(self.code, period.label, getattr(self, "_just_saved", False))

    def save_commentary(self) -> None:
        row = self.chosen()
        if row is None or row.period is None or self.session.readonly:
            return
        text = self.comment.toPlainText()
        current = edits.commentary_of(self.session.store, self.session.locality, self.code,
                                      row.period.label)
        if (current or "") == text.strip():
            return
        from vfk_desktop.ui.errors import shown

        with shown(self):
            self._just_saved = True  # the refresh the edit sets off says "Saved"
            try:
                push(self.session, SetCommentary(self.session, self.code, row.period.label, text))
            finally:
                self._just_saved = False


def _table(parent: QWidget, name: str, model: RecordTableModel) -> QTableView:
    view = QTableView(parent)
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view
