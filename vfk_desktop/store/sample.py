"""The sample database: Tunbridge Wells as the LSP presentation shows it, the rest illustrative."""

from __future__ import annotations

from pathlib import Path

from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.paths import sample_data_dir
from vfk_desktop.store.connection import Store
from vfk_desktop.store.imports import ImportResult, apply_plan, import_context
from vfk_desktop.store.local_priorities import load_local_priorities_csv
from vfk_desktop.store.sample_flag import ILLUSTRATIVE

FIGURE_FILES = (
    "kent_districts_sample.csv",
    "tunbridge_wells_fare_in_kent.csv",
    "tunbridge_wells_ka2_priorities.csv",
)
LSP_FILE = "tunbridge_wells_lsp_priorities.csv"
def load_sample(store: Store, folder: Path | None = None) -> ImportResult:
    """Import the sample files as one import (again: "unchanged") and the LSP's own priorities."""
    folder = folder or sample_data_dir()
    plan = plan_import([folder / name for name in FIGURE_FILES], import_context(store))
    with store.atomic():
        result = apply_plan(store, plan, kind="sample", note=ILLUSTRATIVE)
        if result.ok:
            load_local_priorities_csv(store, folder / LSP_FILE)
    return result
