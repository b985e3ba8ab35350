"""Starting the desktop app: Qt application names, the crash hook, the database, the main window.

    vfk-desktop [--db PATH] [--locality NAME]

On first run (no database yet) the database is created in the user's data folder with the sample
data, whose other districts are illustrative (the window says so).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from vfk_desktop import __version__
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.paths import APP_AUTHOR, APP_NAME, resolve_db_path


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="vfk-desktop", description="The vfk_desktop window.")
    parser.add_argument("--db", metavar="PATH", help="the database to open")
    parser.add_argument("--locality", metavar="NAME", help="the district to show first")
    parser.add_argument("--version", action="version", version=f"vfk_desktop {__version__}")
    return parser.parse_known_args(argv)[0]


def open_or_create(path: Path):
    """Open the database; on first run create it with the reference and sample data."""
    from vfk_desktop.store.connection import open_store

    if path.exists():
        return open_store(path)
    from vfk_desktop.store.reference import load_reference
    from vfk_desktop.store.sample import load_sample

    store = open_store(path, create=True)
    load_reference(store)
    load_sample(store)
    return store


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("vfk_desktop")
    app.setApplicationVersion(__version__)
    from vfk_desktop.ui.crash import install_crash_hook

    install_crash_hook()
    try:
        store = open_or_create(resolve_db_path(args.db))
    except VfkError as error:
        QMessageBox.critical(None, "vfk_desktop", str(error))
        return 1
    from vfk_desktop.ui.main_window import MainWindow

    window = MainWindow(store, args.locality)
    window.show()
    code = app.exec()
    store.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
