"""The sample database: Tunbridge Wells as the LSP presentation shows it, the rest illustrative."""

from __future__ import annotations

from pathlib import Path

from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.paths import sample_data_dir
from vfk_desktop.store.connection import Store
from vfk_desktop.store.imports import ImportResult, apply_plan, import_context
from vfk_desktop.store.local_priorities import load_local_priorities_csv

FIGURE_FILES = (
    "kent_districts_sample.csv",
    "tunbridge_wells_fare_in_kent.csv",
    "tunbridge_wells_ka2_priorities.csv",
)
LSP_FILE = "tunbridge_wells_lsp_priorities.csv"
ILLUSTRATIVE = (
    "Sample data: Tunbridge Wells' latest figures, targets and Kent best and worst are those of the "
    "Tunbridge Wells LSP's KA2 presentation; the other districts, earlier periods, Kent figures and "
    "commentary are illustrative."
)


def load_sample(store: Store, folder: Path | None = None) -> ImportResult:
    """Import the sample files as one import (again: "unchanged") and the LSP's own priorities."""
    folder = folder or sample_data_dir()
    plan = plan_import([folder / name for name in FIGURE_FILES], import_context(store))
    with store.atomic():
        result = apply_plan(store, plan, kind="sample", note=ILLUSTRATIVE)
        if result.ok:
            load_local_priorities_csv(store, folder / LSP_FILE)
    return result


def has_sample(store: Store) -> bool:
    """True while sample figures are in the database (so screens can say they are illustrative)."""
    row = store.conn.execute(
        "SELECT 1 FROM imports WHERE kind = 'sample' AND undone_at IS NULL LIMIT 1"
    ).fetchone()
    return row is not None
