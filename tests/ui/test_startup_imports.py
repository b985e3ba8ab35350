"""Start-up loads what the painted Overview needs and nothing more: the undo commands, the import
machinery, the Priorities page's editors, the charts and the spreadsheet libraries wait until used."""

import ast
import os
import subprocess
import sys

from tests.conftest import REPO

SHOW_THE_WINDOW = """
import sys
from vfk_desktop.app import make_application
from vfk_desktop.store.connection import open_store
app = make_application()
from vfk_desktop.ui.main_window import MainWindow
window = MainWindow(open_store(sys.argv[1]), "Tunbridge Wells")
window.show()
app.processEvents()
window.grab()
print("\\n".join(sorted(sys.modules)))
"""

NOT_AT_START = ("vfk_desktop.ui.undo", "vfk_desktop.store.edits", "vfk_desktop.domain.import_plan",
                "vfk_desktop.ui.band_delegates", "vfk_desktop.ui.printing", "vfk_desktop.ui.exporting",
                "vfk_desktop.io", "vfk_desktop.reports", "vfk_desktop.charts", "pyqtgraph", "openpyxl",
                "python_calamine", "xlsxwriter",
                # the thread pool and the log (the county flow's), the Board paper, the charts' data
                "vfk_desktop.ui.workers", "vfk_desktop.logs", "vfk_desktop.ui.papers",
                "vfk_desktop.domain.charts", "vfk_desktop.domain.funnel", "vfk_desktop.domain.spine",
                "vfk_desktop.domain.tile_map",
                # the county store's schema (it lists the migrations' files)
                "vfk_desktop.county.schema")


def test_start_up_leaves_what_the_overview_does_not_need(sample_db):
    done = subprocess.run([sys.executable, "-c", SHOW_THE_WINDOW, str(sample_db)], cwd=REPO,
                          env={**os.environ}, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.split())
    assert "vfk_desktop.ui.pages.overview" in loaded  # the window was really shown
    assert sorted(name for name in NOT_AT_START if name in loaded) == []


def test_every_record_has_its_own_docstring():
    """A dataclass without a docstring has one made at import from inspect.signature (0.3-2 ms a
    class; the window's start imports some 25 of them)."""
    undocumented = []
    for path in sorted((REPO / "vfk_desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.ClassDef) and not ast.get_docstring(node)
                    and any("dataclass" in ast.unparse(decorator) for decorator in node.decorator_list)):
                undocumented.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name}")
    assert undocumented == []
