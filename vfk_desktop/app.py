"""Starting the desktop app: Qt application names, the crash hook, the database, the main window.

    vfk-desktop [--db PATH] [--locality NAME] [--screenshots DIR] [--smoke]

On first run (no database yet) the database is created in the user's data folder with the sample
data, whose other districts are illustrative (the window says so).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from vfk_desktop import __version__
from vfk_desktop.paths import APP_AUTHOR, APP_NAME, resolve_db_path


def _size(text: str) -> tuple[int, int]:
    """"1366x728" -> (1366, 728)."""
    width, _, height = text.lower().replace("×", "x").partition("x")
    if not (width.strip().isdigit() and height.strip().isdigit()) or min(int(width), int(height)) < 200:
        raise argparse.ArgumentTypeError(f"{text!r} is no window size; write it as 1366x728")
    return int(width), int(height)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="vfk-desktop", description="The vfk_desktop window.")
    parser.add_argument("--db", metavar="PATH", help="the database to open")
    parser.add_argument("--locality", metavar="NAME", help="the district to show first")
    parser.add_argument("--screenshots", metavar="DIR", type=Path,
                        help="open every page in turn, save one PNG each into DIR, and exit")
    parser.add_argument("--size", metavar="WxH", type=_size, default=None,
                        help=(
                            "the window's size for --screenshots "
                            "(default 1366x728: a laptop less its task bar)"))
    parser.add_argument("--smoke", action="store_true",
                        help="open the window offscreen on a fresh sample database in a temporary folder, "
                             "load every page, and exit 0 (checks an installed build)")
    parser.add_argument("--painted", action="store_true",
                        help="open the window, print the moment its first page is painted with data, and "
                             "exit (bench/frozen_bench.py times an installed build's start-up with it)")
    parser.add_argument("--version", action="version", version=f"vfk_desktop {__version__}")
    return parser.parse_known_args(argv)[0]


def fill_first_run(store) -> None:
    """A new database gets the reference data and the sample."""
    from vfk_desktop.sample_loading import load_sample
    from vfk_desktop.store.reference import load_reference

    load_reference(store)
    load_sample(store)


def open_or_create(path: Path):
    """Open the database; on first run create it with the reference and sample data.

    The smoke test's way in: no lock and no dialogs (ui/opening.py is the window's), so a failure
    ends the check with an error instead of waiting on a message box nobody will answer.
    """
    from vfk_desktop.store.connection import open_store

    if path.exists():
        return open_store(path)
    store = open_store(path, create=True)
    fill_first_run(store)
    return store


def make_application():
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_AUTHOR)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("vfk_desktop")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("vfk-desktop")  # Linux: the dock matches the window to vfk-desktop.desktop
    from vfk_desktop.ui.icon import app_icon

    app.setWindowIcon(app_icon())
    return app


def smoke_test(args: argparse.Namespace) -> int:
    """Every page of the window on a fresh sample database, offscreen, in a folder removed afterwards."""
    import os
    import tempfile

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="vfk-smoke-") as folder:
        from PySide6.QtCore import QSettings

        # Settings go to the temporary folder too: a smoke test leaves the officer's alone.
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        from vfk_desktop.logs import write_to

        write_to(Path(folder))  # and the log
        from vfk_desktop.ui.smoke import quiet_offscreen_chatter

        quiet_offscreen_chatter()
        app = make_application()
        store = open_or_create(Path(folder) / "smoke.sqlite")
        from vfk_desktop.ui.main_window import PAGE_NAMES, MainWindow

        app.setProperty("vfk_no_modal_dialogs", True)
        window = MainWindow(store, args.locality)
        window.show()
        for name in PAGE_NAMES:
            window.show_page(name)
            app.processEvents()
        from vfk_desktop.ui.smoke import check_about_and_icon, draw_every_chart

        problems = draw_every_chart(window, Path(folder)) + check_about_and_icon(window)
        window.close()
        window.session.close()
        if problems:
            print(f"vfk-desktop {__version__}: smoke test failed: {'; '.join(problems)}", file=sys.stderr)
            return 1
        print(f"vfk-desktop {__version__}: smoke test passed ({len(PAGE_NAMES)} pages, 4 kinds of chart)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """The window (vfk_desktop/window_start.py calls it with the cycle collector paused)."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.smoke:
        return smoke_test(args)
    app = make_application()
    from vfk_desktop.ui.crash import crash_log_path, install_crash_hook
    from vfk_desktop.ui.opening import ShownElsewhere, open_database

    previous_crash = install_crash_hook()
    try:
        opened = open_database(resolve_db_path(args.db), None, create=True, fill=fill_first_run)
    except ShownElsewhere:
        return 0  # the window that has the file came forward instead
    if opened is None:
        return 1
    from vfk_desktop.ui.main_window import MainWindow
    from vfk_desktop.window_start import resume_once_painted

    window = MainWindow(opened.store, args.locality, opened.lock, opened.note)
    if args.screenshots is not None:
        from vfk_desktop.ui.screenshots import take_screenshots

        app.setProperty("vfk_no_modal_dialogs", True)
        window.show()
        take_screenshots(window, args.screenshots, args.size)
        window.close()
        return 0
    if args.painted:
        return _report_painted(app, window)
    window.show()
    resume_once_painted(window)
    if previous_crash:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(window, "vfk_desktop", "vfk_desktop closed unexpectedly last time. "
                            f"What it recorded is in {crash_log_path().with_suffix('.previous.log')}.")
    code = app.exec()
    window.session.close()
    return code


def _report_painted(app, window) -> int:
    """`--painted`: as bench/ui_startup.py does for the source, so that a build's start is timed alike."""
    import time

    from vfk_desktop.ui.first_paint import show_until_painted

    show_until_painted(app, window)
    page = window.stack.currentWidget()
    print(f"painted at {time.time():.6f} ({len(getattr(page, 'rows', []))} indicators)", flush=True)
    window.close()
    window.session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
