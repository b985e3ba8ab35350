"""`vfk` ends without freeing what its command made, and loses nothing by it: every line written, the
exit code, the log; a process that goes on after a command (the window, the tests) keeps nothing."""

from __future__ import annotations

import gc
import json
import weakref

from tests.conftest import run_cli, run_python
from vfk_desktop.quick_exit import leave_to_the_end

ENDS_QUICKLY = """
import gc, sys, weakref
from vfk_desktop import quick_exit

class Plan:
    pass

quick_exit.ends_with_command()
plan = Plan()
kept = weakref.ref(plan)
quick_exit.leave_to_the_end(plan)
del plan
sys.stdout.write("kept" if kept() is not None else "freed")
sys.stdout.write(" frozen" if gc.get_freeze_count() else " walked")  # out of the collector's way
sys.stdout.write(" " + "x" * 200_000)  # more than a pipe's buffer, written without a newline
print("to the log", file=sys.stderr, end="")
quick_exit.end(3)
print("never written")
"""


def test_a_process_that_ends_with_its_command_keeps_what_it_made_and_writes_everything():
    done = run_python(ENDS_QUICKLY)
    assert done.returncode == 3
    assert done.stdout == "kept frozen " + "x" * 200_000
    assert done.stderr == "to the log"


def test_a_process_that_goes_on_keeps_nothing():
    class Plan:
        pass

    plan = Plan()
    freed = weakref.ref(plan)
    frozen = gc.get_freeze_count()
    leave_to_the_end(plan)
    assert gc.get_freeze_count() == frozen  # nothing is moved out of the collector's way
    del plan
    gc.collect()
    assert freed() is None


def test_vfk_import_reports_logs_and_writes_all_it_did_before_it_ends(sample_db, tmp_path):
    env = {"XDG_STATE_HOME": str(tmp_path / "state"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    book = tmp_path / "dover.csv"
    book.write_text("District,NI,Period,Value\n" + "".join(
        f"Dover,NI {n},2010/11,{n}.5\n" for n in range(1, 120)), encoding="utf-8")
    done = run_cli("import", str(book), "--add-indicators", "--json", db=sample_db, env=env)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["inserted"] == 119
    listed = json.loads(run_cli("imports", "--json", db=sample_db).stdout)
    assert listed[-1]["import_id"] == report["import_id"] and listed[-1]["inserted"] == 119
    log = next((tmp_path / "state").rglob("vfk.log")).read_text(encoding="utf-8")
    assert f"import {report['import_id']} into {sample_db}" in log
    refused = run_cli("fare", "--locality", "Atlantis", db=sample_db, env=env)
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
