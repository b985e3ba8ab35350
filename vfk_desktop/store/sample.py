"""The sample database: Tunbridge Wells as the LSP presentation shows it, the rest illustrative.

The readers turn FIGURE_FILES into a plan (`vfk_desktop.sample_loading`); this applies it.
"""

from __future__ import annotations

from pathlib import Path

from vfk_desktop.domain.import_plan import ImportPlan
from vfk_desktop.store.connection import Store
from vfk_desktop.store.imports import ImportResult, apply_plan
from vfk_desktop.store.local_priorities import load_local_priorities_csv
from vfk_desktop.store.sample_flag import ILLUSTRATIVE

FIGURE_FILES = (
    "kent_districts_sample.csv",
    "tunbridge_wells_fare_in_kent.csv",
    "tunbridge_wells_ka2_priorities.csv",
)
LSP_FILE = "tunbridge_wells_lsp_priorities.csv"


def apply_sample(store: Store, plan: ImportPlan, folder: Path) -> ImportResult:
    """Apply the sample files' plan as one import, with the LSP's own priorities from folder."""
    with store.atomic():
        result = apply_plan(store, plan, kind="sample", note=ILLUSTRATIVE)
        if result.ok:
            load_local_priorities_csv(store, folder / LSP_FILE)
    return result
