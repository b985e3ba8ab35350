"""Whether the database holds the sample data, and the words that say so wherever it shows.

Kept apart from sample.py (which loads it through the importer) so the window can ask at start-up
without loading the importer.
"""

from __future__ import annotations

from vfk_desktop.domain.illustrative import ILLUSTRATIVE  # noqa: F401 - said where has_sample is asked
from vfk_desktop.store.connection import Store


def has_sample(store: Store) -> bool:
    """True while sample figures are in the database (so screens can say they are illustrative)."""
    row = store.conn.execute(
        "SELECT 1 FROM imports WHERE kind = 'sample' AND undone_at IS NULL LIMIT 1"
    ).fetchone()
    return row is not None
