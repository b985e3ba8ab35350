"""The app's icon at every size, on the application and its windows, in the .ico and the .desktop file;
the About box that shows it."""

import configparser

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader
from PySide6.QtWidgets import QApplication

from vfk_desktop import __version__
from vfk_desktop.paths import resources_dir
from vfk_desktop.ui.about import AboutDialog
from vfk_desktop.ui.icon import ICON_SIZES, app_icon, icon_file

BLUE = "#0b4f8a"  # the icon's background, as the SVG gives it


@pytest.mark.parametrize("size", ICON_SIZES)
def test_each_png_is_its_size_and_drawn(size):
    image = QImage(str(icon_file(size)))
    assert (image.width(), image.height()) == (size, size)
    assert image.pixelColor(size // 2, size // 8).name() == BLUE
    assert image.pixelColor(0, 0).alpha() == 0  # rounded corners are transparent


def test_the_icon_offers_every_size_and_never_scales_up():
    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == list(ICON_SIZES)
    assert icon.actualSize(QSize(48, 48)) == QSize(48, 48)
    assert not icon.pixmap(512, 512).isNull()


def test_the_application_and_its_window_carry_the_icon(window):
    assert not QApplication.windowIcon().isNull()
    assert sorted(s.width() for s in window.windowIcon().availableSizes()) == list(ICON_SIZES)
    assert QApplication.desktopFileName() == "vfk-desktop"


def test_the_ico_holds_every_windows_size():
    reader = QImageReader(str(resources_dir() / "icons" / "vfk-desktop.ico"))
    sizes = []
    for number in range(reader.imageCount()):
        reader.jumpToImage(number)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        assert image.pixelColor(image.width() // 2, image.height() // 8).name() == BLUE
        sizes.append(image.width())
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_the_desktop_file_launches_the_window_with_the_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(resources_dir() / "vfk-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"] == "vfk-desktop"
    assert desktop["Icon"] == "vfk-desktop" and desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";")


def test_about_shows_the_icon_version_and_every_library(window, qtbot):
    dialog = AboutDialog(window.session.store.path, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.heading.text() == f"vfk_desktop {__version__} (run from Python)"
    text = dialog.text.text()
    assert str(window.session.store.path) in text
    assert "not installed" not in text and "pandas" not in text  # the app does not use pandas
    assert "pyqtgraph" in text and "python-calamine" in text
    picture = next(label.pixmap() for label in dialog.findChildren(type(dialog.text))
                   if not label.pixmap().isNull())
    assert picture.width() == 96 * picture.devicePixelRatio()


def test_help_about_opens_the_box(window):
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog, "about_dialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "About vfk_desktop"
    dialog.close()


def _make_icons():
    import importlib.util

    from tests.conftest import REPO

    spec = importlib.util.spec_from_file_location("make_icons", REPO / "scripts" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("size", [16, 48, 256])
def test_the_committed_pngs_are_drawn_from_the_svg(size):
    """After editing the SVG, run scripts/make_icons.py: the PNGs must show what the SVG draws."""
    drawn = _make_icons().render(size)
    saved = QImage(str(icon_file(size))).convertToFormat(drawn.format())
    step = max(1, size // 32)
    differences = [abs(a - b) for y in range(0, size, step) for x in range(0, size, step)
                   for a, b in zip(drawn.pixelColor(x, y).getRgb(), saved.pixelColor(x, y).getRgb(),
                                   strict=True)]
    assert max(differences) <= 2
