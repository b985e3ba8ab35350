"""Hostile and broken files: valid workbooks of every format, mutated, imported.

Every case must end in a clean import or a refusal in sentences (VfkError, or rows rejected), within
10 seconds and 500 MB, with the database unchanged when refused; never a traceback. A case that ever
fails is kept in tests/io/fuzz_regressions/ and replayed here for good. 1,000 cases run in every test
run (200 per format); the slow run adds 10,000 more. One reader child serves a run's cases, as one
serves an import's files; a new one takes the place of any that is stopped.
"""

from __future__ import annotations

import shutil
import signal
import traceback
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.io.fuzzing import mutate
from tests.io.spreadsheets import FORMATS, Cell, write
from tests.support.files import contents
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.io.readers.isolated import ReaderChild
from vfk_desktop.store.connection import open_store
from vfk_desktop.store.imports import apply_plan, import_context

LIMIT_S = 10
LIMIT_MIB = 500
QUICK_CASES = 200  # per format: 1,000 in all
SLOW_CASES, SLOW_CHUNK = 2_000, 250  # per format, in chunks that each finish well inside a timeout
REGRESSIONS = Path(__file__).parent / "fuzz_regressions"

LONG = [
    ["District", "NI", "Indicator", "Period", "Value", "Kent target", "Priority", "Commentary"],
    ["Tunbridge Wells", "NI 163", "Working age population qualified to Level 2", "2009/10",
     Cell(0.709, "0.0%"), "75.6", "High", "6th of 12 districts"],
    ["Tunbridge Wells BC", "NI 39", "Alcohol-harm related hospital admission rates", "2008/09", "1,212",
     "1,212", "Medium", None],
    ["Thanet", 39, None, "2008-09", 1798, None, None, None],
    ["TONBRIDGE & MALLING", "ni 39", None, "2008/2009", "N/a", None, None, None],
    ["Dover", "NI 154", "Net additional homes provided", "2009/10", 102, None, "Low", "=SUM(A1)"],
    ["Sevenoaks", "NI 163", None, "2009/10", "102%", None, None, "up from 2008/09"],
]
WIDE = [
    ["NI", "Indicator", "Ashford", "Canterbury", "Dartford", "Kent"],
    ["NI 163", "Working age population qualified to Level 2", 68.1, 71.2, 66.0, 70.2],
    ["NI 39", "Alcohol-harm related hospital admission rates", 1301, 1544, 1190, 1402],
]


@pytest.fixture(scope="module")
def originals(tmp_path_factory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("fuzz-originals")
    books = {"Data": LONG, "By district 2009-10": WIDE}
    return {fmt: write(folder / f"partner.{fmt}", {"Data": LONG} if fmt == "csv" else books).read_bytes()
            for fmt in FORMATS}


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    from vfk_desktop.store.reference import load_reference

    path = tmp_path_factory.mktemp("fuzz-template") / "vfk.db"
    with open_store(path, create=True) as store:
        load_reference(store)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


class TooSlow(Exception):
    pass


def _alarm(_signum, _frame):
    raise TooSlow()


def import_once(path: Path, db: Path, readers: ReaderChild | None = None) -> str:
    """Import path into db; what happened, or an AssertionError saying what went wrong."""
    before = contents(db)
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(LIMIT_S)
    try:
        with open_store(db) as store:
            plan = plan_import([path], import_context(store), readers=readers)
            result = apply_plan(store, plan)
        outcome = "imported" if result.ok else "rejected"
        sentences = [problem.sentence() for problem in result.rejected]
    except VfkError as error:
        outcome, sentences = "refused", [str(error)]
    except TooSlow:
        if readers is not None:
            readers.close()  # the child may still be at it
        raise AssertionError(f"took more than {LIMIT_S} s") from None
    except Exception as error:  # noqa: BLE001 - any other exception is the failure being looked for
        raise AssertionError("raised " + "".join(traceback.format_exception_only(error)).strip()) from error
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    if readers is not None:
        assert readers.peak_mib < LIMIT_MIB, f"the reader took {readers.peak_mib} MB"
    for sentence in sentences:
        assert sentence.strip() and "\n" not in sentence.strip(), f"not one sentence: {sentence!r}"
        assert "Traceback" not in sentence
    if outcome != "imported":
        assert contents(db) == before, "the database changed although the import was refused"
    return outcome


def run_cases(fmt: str, data: bytes, seeds: range, template: Path, folder: Path) -> dict[str, int]:
    db = folder / "fuzz.db"
    shutil.copy(template, db)
    failures, tally = [], {}
    with ReaderChild() as readers:
        _run(fmt, data, seeds, template, folder, db, readers, failures, tally)
    assert not failures, "\n".join(failures)
    return tally


def _run(fmt: str, data: bytes, seeds: range, template: Path, folder: Path, db: Path,
         readers: ReaderChild, failures: list[str], tally: dict[str, int]) -> None:
    for seed in seeds:
        mutated, how = mutate(fmt, data, seed)
        path = folder / f"case.{fmt}"
        path.write_bytes(mutated)
        try:
            outcome = import_once(path, db, readers)
        except AssertionError as error:
            kept = folder / f"{fmt}-{seed}.{fmt}"
            shutil.copy(path, kept)
            failures.append(f"seed {seed} ({how}): {error} — the file is {kept}")
            shutil.copy(template, db)
            continue
        tally[outcome] = tally.get(outcome, 0) + 1
        if outcome == "imported":
            shutil.copy(template, db)


@pytest.mark.parametrize("fmt", FORMATS)
def test_mutated_files_are_imported_or_refused_cleanly(originals, template, tmp_path, fmt):
    tally = run_cases(fmt, originals[fmt], range(QUICK_CASES), template, tmp_path)
    assert tally.get("refused", 0) + tally.get("rejected", 0) > 0, tally


@pytest.mark.slow
@pytest.mark.parametrize("chunk", range(SLOW_CASES // SLOW_CHUNK))
@pytest.mark.parametrize("fmt", FORMATS)
def test_many_more_mutated_files(originals, template, tmp_path, fmt, chunk):
    start = 100_000 + chunk * SLOW_CHUNK
    run_cases(fmt, originals[fmt], range(start, start + SLOW_CHUNK), template, tmp_path)


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "csv"])
def test_the_cli_answers_mutated_files_in_one_line(originals, sample_db, tmp_path, fmt):
    before = contents(sample_db)
    for seed in (7, 8):
        path = tmp_path / f"partner-{seed}.{fmt}"
        path.write_bytes(mutate(fmt, originals[fmt], seed)[0])
        done = run_cli("import", str(path), db=sample_db)
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr
        if done.returncode == 1:
            lines = done.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("vfk: "), done.stderr
            assert contents(sample_db) == before
        else:
            before = contents(sample_db)


def regression_files() -> list[Path]:
    return sorted(p for p in REGRESSIONS.glob("*") if p.name != "README.md") if REGRESSIONS.is_dir() else []


@pytest.mark.parametrize("path", regression_files(), ids=lambda p: p.name)
def test_files_that_once_failed_are_answered_cleanly_now(path, template, tmp_path):
    db = tmp_path / "fuzz.db"
    shutil.copy(template, db)
    assert import_once(path, db) in ("imported", "rejected", "refused")


def test_the_cli_answers_files_that_once_failed_in_one_line(sample_db):
    for path in regression_files():
        done = run_cli("import", str(path), db=sample_db)
        assert done.returncode in (0, 1), (path.name, done.stderr)
        assert len(done.stderr.strip().splitlines()) <= 1, (path.name, done.stderr)  # no panic backtrace
