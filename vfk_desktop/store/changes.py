"""What an import or an edit writes: the tables, their columns and keys, and each change's time."""

from __future__ import annotations

import datetime as dt

from vfk_desktop.domain.import_plan import STATISTICS

# What a file gives beside a value (count, denominator, 95 % and 99.8 % limits, and what kind of
# figure it is): FigureRow's fields of the same names, in this order.
STATISTIC_COLUMNS = (*STATISTICS, "value_type", "multiplier")

OBSERVATION_COLUMNS = ("indicator", "area_id", "period", "kind", "value", "text", "missing",
                       "import_id", "file", "sheet", "cell", *STATISTIC_COLUMNS)
RANKING_COLUMNS = ("area_id", "indicator", "round", "priority", "import_id", "file", "sheet", "cell")
COMMENTARY_COLUMNS = ("indicator", "area_id", "period", "text", "import_id", "file", "sheet", "cell")
LEAD_COLUMNS = ("indicator", "area_id", "officer", "partner", "working_group", "import_id", "file",
                "sheet", "cell")
TARGET_CHOICE_COLUMNS = ("indicator", "area_id", "follows", "import_id", "file", "sheet", "cell")
PROFILE_COLUMNS = ("indicator", "area_id", "year", "method", "q1", "q2", "q3", "q4", "import_id", "file",
                   "sheet", "cell")
TABLES = {
    "observations": (OBSERVATION_COLUMNS, 4),  # columns, how many of them form the key
    "rankings": (RANKING_COLUMNS, 3),
    "commentary": (COMMENTARY_COLUMNS, 3),
    "leads": (LEAD_COLUMNS, 2),
    "target_choices": (TARGET_CHOICE_COLUMNS, 2),
    "target_profiles": (PROFILE_COLUMNS, 3),
}


def now_text() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")
