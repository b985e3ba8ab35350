"""One start of the window, as vfk-desktop starts it, quitting once the overview is painted with data.

    QT_QPA_PLATFORM=offscreen python bench/ui_startup.py DB

Prints "painted at <wall-clock time>" the moment the overview has been painted, so ui_bench.py can
time from the process's launch to that moment (what the officer waits for), leaving out the exit;
and the CPU time spent by then, steadier than the wall clock on a busy machine. The
window says when (ui/first_paint.py): exposed with no repaint pending, painted once, as on screen.
"""

import sys
import time

from vfk_desktop.window_start import collection_paused


def main() -> None:
    with collection_paused():  # as the window starts (vfk_desktop/window_start.py)
        start()


def start() -> None:
    from vfk_desktop.app import fill_first_run, make_application
    from vfk_desktop.paths import resolve_db_path

    app = make_application()
    from vfk_desktop.ui.first_paint import show_until_painted
    from vfk_desktop.ui.main_window import MainWindow
    from vfk_desktop.ui.opening import open_database

    # As the app opens it: the file's lock, the quick check, the day's first backup.
    opened = open_database(resolve_db_path(sys.argv[1]), None, create=True, fill=fill_first_run)
    window = MainWindow(opened.store, "Tunbridge Wells", opened.lock)
    overview = window.pages["Overview"]
    assert overview.rows
    show_until_painted(app, window)  # on screen, and nothing left to repaint
    print(f"painted at {time.time():.6f} ({len(overview.rows)} indicators; "
          f"{time.process_time():.6f} s of CPU)", flush=True)
    window.close()


if __name__ == "__main__":
    main()
