"""Every page and dialog on a 1366 × 768 laptop (1366 × 728 free): inside the screen, nothing over
anything else, every label and button wide and tall enough for its words."""

import pytest
from PySide6.QtWidgets import QApplication

from tests.io.spreadsheets import write
from tests.support.layout import LAPTOP, problems
from vfk_desktop.store.backups import list_backups
from vfk_desktop.store.imports import apply_plan, import_context
from vfk_desktop.store.local_priorities import local_priorities
from vfk_desktop.ui.main_window import PAGE_NAMES

PARTNER = {"Data": [["District", "NI", "Year", "Value"], ["Dover", "NI 39", "2009/10", 1400],
                    ["Tunbrige Wells", "NI 39", "2009/10", 1],
                    ["Tunbridge Wells", "NI 39", "2008/09", "1,250"]]}
ODD = {"Data": [["Place", "Measure", "When", "Amount"], ["Dover", "NI 39", "2009/10", 1400]]}


def settle(qtbot, widget):
    widget.show()
    qtbot.waitExposed(widget)
    for _ in range(3):
        QApplication.processEvents()


def test_the_screen_is_a_laptops(qapp):
    assert qapp.primaryScreen().availableGeometry() == LAPTOP


def test_the_window_opens_inside_the_screen(window):
    assert LAPTOP.contains(window.frameGeometry())


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_every_page_reads_whole(window, qtbot, name):
    page = window.show_page(name)
    if name == "Indicator":
        page.show_indicator("NI 39")
    settle(qtbot, window)
    assert problems(window) == []


def _import_report(window, tmp_path):
    from vfk_desktop.io.readers.importer import plan_import
    from vfk_desktop.ui.import_report import ImportReportDialog, report_rows

    store = window.session.store
    plan = plan_import([write(tmp_path / "partner.xlsx", PARTNER)], import_context(store))
    result = apply_plan(store, plan, dry_run=True, detailed=True)
    partial = apply_plan(store, plan, dry_run=True, skip_refused=True)
    return ImportReportDialog(plan, result, report_rows(plan, result), window, partial=partial)


def _choose_columns(window, tmp_path):
    from vfk_desktop.io.readers.importer import plan_import
    from vfk_desktop.ui.mapping_dialog import MappingDialog

    plan = plan_import([write(tmp_path / "odd.xlsx", ODD)], import_context(window.session.store))
    return MappingDialog(plan.unread[0], window)


def _print_options(window, _tmp_path):
    from vfk_desktop.ui.printing import ReportOptionsDialog

    return ReportOptionsDialog(window, "Overview", window.session.locality, with_paper=False)


def _pdf_options(window, _tmp_path):
    from vfk_desktop.ui.printing import ReportOptionsDialog

    return ReportOptionsDialog(window, "Data", window.session.locality, with_paper=True)


def _print_preview(window, _tmp_path):
    from vfk_desktop.ui.printing import ReportChoice

    return window.printing.preview_dialog(ReportChoice(sections=("fare",)))


def _restore(window, _tmp_path):
    from vfk_desktop.store.backups import make_backup
    from vfk_desktop.ui.restore import BackupsDialog

    make_backup(window.session.store, "before an import of partner.xlsx")
    return BackupsDialog(list_backups(window.session.store.path), str(window.session.store.path), window)


def _add_figure(window, _tmp_path):
    from vfk_desktop.ui.pages.data import AddFigureDialog

    return AddFigureDialog(window.session, window, "NI 39", "2009/10")


def _about(window, _tmp_path):
    from vfk_desktop.ui.about import AboutDialog

    return AboutDialog(window.session.store.path, window)


def _comparison(window, _tmp_path):
    from vfk_desktop.ui.comparison_settings import ComparisonSettingsDialog

    return ComparisonSettingsDialog(window.session.store, window)


def _local_priority(window, _tmp_path):
    from vfk_desktop.ui.pages.local_priorities import LocalPriorityDialog

    first = local_priorities(window.session.store, window.session.locality)[0]
    return LocalPriorityDialog(window.session, first, window)


DIALOGS = {"import report": _import_report, "choose columns": _choose_columns,
           "print options": _print_options, "PDF options": _pdf_options, "print preview": _print_preview,
           "restore": _restore, "add figure": _add_figure, "about": _about,
           "comparison settings": _comparison, "local priority": _local_priority}


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_opens_sized_to_the_screen_and_reads_whole(window, qtbot, tmp_path, name):
    dialog = DIALOGS[name](window, tmp_path)
    try:
        settle(qtbot, dialog)
        assert problems(dialog) == []
    finally:
        dialog.close()
        dialog.deleteLater()


def test_the_checker_sees_a_widget_laid_over_another(qtbot):
    from PySide6.QtWidgets import QComboBox, QDialog, QRadioButton, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    button = QRadioButton("The whole Board pack", dialog)
    QVBoxLayout(dialog).addWidget(button)
    stray = QComboBox(dialog)  # in no layout, as the print options' paper size once was
    stray.addItem("Portrait")
    dialog.resize(2000, 300)
    settle(qtbot, dialog)
    stray.move(button.pos())
    found = problems(dialog)
    assert any("overlaps" in problem for problem in found)
    assert any("does not fit the screen" in problem for problem in found)
