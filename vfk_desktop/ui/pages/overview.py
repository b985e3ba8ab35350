""""How does <locality> fare in Kent?": a table per priority band, as the Board papers lay it out,
with filters, a search box and the red/amber/green counts at the top."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop import present
from vfk_desktop.domain.fare import indicator_count, status_counts
from vfk_desktop.domain.model import Priority
from vfk_desktop.facts.charts import recent_series
from vfk_desktop.facts.fare import band_counts, fare_table
from vfk_desktop.ui.delegates import RagChipDelegate, ThemeDelegate
from vfk_desktop.ui.fare_model import (
    PRIORITY_COLUMN,
    STATUS_COLUMN,
    THEME_COLUMN,
    FareTableModel,
    column_of,
    fare_filter,
)
from vfk_desktop.ui.sparklines import SparklineDelegate
from vfk_desktop.ui.table_model import ROW_ROLE

BANDS: tuple[tuple[Priority | None, str], ...] = (
    (Priority.HIGH, "High priorities"), (Priority.MEDIUM, "Medium priorities"),
    (Priority.LOW, "Low priorities"), (None, "Not ranked"),
)


class FareSection(QWidget):
    """One priority band: a heading with its counts and a table as tall as its rows."""

    opened = Signal(str)

    def __init__(self, band: Priority | None, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.band, self.title = band, title
        self.model = FareTableModel(self)  # this band's rows only: no proxy between view and model
        self.heading = QLabel(title, self)
        self.heading.setObjectName("sectionHeading")
        self.heading.setStyleSheet("font-size: 12pt; font-weight: 600; margin-top: 10px;")
        self.view = QTableView(self)
        self.view.setObjectName(f"fare_{(band.value if band else 'unranked').lower()}")
        self.view.setAccessibleName(title)
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(STATUS_COLUMN, RagChipDelegate(self.view))
        self.view.setItemDelegateForColumn(THEME_COLUMN, ThemeDelegate(self.view))
        self.sparklines = SparklineDelegate(self.view)
        self.view.setItemDelegateForColumn(column_of("Recent"), self.sparklines)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.setWordWrap(True)  # long themes and titles take two lines, then elide
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.verticalHeader().setVisible(False)
        self.view.setColumnHidden(PRIORITY_COLUMN, True)
        self.view.setSortingEnabled(True)
        header = self.view.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._size_columns()
        self.view.doubleClicked.connect(self._open)
        self.view.activated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.view)

    def _size_columns(self) -> None:
        metrics = self.view.fontMetrics()
        # Figures take what they need; long themes wrap onto two lines; the title gets the rest.
        at = column_of
        widths = {THEME_COLUMN: "Care and Wellbeing", at("Code"): "NI 120m", at("Period"): "2009/10 Q3",
                  STATUS_COLUMN: "■ Green (better)__", at("Direction"): "→ unchanged",
                  at("Rank"): "12 of 12 · Q4", at("vs Kent"): "● Similar_", at("Recent"): "Recent__"}
        for header in ("Value", "Kent", "Best", "Worst"):
            widths[at(header)] = "9,999.9"
        widths[at("Kent target")] = "Kent target"
        padding = 3 * metrics.averageCharWidth() // 2  # the cell's margins
        for column, sample in widths.items():
            self.view.setColumnWidth(column, metrics.horizontalAdvance(sample) + padding)

    def fit_height(self) -> None:
        """The table as tall as its rows; an empty band keeps its heading and folds its table
        (hiding and showing whole sections made every switch of district lay out twice)."""
        rows = self.model.rowCount()
        if rows == 0:
            self.view.setFixedHeight(0)
            return
        height = self.view.horizontalHeader().height() + 2 * self.view.frameWidth()
        height += rows * self.view.verticalHeader().defaultSectionSize()  # every row is as tall
        scroll = self.view.horizontalScrollBar()
        self.view.setFixedHeight(height + (scroll.sizeHint().height() if scroll.isVisible() else 0))

    def shown_rows(self) -> int:
        return self.model.rowCount() if self.isVisibleTo(self.parentWidget()) else 0

    def _open(self, index) -> None:
        row = index.data(ROW_ROLE)
        if row is not None:
            self.opened.emit(row.code)


class OverviewPage(QWidget):
    title = "Overview"

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rows: list = []
        self.band_sizes: dict = {}
        self._build()
        session.locality_changed.connect(lambda _: self.refresh())
        session.period_changed.connect(lambda _: self.refresh())
        session.data_changed.connect(self.refresh)
        self.refresh()

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.subheading = QLabel(self)
        self.counts = QLabel(self)
        self.counts.setObjectName("counts")
        self.counts.setWordWrap(True)
        self.counts.setTextFormat(Qt.TextFormat.PlainText)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search code, indicator or theme (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search indicators")
        self.worse_than_target = QCheckBox("&Worse than target", self)
        self.worse_than_target.setToolTip("Only indicators where the district is worse than the Kent target")
        self.below_kent = QCheckBox("&Below the Kent figure", self)
        self.below_kent.setToolTip("Only indicators where the district does worse than Kent as a whole")
        self.high_only = QCheckBox("&High only", self)
        self.high_only.setToolTip("Only the district's High priorities")
        self.hide_without_data = QCheckBox("Hide indicators &without data", self)
        self.hide_without_data.setToolTip("Leave out ranked indicators that have no value yet")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        for box in (self.worse_than_target, self.below_kent, self.high_only, self.hide_without_data):
            filters.addWidget(box)
            box.toggled.connect(self.apply_filters)
        self.search.textChanged.connect(self.apply_filters)

        self.sections = [FareSection(band, title, self) for band, title in BANDS]
        self.empty = QLabel("No indicator matches these filters.", self)
        content = QWidget(self)
        self.content = content
        column = QVBoxLayout(content)
        for section in self.sections:
            column.addWidget(section)
            section.opened.connect(self.session.indicator_requested.emit)
        column.addWidget(self.empty)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.subheading)
        layout.addWidget(self.counts)
        layout.addLayout(filters)
        from vfk_desktop.ui.chart_tabs import overview_tabs

        self.views = overview_tabs(self, scroll)  # the table and the spine chart of its rows
        layout.addWidget(self.views, 1)

    def refresh(self) -> None:
        session = self.session
        rows = fare_table(session.store, session.locality, session.period)
        self.rows = rows
        self.heading.setText(f"How does {session.locality} fare in Kent?")
        self.subheading.setText(f"{present.period_words(session.period)}. Rank 1 = best of the "
                                "districts with a value; no rank where too few districts reported.")
        counts = status_counts(rows)
        self.counts.setText("   ·   ".join(
            present.band_counts(title, counts[band]) for band, title in BANDS if band in counts))
        ranked = band_counts(session.store, session.locality, session.period)
        self.band_sizes = {section.band: ranked.get(section.band) if section.band else
                           indicator_count(r for r in rows if r.priority is None)
                           for section in self.sections}
        series = recent_series(session.store, session.locality)  # once per build, never per paint
        for section in self.sections:
            section.sparklines.series = series
        newer = any(row.own_newer for row in rows)  # the column is shown only when it says something
        for section in self.sections:
            section.view.setColumnHidden(column_of("Newer"), not newer)
        self.apply_filters()
        if hasattr(self, "views"):
            self.views.refresh()  # the spine chart, when its tab is the one shown

    def apply_filters(self) -> None:
        for section in self.sections:
            section.model.set_rows(fare_filter(
                self.rows, section.band,
                worse_than_target=self.worse_than_target.isChecked(),
                below_kent=self.below_kent.isChecked(),
                hide_without_data=self.hide_without_data.isChecked(),
                search=self.search.text(),
            ))
            wanted = not self.high_only.isChecked() or section.band is Priority.HIGH
            if section.isVisibleTo(self) != wanted:
                section.setVisible(wanted)
            shown = indicator_count(section.model.row_at(r) for r in range(section.model.rowCount()))
            size = self.band_sizes.get(section.band, 0)
            if size == 0:
                words = "none"
            elif shown == size:
                words = str(size)
            else:
                words = f"{shown} of {size} shown"
            section.heading.setText(f"{section.title} ({words})")
            section.fit_height()
        self.empty.setVisible(not any(s.shown_rows() for s in self.sections))

    def visible_codes(self) -> list[str]:
        """The codes shown, section by section (for tests and the screenshot check)."""
        return [section.model.row_at(r).code for section in self.sections
                for r in range(section.shown_rows())]
