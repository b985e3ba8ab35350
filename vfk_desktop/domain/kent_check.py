"""A file's stated Kent value checked against the one its 12 districts' counts give.

Where a file gives every district's count and denominator and Kent's value for an indicator and
period, Σ count / Σ denominator × multiplier should be Kent's figure; more than 0.5 % away is a
warning in the import report (the stated value is still the one kept). The multiplier is read from
the districts themselves (value ÷ (count ÷ denominator), one of 1, 100, 1,000, 10,000 or 100,000);
where the districts' values are not their crude ratio (a directly standardised rate, say), there
is nothing to check.

The figures need not all come in one import: where a file brings only some of them (the districts'
counts, or Kent's value), the rest are taken from the database through the lookup the store gives.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from vfk_desktop.domain.import_plan import FigureRow, ImportPlan
from vfk_desktop.domain.localities import KENT
from vfk_desktop.domain.model import format_number
from vfk_desktop.domain.statistics import KENT_DISAGREES, Counts, kent_disagrees, kent_from_districts

MULTIPLIERS = (1.0, 100.0, 1_000.0, 10_000.0, 100_000.0)


@dataclass(frozen=True, slots=True)
class Held:
    """A figure already in the database: its value, count and denominator."""

    value: float | None
    count: float | None
    denominator: float | None


# ((code, period label) pairs, places) -> {(code, period label): {place: Held}}
HeldLookup = Callable[[list[tuple[str, str]], tuple[str, ...]], dict[tuple[str, str], dict[str, Held]]]


def crude_multiplier(figures: list[FigureRow | Held]) -> float | None:
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


def kent_disagreements(plan: ImportPlan, districts: list[str], held: HeldLookup | None = None) -> list[str]:
    """One note for each indicator and period whose stated Kent value disagrees with its districts'."""
    figures = plan.figures
    if not any(key[1] == KENT for key in figures) and not any(f.count for f in figures.values()):
        return []  # no Kent value and no count: nothing to check (a long file's figures: 0.1 s less)
    by_key: dict[tuple[str, str], dict[str, FigureRow | Held]] = defaultdict(dict)
    checked = {KENT, *districts}
    for (code, area, period, kind), figure in figures.items():
        if kind == "value" and area in checked:
            by_key[(code, period)][area] = figure
    if held is not None:
        # Kent first (few rows): only where Kent is known is it worth reading the districts' figures
        _fill(by_key, held, [key for key, places in by_key.items() if KENT not in places], (KENT,))
        _fill(by_key, held, [key for key, places in by_key.items()
                             if KENT in places and len(places) < len(districts) + 1], tuple(districts))
    notes = []
    for (code, period), places in sorted(by_key.items()):
        kent = places.get(KENT)
        if kent is None or kent.value is None or any(name not in places for name in districts):
            continue
        multiplier = crude_multiplier([places[name] for name in districts])
        counts = {name: Counts(places[name].count, places[name].denominator) for name in districts}
        computed = kent_from_districts(counts, districts, multiplier) if multiplier else None
        if computed is None or not kent_disagrees(kent.value, computed):
            continue
        worked = format_number(round(computed, 2))
        if isinstance(kent, FigureRow):
            already = sum(isinstance(places[name], Held) for name in districts)
            notes.append(f"{kent.file}: Kent's {code} for {period} is stated as "
                         f"{format_number(kent.value)} ({kent.cell}), but the 12 districts' counts "
                         f"and denominators give {worked}"
                         + (f" ({already} of them already in the database)" if already else "")
                         + "; the stated value is kept. Check the file.")
        else:
            files = sorted({f.file for f in places.values() if isinstance(f, FigureRow)})
            notes.append(f"{', '.join(files)}: the 12 districts' counts and denominators for {code} "
                         f"{period} give {worked}, but Kent's figure already in the database is "
                         f"{format_number(kent.value)}; Kent's stated value is kept. Check the figures.")
    return notes


def _fill(by_key: dict[tuple[str, str], dict[str, FigureRow | Held]], held: HeldLookup,
          keys: list[tuple[str, str]], places: tuple[str, ...]) -> None:
    """The database's figures of places at keys, where this import brings none of its own."""
    if keys:
        for key, in_database in held(sorted(keys), places).items():
            for name, stored in in_database.items():
                by_key[key].setdefault(name, stored)
