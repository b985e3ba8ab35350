"""Per cent figures written as fractions: 0.62 where 62 (per cent) was meant.

A percentage indicator's figures are kept as per cent (62 for 62 %). A partner's sheet may hold
them as fractions with no percentage format (0.62), which would be stored a hundred times too
small. A figure below 1 looks like such a slip only where the database shows what the place's
figures for that indicator are: at least two stored, every one of them 5 or more, and the figure
times 100 within a factor of 3 of their middle value.

Where every figure of the indicator in that column of the sheet looks so, the slip is the column's
(a sheet of proportions): each cell is refused, naming what to write. One such figure among
others that do not is a note, and is kept as written: 0.6 % is a real value for some places and
indicators. With nothing stored to compare, a figure is kept as written without a word.
"""

from __future__ import annotations

import statistics
from collections import defaultdict

from vfk_desktop.domain.import_plan import FigureRow, ImportPlan, PlanKey, StoredValues
from vfk_desktop.domain.values import per_cent

SMALLEST_PER_CENT = 5.0  # every stored figure at least this for a history of per cent figures
WITHIN = 3.0  # the figure times 100 this close to the stored middle value

Column = tuple[str, str, str | None, str]  # indicator, file, sheet, column letters


def check_fractions(plan: ImportPlan, candidates: list[PlanKey], stored: StoredValues | None) -> None:
    """Refuse, or note, the candidate figures (plain numbers below 1 of percentage indicators) that
    the places' stored figures show to be fractions of what was meant."""
    if not candidates or stored is None:
        return
    history = stored(sorted({(key[0], key[1]) for key in candidates}))
    suspects: dict[Column, list[tuple[FigureRow, float, float]]] = defaultdict(list)
    for key in dict.fromkeys(candidates):
        figure = plan.figures.get(key)
        middle = _per_cent_middle(history.get((key[0], key[1]), []))
        if figure is None or figure.value is None or middle is None:
            continue
        if middle / WITHIN <= abs(figure.value) * 100 <= middle * WITHIN:
            suspects[_column(figure)].append((figure, figure.value, middle))
    if not suspects:
        return
    sizes = _column_sizes(plan, {column[0] for column in suspects})
    for column, found in suspects.items():
        for figure, value, middle in found:
            said = (f"{value:g} in {figure.cell} looks like a fraction: {figure.area}'s "
                    f"{figure.indicator} figures are per cent, around {middle:.3g}")
            if len(found) == sizes[column]:
                plan.reject(figure.origin, f"{said}; write {per_cent(value):g}, or format the "
                                           f"cell as a percentage.")
            else:
                plan.notes.append(f"{figure.file}{_on(figure)}: {said}, while the column's other "
                                  f"figures are not; kept as written ({value:g} per cent).")


def _per_cent_middle(values: list[float]) -> float | None:
    """The middle of a place's stored figures where they are plainly per cent, else None."""
    if len(values) < 2 or min(abs(v) for v in values) < SMALLEST_PER_CENT:
        return None
    return statistics.median(abs(v) for v in values)


def _column(figure: FigureRow) -> Column:
    return figure.indicator, figure.file, figure.sheet, figure.cell.rstrip("0123456789")


def _column_sizes(plan: ImportPlan, indicators: set[str]) -> dict[Column, int]:
    """How many numbers each column gives for each of these indicators."""
    sizes: dict[Column, int] = defaultdict(int)
    for figure in plan.figures.values():
        if figure.indicator in indicators and figure.value is not None:
            sizes[_column(figure)] += 1
    return sizes


def _on(figure: FigureRow) -> str:
    return f', sheet "{figure.sheet}"' if figure.sheet else ""
