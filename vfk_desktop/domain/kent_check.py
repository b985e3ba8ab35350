"""A file's stated Kent value checked against the one its 12 districts' counts give.

Where a file gives every district's count and denominator and Kent's value for an indicator and
period, Σ count / Σ denominator × multiplier should be Kent's figure; more than 0.5 % away is a
warning in the import report (the stated value is still the one kept). The multiplier is read from
the districts themselves (value ÷ (count ÷ denominator), one of 1, 100, 1,000, 10,000 or 100,000);
where the districts' values are not their crude ratio (a directly standardised rate, say), there
is nothing to check.
"""

from __future__ import annotations

from collections import defaultdict

from vfk_desktop.domain.import_plan import FigureRow, ImportPlan
from vfk_desktop.domain.localities import KENT
from vfk_desktop.domain.model import format_number
from vfk_desktop.domain.statistics import KENT_DISAGREES, Counts, kent_disagrees, kent_from_districts

MULTIPLIERS = (1.0, 100.0, 1_000.0, 10_000.0, 100_000.0)


def crude_multiplier(figures: list[FigureRow]) -> float | None:
    """The multiplier every figure's value is its count / denominator by, within 0.5 %; else None."""
    found = None
    for figure in figures:
        if figure.value is None or not figure.count or not figure.denominator:
            return None
        ratio = figure.value / (figure.count / figure.denominator)
        multiplier = min(MULTIPLIERS, key=lambda m: abs(ratio - m))
        if abs(ratio - multiplier) > KENT_DISAGREES * multiplier or found not in (None, multiplier):
            return None
        found = multiplier
    return found


def kent_disagreements(plan: ImportPlan, districts: list[str]) -> list[str]:
    """One note for each indicator and period whose stated Kent value disagrees with its districts'."""
    by_key: dict[tuple[str, str], dict[str, FigureRow]] = defaultdict(dict)
    for (code, area, period, kind), figure in plan.figures.items():
        if kind == "value" and (area == KENT or area in districts):
            by_key[(code, period)][area] = figure
    notes = []
    for (code, period), places in sorted(by_key.items()):
        kent = places.get(KENT)
        if kent is None or kent.value is None or any(name not in places for name in districts):
            continue
        multiplier = crude_multiplier([places[name] for name in districts])
        counts = {name: Counts(places[name].count, places[name].denominator) for name in districts}
        computed = kent_from_districts(counts, districts, multiplier) if multiplier else None
        if computed is not None and kent_disagrees(kent.value, computed):
            notes.append(f"{kent.file}: Kent's {code} for {period} is stated as "
                         f"{format_number(kent.value)} ({kent.cell}), but the 12 districts' counts "
                         f"and denominators give {format_number(round(computed, 2))}; the stated "
                         f"value is kept. Check the file.")
    return notes
