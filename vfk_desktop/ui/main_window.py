"""The main window: a locality picker and "How does <locality> fare in Kent?"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QSortFilterProxyModel
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop import __version__
from vfk_desktop.domain.localities import normalise_name
from vfk_desktop.store.connection import Store
from vfk_desktop.store.queries import districts, fare_table
from vfk_desktop.store.sample import ILLUSTRATIVE, has_sample
from vfk_desktop.ui.fare_model import SORT_ROLE, FareTableModel

DEFAULT_LOCALITY = "Tunbridge Wells"


class MainWindow(QMainWindow):
    def __init__(self, store: Store, locality: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.fare_model = FareTableModel(self)
        self.fare_proxy = QSortFilterProxyModel(self)
        self.fare_proxy.setSourceModel(self.fare_model)
        self.fare_proxy.setSortRole(SORT_ROLE)
        self._build_actions()
        self._build_toolbar()
        self._build_central()
        self._read_settings()
        self.set_locality(self._initial_locality(locality))
        self._show_title()

    # --- building -------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction("&About vfk_desktop", self)
        self.about_action.triggered.connect(self._about)
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar("Locality", self)
        toolbar.setObjectName("locality_toolbar")
        toolbar.setMovable(False)
        label = QLabel("&Locality: ", toolbar)
        self.locality_picker = QComboBox(toolbar)
        self.locality_picker.setAccessibleName("Locality")
        self.locality_picker.addItems(districts(self.store))
        label.setBuddy(self.locality_picker)
        self.locality_picker.currentTextChanged.connect(self.set_locality)
        toolbar.addWidget(label)
        toolbar.addWidget(self.locality_picker)
        self.addToolBar(toolbar)

    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        self.heading = QLabel(central)
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: 600;")
        self.sample_banner = QLabel(ILLUSTRATIVE, central)
        self.sample_banner.setWordWrap(True)
        self.sample_banner.setStyleSheet(
            "background: #FFF4D6; border: 1px solid #E69F00; padding: 6px; color: #3D2B00;")
        self.sample_banner.setVisible(has_sample(self.store))
        self.fare_view = QTableView(central)
        self.fare_view.setAccessibleName("Fare table")
        self.fare_view.setModel(self.fare_proxy)
        self.fare_view.setSortingEnabled(False)
        self.fare_view.setAlternatingRowColors(True)
        self.fare_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.fare_view.verticalHeader().setVisible(False)
        header = self.fare_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.heading)
        layout.addWidget(self.sample_banner)
        layout.addWidget(self.fare_view)
        self.setCentralWidget(central)
        self.statusBar().showMessage(f"Database: {self.store.path}")

    # --- behaviour ------------------------------------------------------------------------
    def _initial_locality(self, asked: str | None) -> str:
        names = districts(self.store)
        wanted = asked or QSettings().value("locality/last", DEFAULT_LOCALITY, type=str)
        by_key = {normalise_name(n): n for n in names}
        return by_key.get(normalise_name(wanted), names[0] if names else DEFAULT_LOCALITY)

    def set_locality(self, name: str) -> None:
        if not name:
            return
        self.locality = name
        if self.locality_picker.currentText() != name:
            self.locality_picker.setCurrentText(name)
        self.fare_model.set_rows(fare_table(self.store, name))
        self.heading.setText(f"How does {name} fare in Kent?")
        QSettings().setValue("locality/last", name)

    def _show_title(self) -> None:
        self.setWindowTitle(f"{Path(self.store.path).name} – vfk_desktop")

    def _about(self) -> None:
        QMessageBox.about(self, "About vfk_desktop",
                          f"vfk_desktop {__version__}\nDatabase: {self.store.path}")

    def _read_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)

