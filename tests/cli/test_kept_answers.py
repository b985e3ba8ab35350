"""`vfk fare --json` keeps the answer it worked out, and reads it back only for the same state of the
same file: any write through the app, a change made by another program, another day or another
question each get an answer worked out afresh."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli
from vfk_desktop.store.answers import AnswerShelf, answers_dir
from vfk_desktop.store.connection import Store, _connect, open_store
from vfk_desktop.store.database import STATE_KEY
from vfk_desktop.store.migrations import upgrade


@pytest.fixture
def cache(tmp_path: Path) -> dict[str, str]:
    """A cache folder of the test's own, so the files kept can be looked at."""
    return {"XDG_CACHE_HOME": str(tmp_path / "cache")}


def fare(db: Path, env: dict[str, str], *more: str) -> list[dict]:
    done = run_cli("fare", "--locality", "Tunbridge Wells", "--json", *more, db=db, env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def kept_files(env: dict[str, str]) -> list[Path]:
    return sorted((Path(env["XDG_CACHE_HOME"]) / "vfk_desktop" / "answers").glob("*.answer"))


def tamper(kept: Path) -> None:
    """Change the kept answer's text (not its key), so a test can tell it was read back."""
    key, text = kept.read_text(encoding="utf-8").split("\n", 1)
    rows = json.loads(text)
    rows[0]["title"] = "READ BACK"
    kept.write_text(f"{key}\n{json.dumps(rows)}", encoding="utf-8")


def nhs_value(rows: list[dict]) -> float:
    return next(row for row in rows if row["code"] == "NI 39")["value"]


def test_asking_again_reads_the_kept_answer_until_the_app_writes(sample_db, cache):
    first = fare(sample_db, cache)
    [kept] = kept_files(cache)
    tamper(kept)
    assert fare(sample_db, cache)[0]["title"] == "READ BACK"

    done = run_cli("rankings", "--locality", "Tunbridge Wells", db=sample_db, env=cache)  # a read
    assert done.returncode == 0, done.stderr
    assert fare(sample_db, cache)[0]["title"] == "READ BACK"

    with open_store(sample_db) as store, store.atomic():  # any write the app makes
        store.conn.execute("UPDATE observations SET value = 123.4 WHERE indicator = 'NI 39' AND "
                           "kind = 'value' AND area_id = (SELECT id FROM areas WHERE name = "
                           "'Tunbridge Wells') AND period = '2008/09'")
    again = fare(sample_db, cache)
    assert again[0]["title"] == first[0]["title"]
    assert nhs_value(again) == 123.4
    assert len(kept_files(cache)) == 1  # the earlier state's answer was cleared


def test_a_change_made_by_another_program_is_seen(sample_db, cache):
    before = nhs_value(fare(sample_db, cache))
    conn = sqlite3.connect(sample_db)  # not through the app: the state mark does not move
    with conn:
        conn.execute("UPDATE observations SET value = value + 1 WHERE indicator = 'NI 39' AND "
                     "kind = 'value' AND area_id = (SELECT id FROM areas WHERE name = "
                     "'Tunbridge Wells') AND period = '2008/09'")
    conn.close()
    assert nhs_value(fare(sample_db, cache)) == pytest.approx(before + 1)


def test_each_question_has_its_own_answer(sample_db, cache):
    latest = fare(sample_db, cache)
    earlier = fare(sample_db, cache, "--period", "2008/09")
    assert len(kept_files(cache)) == 2
    assert fare(sample_db, cache) == latest
    assert fare(sample_db, cache, "--period", "2008/09") == earlier
    other = run_cli("fare", "--locality", "Dover", "--json", db=sample_db, env=cache)
    assert {row["code"] for row in json.loads(other.stdout)} and other.stdout != json.dumps(latest)


def test_an_answer_is_not_kept_when_the_file_changed_while_it_was_worked_out(sample_db, cache,
                                                                               monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", cache["XDG_CACHE_HOME"])
    with open_store(sample_db) as store:
        shelf = AnswerShelf(store, ("test", "question"))
        with store.atomic():
            store.set_meta("min_districts", "6")
        shelf.keep("worked out from two states")
        assert not answers_dir().exists() or not list(answers_dir().iterdir())
        fresh = AnswerShelf(store, ("test", "question"))
        fresh.keep("worked out from one state")
        assert AnswerShelf(store, ("test", "question")).taken() == "worked out from one state"
        assert AnswerShelf(store, ("test", "other question")).taken() is None


def test_every_committed_write_moves_the_state_mark_and_a_rolled_back_one_does_not(sample_store):
    marks = [sample_store.meta(STATE_KEY)]
    with sample_store.atomic():
        sample_store.set_meta("note", "one")
    marks.append(sample_store.meta(STATE_KEY))
    with pytest.raises(RuntimeError), sample_store.atomic():
        sample_store.set_meta("note", "two")
        raise RuntimeError("changed my mind")
    marks.append(sample_store.meta(STATE_KEY))
    assert marks[0] and marks[0] != marks[1] == marks[2]


def test_an_upgraded_database_gets_a_state_mark(tmp_path):
    path = tmp_path / "v5.db"
    old = Store(_connect(path, readonly=False), path)
    upgrade(old, 0, stop_before="0006_state_mark")
    old.conn.execute("DELETE FROM meta WHERE key = ?", (STATE_KEY,))
    old.conn.commit()
    assert old.conn.execute("PRAGMA user_version").fetchone()[0] == 5
    old.close()
    with open_store(path) as store:
        assert store.meta(STATE_KEY) and len(store.meta(STATE_KEY) or "") == 32


def test_a_cache_folder_that_cannot_be_written_is_not_used(sample_db, tmp_path):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be")
    env = {"XDG_CACHE_HOME": str(blocked)}
    assert fare(sample_db, env) == fare(sample_db, env)
    assert os.path.isfile(blocked)


def zero_a_page(db: Path, where: float = 0.5) -> None:
    data = bytearray(db.read_bytes())
    page = int(len(data) // 4096 * where)
    data[page * 4096:(page + 1) * 4096] = bytes(4096)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("where", [0.5, 0.9])
def test_a_damaged_file_is_checked_before_an_answer_is_worked_out_and_none_is_kept(sample_db, cache,
                                                                                   where):
    fare(sample_db, cache)  # kept from the whole file
    before = kept_files(cache)
    tamper(before[0])  # were it printed, the marked answer would show
    zero_a_page(sample_db, where)  # the file changes: the kept answer is not its answer any more
    for _ in range(2):
        done = run_cli("fare", "--locality", "Tunbridge Wells", "--json", db=sample_db, env=cache)
        told = done.stderr.lower()
        assert ("failed its check" in told or "damaged" in told) and "traceback" not in told
        assert set(kept_files(cache)) <= set(before)  # nothing kept from the damaged file
        assert "READ BACK" not in done.stdout


def test_a_half_written_answer_of_a_killed_program_is_removed(sample_db, cache):
    folder = Path(cache["XDG_CACHE_HOME"]) / "vfk_desktop" / "answers"
    folder.mkdir(parents=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    half = folder / f"0-0-0.answer.pid{dead}.part"
    half.write_text("half an answer")
    fare(sample_db, cache)
    assert not half.exists() and len(kept_files(cache)) == 1
