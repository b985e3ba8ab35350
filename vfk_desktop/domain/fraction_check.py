"""Per cent figures written as fractions: 0.62 where 62 (per cent) was meant.

A percentage indicator's figures are kept as per cent (62 for 62 %). A partner's sheet may hold
them as fractions with no percentage format (0.62), which would be stored a hundred times too
small. A figure below 1 is taken for such a slip only where the database shows what the place's
figures for that indicator look like: at least two stored, every one of them 5 or more, and the
figure times 100 within a factor of 3 of their middle value. Then the cell is refused, naming what
to write instead. With nothing stored to compare, a figure is kept as written: 0.6 % is a real
value for some indicators, and a first import has no history to judge it by.
"""

from __future__ import annotations

import statistics

from vfk_desktop.domain.import_plan import ImportPlan, PlanKey, StoredValues
from vfk_desktop.domain.values import per_cent

SMALLEST_PER_CENT = 5.0  # every stored figure at least this for a history of per cent figures
WITHIN = 3.0  # the figure times 100 this close to the stored middle value


def refuse_fractions(plan: ImportPlan, candidates: list[PlanKey], stored: StoredValues | None) -> None:
    """Refuse each candidate figure (a plain number below 1 of a percentage indicator) that the
    place's stored figures show to be a fraction of what was meant."""
    if not candidates or stored is None:
        return
    pairs = sorted({(key[0], key[1]) for key in candidates})
    history = stored(pairs)
    for key in candidates:
        figure = plan.figures.get(key)
        values = history.get((key[0], key[1]), [])
        if figure is None or figure.value is None or len(values) < 2:
            continue
        if min(abs(v) for v in values) < SMALLEST_PER_CENT:
            continue
        middle = statistics.median(abs(v) for v in values)
        meant = abs(figure.value) * 100
        if middle / WITHIN <= meant <= middle * WITHIN:
            plan.reject(figure.origin, (
                f"{figure.value:g} in {figure.cell} looks like a fraction: {figure.area}'s "
                f"{figure.indicator} figures are per cent, around {middle:.3g}; "
                f"write {per_cent(figure.value):g}, or format the cell as a percentage."))
