"""Shared fixtures: real database files in tmp_path, an isolated home for settings and logs, offscreen Qt."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

# Before anything imports Qt or platformdirs: no display, and a private home for settings, data
# and logs so that tests never touch (or depend on) the real user's files.
# The screen is a laptop's: 1366 × 768 less a task bar (tests/support/laptop_screen.json).
os.environ["QT_QPA_PLATFORM"] = "offscreen:configfile=" + str(
    Path(__file__).resolve().parent / "support" / "laptop_screen.json")
_HOME = Path(tempfile.mkdtemp(prefix="vfk-tests-home-"))
for variable, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                         ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
    os.environ[variable] = str(_HOME / folder)
os.environ.pop("VFK_DB", None)

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the reference and sample data, built once per test session."""
    from vfk_desktop.sample_loading import load_sample
    from vfk_desktop.store.connection import open_store
    from vfk_desktop.store.reference import load_reference

    path = tmp_path_factory.mktemp("template") / "sample.db"
    with open_store(path, create=True) as store:
        load_reference(store)
        result = load_sample(store)
        assert result.ok, result.summary()
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def sample_db(sample_template: Path, tmp_path: Path) -> Path:
    """A private copy of the sample database for one test to change."""
    path = tmp_path / "vfk.db"
    shutil.copy(sample_template, path)
    return path


@pytest.fixture
def sample_store(sample_db: Path):
    from vfk_desktop.store.connection import open_store

    store = open_store(sample_db)
    yield store
    store.close()


@pytest.fixture
def empty_store(tmp_path: Path):
    """A new database holding only the reference data."""
    from vfk_desktop.store.connection import open_store
    from vfk_desktop.store.reference import load_reference

    store = open_store(tmp_path / "empty.db", create=True)
    load_reference(store)
    yield store
    store.close()


def seed_text(name: str) -> str | None:
    """The text of a seed document when ../shared is beside the checkout (as in CI)."""
    matches = sorted(SEEDS.glob(f"{name}*.txt")) if SEEDS.is_dir() else []
    return matches[0].read_text(encoding="utf-8") if matches else None


def run_cli(*args: str, db: Path | None = None, env: dict[str, str] | None = None,
            cwd: Path | None = None):
    """`vfk ARGS` as a separate process, as a user or another tool runs it."""
    import subprocess

    command = [sys.executable, "-m", "vfk_desktop.cli", *args]
    if db is not None:
        command[3:3] = ["--db", str(db)]
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(command, capture_output=True, text=True, env=full_env,
                          cwd=cwd or REPO, timeout=120)


def run_python(program: str, *args: str):
    """A few lines of Python in a fresh interpreter (what it imports is its own), from the checkout."""
    import subprocess

    return subprocess.run([sys.executable, "-c", program, *args], capture_output=True, text=True,
                          cwd=REPO, timeout=120)
