"""The Vision for Kent beside the district: the three Ambitions and their questions, the delivery
plans that serve them, the PSB Reds set against the district's priorities, and who leads on what."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop import present
from vfk_desktop.facts.reds import psb_reds
from vfk_desktop.facts.rollups import ambition_rollups
from vfk_desktop.store.vision import ambitions, delivery_plans, working_groups
from vfk_desktop.ui.delegates import RagChipDelegate
from vfk_desktop.ui.pages.heading import page_heading
from vfk_desktop.ui.rollup_views import ambitions_html
from vfk_desktop.ui.table_model import Column, RecordTableModel, sorting_proxy


class PlanModel(RecordTableModel):
    columns = (
        Column("Delivery plan", lambda p: p.title, "The plan, as the Vision's Annex 3 names it"),
        Column("Organisation", lambda p: p.organisation or "", "Who owns it"),
        Column("Sector", lambda p: p.sector, "Spanning sectors, local government, other partners "
                                             "or a district's Sustainable Community Strategy"),
        Column("Primary", lambda p: f"Ambition {p.primary}" if p.primary else "all",
               "The Ambition it serves first (Diagram 1)"),
        Column("Serves", lambda p: ", ".join(str(a) for a in p.ambitions), "Every Ambition it serves"),
        Column("Status", lambda p: p.status or "", "Published, in development, or link to follow"),
        Column("Link", lambda p: _site(p.link), "Where to read it (the whole address in the tooltip)",
               cell_tip=lambda p: p.link),
    )


class RedRow:
    def __init__(self, red, row) -> None:
        self.red, self.fare = red, row
        self.rag = row.rag if row else None


class RedModel(RecordTableModel):
    columns = (
        Column("Code", lambda r: r.red.code, "The indicator reported red"),
        Column("Indicator", lambda r: r.red.title, "As the PSB report names it"),
        Column("District priority", lambda r: r.red.priority.value if r.red.priority else "not ranked",
               "How the district ranked it"),
        Column("District status", lambda r: present.status(r.fare) if r.fare else "No data",
               "The district against the Kent target, at its latest period"),
    )


class VisionPage(QWidget):
    title = "Vision"

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan_model, self.red_model = PlanModel(self), RedModel(self)
        self.ambition_tree = QTextBrowser(self)
        self.ambition_tree.setAccessibleName("Ambitions and key performance questions")
        self.ambition_tree.setOpenLinks(False)
        self.ambition_tree.anchorClicked.connect(
            lambda url: session.indicator_requested.emit(url.toString().removeprefix("indicator:")))
        self.link_button = QPushButton("&Link indicators to a question…", self)
        self.link_button.clicked.connect(self.edit_links)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.ambition_tree, 1)
        column.addWidget(self.link_button)

        tabs = QTabWidget(self)
        tabs.addTab(self._plans_tab(), "&Delivery plans")
        tabs.addTab(self._reds_tab(), "PSB &Reds")
        tabs.addTab(self._groups_tab(), "&Working groups")
        self.tabs = tabs
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(tabs)
        splitter.setSizes([360, 960])
        layout = QVBoxLayout(self)
        heading = page_heading(self, "Vision for Kent 2011-2021")
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        session.locality_changed.connect(lambda _: self.refresh())
        session.data_changed.connect(self.refresh)
        session.period_changed.connect(lambda _: self.refresh())
        self.refresh()

    def _plans_tab(self) -> QWidget:
        tab = QWidget(self)
        self.ambition_filter = QComboBox(tab)
        self.ambition_filter.setAccessibleName("Filter by Ambition")
        self.ambition_filter.addItem("Every Ambition", None)
        for ambition in ambitions(self.session.store):
            self.ambition_filter.addItem(f"Ambition {ambition.number}: {ambition.title}", ambition.number)
        self.primary_only = QCheckBox("&Primary Ambition only", tab)
        self.primary_only.setToolTip("Only plans whose first Ambition is the one chosen")
        self.ambition_filter.currentIndexChanged.connect(lambda _: self._fill_plans())
        self.primary_only.toggled.connect(lambda _: self._fill_plans())
        self.plan_view = _view(tab, "Delivery plans", sorting_proxy(self.plan_model, tab))
        self.plan_view.setSortingEnabled(True)
        self.plan_view.horizontalHeader().setSortIndicatorClearable(True)
        self.plan_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.plan_view.setWordWrap(True)  # a plan's name on two lines rather than cut at 1366 px
        header = self.plan_view.horizontalHeader()
        header.sectionResized.connect(lambda *_: self.plan_view.resizeRowsToContents())
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.plan_view.fontMetrics()
        padding = 2 * self.plan_view.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 8
        for column, sample in enumerate(("", "Kent County Council", "spanning sectors",
                                         "Ambition 3", "1, 2, 3", "in development", "www.kent.gov.uk/")):
            if sample:
                self.plan_view.setColumnWidth(column, metrics.horizontalAdvance(sample) + padding)
        self.plan_count = QLabel(tab)
        row = QHBoxLayout()
        row.addWidget(self.ambition_filter)
        row.addWidget(self.primary_only)
        row.addStretch(1)
        row.addWidget(self.plan_count)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.plan_view, 1)
        return tab

    def _reds_tab(self) -> QWidget:
        tab = QWidget(self)
        self.reds_heading = QLabel(tab)
        self.reds_heading.setStyleSheet("font-weight: 600;")
        self.reds_sentence = QLabel(tab)
        self.reds_sentence.setWordWrap(True)
        self.reds_sentence.setObjectName("reds_sentence")
        self.red_view = _view(tab, "PSB Reds", self.red_model)
        self.red_view.setItemDelegateForColumn(3, RagChipDelegate(self.red_view))
        self.red_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.reds_heading)
        layout.addWidget(self.reds_sentence)
        layout.addWidget(self.red_view, 1)
        return tab

    def _groups_tab(self) -> QWidget:
        tab = QWidget(self)
        matrix = working_groups(self.session.store)
        codes = [code for code, _ in matrix.groups]
        table = QTableWidget(len(codes) + 1, len(codes), tab)
        table.setAccessibleName("Working groups: who leads and who supports")
        table.setHorizontalHeaderLabels([f"{code} leads on…" for code in codes])
        table.setVerticalHeaderLabels(["Leads"] + [f"…with support from {code}" for code in codes])
        for column, lead in enumerate(codes):
            table.setItem(0, column, _cell("\n".join(matrix.leads.get(lead, [])), bold=True))
            for row, supporter in enumerate(codes, 1):
                outcomes = matrix.support.get((supporter, lead), [])
                table.setItem(row, column, _cell("\n".join(outcomes) if supporter != lead else "—"))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        names = QLabel("   ·   ".join(f"{code}: {name}" for code, name in matrix.groups), tab)
        names.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(names)
        layout.addWidget(table, 1)
        self.group_table = table
        return tab

    def _fill_plans(self) -> None:
        plans = delivery_plans(self.session.store, self.ambition_filter.currentData(),
                               self.primary_only.isChecked())
        self.plan_model.set_rows(plans)
        self.plan_view.resizeRowsToContents()
        self.plan_count.setText(f"{len(plans)} plans")

    def edit_links(self) -> None:
        _edit_links(self)

    def refresh(self) -> None:
        self._fill_plans()
        locality = self.session.locality
        scroll = self.ambition_tree.verticalScrollBar().value()
        self.ambition_tree.setHtml(ambitions_html(ambition_rollups(self.session.store, locality,
                                                                   self.session.period)))
        self.ambition_tree.verticalScrollBar().setValue(scroll)
        self.link_button.setEnabled(not self.session.readonly)
        found = psb_reds(self.session.store, locality, self.session.period)
        self.red_model.set_rows([RedRow(red, red.row) for red in found.reds])
        self.reds_heading.setText(f"Kent Public Service Board report of {found.date}: {len(found.reds)} Reds")
        self.reds_sentence.setText(found.sentence)


def _site(link: str | None) -> str:
    """The site a plan is published on ("www.kent.gov.uk"): an address in full would fill the row."""
    if not link:
        return ""
    from urllib.parse import urlsplit

    return urlsplit(link if "//" in link else "//" + link).netloc or link  # most have no https://


def _view(parent: QWidget, name: str, model) -> QTableView:
    view = QTableView(parent)
    view.setAccessibleName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def _cell(text: str, bold: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setTextAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    if bold:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item



def _edit_links(page: VisionPage) -> None:
    from vfk_desktop.ui.errors import shown
    from vfk_desktop.ui.rollup_views import KpqLinksDialog
    from vfk_desktop.ui.undo import push
    from vfk_desktop.ui.undo_accounts import SetKpqIndicators

    dialog = KpqLinksDialog(page.session.store, page)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        with shown(page, "Key performance question"):
            push(page.session, SetKpqIndicators(page.session, *dialog.chosen()))
