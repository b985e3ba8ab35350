"""What `vfk` writes when its output is not a UTF-8 terminal: a legacy code page, a closed pipe."""

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO, run_cli


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("output") / "k.db"
    done = run_cli("init", "--sample", db=path)
    assert done.returncode == 0, done.stderr
    return path


def test_a_legacy_code_page_still_gets_every_symbol_in_utf8(cli_db):
    # A Windows console piped to a file would encode as cp1252, which has no "■"
    done = subprocess.run([sys.executable, "-m", "vfk_desktop.cli", "--db", str(cli_db), "fare",
                           "--locality", "Tunbridge Wells"], capture_output=True, cwd=REPO, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "cp1252"})
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("utf-8")
    assert "■ Red (worse)" in text and "1,212" in text


@pytest.mark.parametrize("args", [["fare", "--locality", "TWBC", "--json"],
                                  ["rankings", "--locality", "TWBC"], ["imports"]])
def test_a_reader_that_goes_away_ends_the_command_quietly(cli_db, args):
    """`vfk fare | head`: the pipe closes before vfk has written; no traceback, no complaint."""
    command = [sys.executable, "-m", "vfk_desktop.cli", "--db", str(cli_db), *args]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    process.stdout.close()  # the reader is gone before the first byte
    stderr = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    assert process.wait(timeout=120) == 0
    assert stderr == ""


def test_head_reads_the_first_lines_and_the_pipeline_succeeds(cli_db):
    shell = (f'"{sys.executable}" -m vfk_desktop.cli --db "{cli_db}" fare --locality TWBC --json '
             '| head -n 3; exit "${PIPESTATUS[0]}"')
    done = subprocess.run(["bash", "-c", shell], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout.splitlines()[:2] == ["[", "  {"]
