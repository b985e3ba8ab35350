"""The Tunbridge Wells presentation's "How does Tunbridge Wells fare in Kent?" tables, transcribed.

seeds/002 (the LSP's KA2 presentation). test_seed_transcription checks every row against the text.
Columns: code, band, period, TW value, Kent target (None for "N/a"), Kent best, Kent worst,
polarity (as the catalogue has it or as inferred from best and worst), status against target.
"""

from __future__ import annotations

from typing import NamedTuple


class SeedRow(NamedTuple):
    code: str
    band: str
    period: str
    value: float
    target: float | None
    best: float
    worst: float
    polarity: str
    vs_target: str | None
    as_printed: tuple[str, ...]  # the row's figures as the slide prints them


FARE_ROWS = [
    SeedRow("NI 21", "H", "2008/09", 24, 37.7, 27.7, 20.6, "higher", "worse",
            ("H 2008/09 24 37.7 27.7 20.6",)),
    SeedRow("NI 39", "H", "2008/09", 1212, 1212, 1009, 1798, "lower", "met",
            ("H 2008/09 1,212 1,212 1,009 1,798",)),
    SeedRow("NI 111", "H", "2008/09", 8, 15.6, 8, 20, "lower", "better",
            ("H 2008/09 8 15.6 8 20",)),
    SeedRow("NI 155", "H", "2008/09", 100, None, 380, 30, "higher", None,
            ("H 2008/09 100 N/a 380 30",)),
    SeedRow("NI 163", "H", "2008", 70.9, 75.6, 77.6, 58.7, "higher", "worse",
            ("H 2008 70.9 75.6 77.6 58.7",)),
    SeedRow("NI 47", "M", "2008", 5.1, 4.6, 1.9, 6.2, "lower", "worse",
            ("M 2008 5.1 4.6 1.9 6.2",)),
    SeedRow("NI 152", "M", "2008/09", 7.4, None, 6.3, 17.1, "lower", None,
            ("M 2008/09 7.4 N/a 6.3 17.1",)),
    SeedRow("NI 154", "M", "2008/09", 411, None, 965, 269, "higher", None,
            ("M 2008/09 411 N/a 965 269",)),
    SeedRow("NI 186", "M", "2007", 6.5, 6.5, 5.1, 8.1, "lower", "met",
            ("M 2007 6.5 6.5 5.1 8.1",)),
    SeedRow("NI 189", "M", "2008/09", 100, 90, 100, 87, "higher", "better",
            ("M 2008/09 100 90 100 87",)),
    SeedRow("NI 198", "M", "2008/09", 27.8, 30.6, 27.8, 42.6, "lower", "better",
            ("M 2008/09 27.8 30.6 27.8 42.6",)),
    SeedRow("NI 120f", "M", "2008", 420, 458, 420, 568, "lower", "better",
            ("M 2008 420 458 420 568",)),
    SeedRow("NI 120m", "M", "2008", 585, 596, 513, 748, "lower", "better",
            ("M 2008 585 596 513 748",)),
    SeedRow("NI 55", "L", "2008/09", 10.7, 9.7, 7.6, 10.8, "lower", "worse",
            ("L 2008/09 10.7 9.7 7.6 10.8",)),
    SeedRow("NI 159", "L", "2008/09", 102, 142, 254, 100, "higher", "worse",
            ("L 2008/09 102% 142% 254% 100%",)),
    SeedRow("NI 187i", "L", "2008/09", 21, 13, 13, 21, "lower", "worse",
            ("L 2008/09 21 13 13 21",)),
]

HIGH = ["NI 163", "NI 21", "NI 32", "NI 111", "NI 155", "NI 110", "NI 39", "NI 40"]
MEDIUM = ["NI 152", "NI 186", "NI 189", "NI 47", "NI 175", "NI 198", "NI 120", "NI 154"]
LOW_NAMED = ["NI 55", "NI 159", "NI 162", "NI 187"]
PSB_REDS = ["NI 152", "NI 154", "NI 39", "NI 162", "NI 163", "NI 187"]


def check_fare_json(rows: list[dict]) -> dict[str, dict]:
    """`vfk fare --json` rows checked against every seed row; returned by code for more checks."""
    by_code = {row["code"]: row for row in rows}
    for seed in FARE_ROWS:
        row = by_code[seed.code]
        assert (row["period"], row["value"], row["kent_target"], row["kent_best"], row["kent_worst"]) == (
            seed.period, seed.value, seed.target, seed.best, seed.worst), seed.code
    return by_code
