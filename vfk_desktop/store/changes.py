"""What an import or an edit writes: the tables, their columns and keys, and each change's time."""

from __future__ import annotations

import datetime as dt

OBSERVATION_COLUMNS = ("indicator", "area_id", "period", "kind", "value", "text", "missing",
                       "import_id", "file", "sheet", "cell")
RANKING_COLUMNS = ("area_id", "indicator", "round", "priority", "import_id", "file", "sheet", "cell")
COMMENTARY_COLUMNS = ("indicator", "area_id", "period", "text", "import_id", "file", "sheet", "cell")
TABLES = {
    "observations": (OBSERVATION_COLUMNS, 4),  # columns, how many of them form the key
    "rankings": (RANKING_COLUMNS, 3),
    "commentary": (COMMENTARY_COLUMNS, 3),
}


def now_text() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")
