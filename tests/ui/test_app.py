"""Starting the app, its crash hook, read-only databases and `vfk-desktop --screenshots`."""

import os
import subprocess
import sys
import time

from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import dispose
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.logs import log_path
from vfk_desktop.store.connection import open_store
from vfk_desktop.ui.crash import handle_exception
from vfk_desktop.ui.main_window import PAGE_NAMES, MainWindow


def test_the_exception_hook_shows_what_happened_and_logs_it(window, qtbot):
    try:
        raise RuntimeError("a page failed to draw")
    except RuntimeError as error:
        handle_exception(type(error), error, error.__traceback__)
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.objectName() == "crash_dialog" and w.isVisible())
    assert "a page failed to draw" in box.text() and "Your data is safe" in box.text()
    assert "RuntimeError: a page failed to draw" in box.detailedText()
    copy = next(b for b in box.buttons() if b.text() == "Copy details")
    copy.click()
    assert "a page failed to draw" in QApplication.clipboard().text()
    assert "a page failed to draw" in log_path().read_text(encoding="utf-8")
    box.close()
    assert window.isVisible()  # the window carries on


def test_a_refusal_reaching_the_hook_is_a_plain_warning(window):
    from tests.ui.conftest import answer_modal

    seen = answer_modal(lambda box: box.accept())
    handle_exception(VfkError, VfkError("The database is busy."), None)
    assert seen == ["The database is busy."]


def test_a_read_only_database_says_so_and_refuses_changes(qtbot, sample_db):
    main = MainWindow(open_store(sample_db, readonly=True))
    try:
        main.show()
        assert main.readonly_banner.isVisible() and "read-only" in main.readonly_banner.text()
        assert not main.import_action.isEnabled()
        page = main.show_page("Priorities")
        assert not page.copy_round.isEnabled()
        data = main.show_page("Data")
        assert not data.add_button.isEnabled()
        assert "(read-only)" in main.database_label.text()
    finally:
        dispose(main)


def test_screenshots_of_every_page(tmp_path, sample_db):
    shots = tmp_path / "shots"
    env = {**os.environ}  # the laptop's screen (tests/conftest.py): every picture fits 1366 x 728
    done = subprocess.run([sys.executable, "-m", "vfk_desktop", "--db", str(sample_db),
                           "--screenshots", str(shots)], env=env, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr
    files = sorted(shots.glob("*.png"))
    from vfk_desktop.ui.dialog_shots import DIALOGS

    pages = [n.lower().replace(" ", "-") for n in PAGE_NAMES]
    assert [f.stem.split("-", 1)[1] for f in files] == pages + list(DIALOGS)
    from PySide6.QtGui import QImage

    for file in files:
        image = QImage(str(file))
        if file.stem.split("-", 1)[1] in pages:
            assert (image.width(), image.height()) == (1366, 728)
        assert image.width() <= 1366 and image.height() <= 728
        step = max(4, min(image.width(), image.height()) // 20)  # a small dialog is sampled finer
        colours = {image.pixel(x, y) for x in range(0, image.width(), step)
                   for y in range(0, image.height(), step)}
        assert len(colours) > 5, f"{file.name} looks blank"


def test_painted_flag_says_when_the_overview_is_painted_with_data_and_exits(sample_db):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    before = time.time()
    done = subprocess.run([sys.executable, "-m", "vfk_desktop", "--db", str(sample_db), "--painted"],
                          env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    said = done.stdout.split("painted at ")[1].split()
    assert before < float(said[0]) < time.time()
    assert said[1] == "(36" and said[2] == "indicators)"  # the sample's Overview, filled


def test_first_run_creates_the_sample_database_in_the_users_data_folder(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data")}
    env.pop("VFK_DB", None)
    done = subprocess.run([sys.executable, "-m", "vfk_desktop", "--screenshots", str(tmp_path / "s")],
                          env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    created = tmp_path / "data" / "vfk_desktop" / "vfk.db"
    assert created.exists()
    from vfk_desktop.store.sample_flag import has_sample

    with open_store(created) as store:
        assert has_sample(store)


def test_the_window_renders_at_200_percent_scaling(tmp_path, sample_db):
    shots = tmp_path / "shots"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    done = subprocess.run([sys.executable, "-m", "vfk_desktop", "--db", str(sample_db),
                           "--screenshots", str(shots)], env=env, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(shots / "01-overview.png"))
    assert (image.width(), image.height()) == (2732, 1456)  # 1366 x 728 at twice the scale


def test_smoke_flag_loads_every_page_on_a_fresh_database_and_leaves_no_trace(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_STATE_HOME": str(tmp_path / "state")}
    env.pop("QT_QPA_PLATFORM", None)  # --smoke goes offscreen by itself
    done = subprocess.run([sys.executable, "-m", "vfk_desktop", "--smoke"], env=env, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    assert f"smoke test passed ({len(PAGE_NAMES)} pages, 4 kinds of chart)" in done.stdout
    assert "propagateSizeHints" not in done.stderr
    assert not (tmp_path / "data").exists() and not (tmp_path / "cfg").exists()
    assert not (tmp_path / "state").exists()  # not even a line in the log
