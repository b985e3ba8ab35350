"""Loading the sample: the readers plan its files, the store applies the plan (`vfk init --sample`
and a new database's first run)."""

from __future__ import annotations

from pathlib import Path

from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.paths import sample_data_dir
from vfk_desktop.store.connection import Store
from vfk_desktop.store.imports import ImportResult, import_context
from vfk_desktop.store.sample import FIGURE_FILES, apply_sample


def load_sample(store: Store, folder: Path | None = None) -> ImportResult:
    """Import the sample files as one import (again: "unchanged") and the LSP's own priorities."""
    folder = folder or sample_data_dir()
    plan = plan_import([folder / name for name in FIGURE_FILES], import_context(store))
    return apply_sample(store, plan, folder)
