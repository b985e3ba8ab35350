"""`vfk chart` loads Qt in a forked child while it works out the figures: the chart is the one drawn
in a single process, a refusal while drawing is still one sentence, and no child outlives it."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import run_cli, run_python

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the drawer forks on Linux only")


def test_a_chart_drawn_by_the_child_is_the_one_drawn_in_one_process(sample_db, tmp_path):
    forked, here = tmp_path / "forked.png", tmp_path / "here.png"
    done = run_cli("chart", "--locality", "TWBC", "--kind", "spine", "--out", str(forked), db=sample_db)
    assert done.returncode == 0 and done.stdout.count("spine chart written") == 1, done.stderr
    # the same figures drawn where Qt is loaded already, so that no child is forked
    drawn = run_python(
        "import sys; from pathlib import Path\n"
        "import PySide6.QtCore\n"
        "from vfk_desktop.charts.drawer import chart_drawer, draw_here\n"
        "from vfk_desktop.facts.charts import kind_data\n"
        "from vfk_desktop.store.connection import open_store\n"
        "assert chart_drawer() is None\n"
        "with open_store(Path(sys.argv[1])) as store:\n"
        "    data = kind_data(store, 'spine', 'Tunbridge Wells', None, None, alone=True)\n"
        "draw_here(data, Path(sys.argv[2]))\n",
        str(sample_db), str(here))
    assert drawn.returncode == 0, drawn.stderr
    assert forked.read_bytes() == here.read_bytes()


def test_a_refusal_while_drawing_is_one_sentence_and_no_child_is_left(sample_db, tmp_path):
    missing = tmp_path / "no such folder" / "c.png"
    done = run_python(
        "import os, sys\n"
        "from vfk_desktop.cli import main\n"
        "code = main(['--db', sys.argv[1], 'chart', '--locality', 'TWBC', '--kind', 'range',\n"
        "             '--out', sys.argv[2]])\n"
        "try:\n"
        "    os.waitpid(-1, os.WNOHANG)\n"
        "    print('a child is left')\n"
        "except ChildProcessError:\n"
        "    print('no child left', code)\n",
        str(sample_db), str(missing))
    assert done.stdout.strip() == "no child left 1"
    assert done.stderr == f"vfk: The folder {missing.parent} does not exist.\n"


def test_figures_that_cannot_be_worked_out_stop_the_child_too(sample_db):
    done = run_python(
        "import os, sys\n"
        "from vfk_desktop.cli import main\n"
        "code = main(['--db', sys.argv[1], 'chart', '--locality', 'Atlantis', '--kind', 'range',\n"
        "             '--out', 'c.png'])\n"
        "try:\n"
        "    os.waitpid(-1, os.WNOHANG)\n"
        "    print('a child is left')\n"
        "except ChildProcessError:\n"
        "    print('no child left', code)\n",
        str(sample_db))
    assert done.stdout.strip() == "no child left 1"
    assert "Atlantis" in done.stderr and done.stderr.count("\n") == 1
