"""The spine chart: every indicator of a locality on one line, Kent at the centre, right always better.

As in Fingertips' area profiles, each row shows the spread of the 12 districts in three bands (worst
to the worse quartile, the interquartile range, the better quartile to best) on a scale centred on
Kent, so that the furthest of best and worst from Kent reaches the edge; lower-is-better indicators are
turned round. The locality's marker is its significance against Kent; value, Kent, worst and best are
given as columns beside the bars.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from vfk_desktop.domain import compare
from vfk_desktop.domain.fare import FareRow
from vfk_desktop.domain.model import Polarity, Priority, format_number
from vfk_desktop.domain.statistics import Significance

MIN_SPREAD = 4  # fewer district values than this give no quartiles worth drawing
PRIORITY_ORDER = {Priority.HIGH: 0, Priority.MEDIUM: 1, Priority.LOW: 2, None: 3}


def percentile(values: Sequence[float], share: float) -> float:
    """The share-th percentile (0 to 1) by linear interpolation between closest ranks: the method of
    Excel's PERCENTILE.INC and numpy's default, so an officer can check it in a spreadsheet."""
    if not values:
        raise ValueError("a percentile needs at least one value")
    ordered = sorted(values)
    place = share * (len(ordered) - 1)
    below = int(place)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (place - below)


@dataclass(frozen=True)
class SpineRow:
    """One indicator's row of the spine chart: the locality, Kent and the spread of the 12 districts."""

    code: str
    title: str
    priority: Priority | None
    polarity: Polarity
    value: float
    kent: float
    worst: float
    worse_quartile: float  # the 25th percentile for higher-is-better, the 75th for lower-is-better
    better_quartile: float
    best: float
    significance: Significance | None  # the locality against Kent; None: not compared
    row: FareRow

    def position(self, value: float) -> float:
        """Where value sits on the row's scale: Kent at 0.5, better to the right, best or worst
        (whichever is further from Kent) at an edge."""
        half = max(abs(self.best - self.kent), abs(self.worst - self.kent))
        if half == 0:
            return 0.5
        turned = 1 if self.polarity is Polarity.HIGHER else -1
        return 0.5 + turned * (value - self.kent) / (2 * half)

    @property
    def marker(self) -> float:
        return self.position(self.value)


@dataclass(frozen=True)
class SpineData:
    """The spine chart of a locality: one row per indicator, and the indicators that cannot be drawn."""

    locality: str
    rows: tuple[SpineRow, ...]  # High, then Medium, then Low, then not ranked; fare-table order within
    left_out: tuple[tuple[str, str], ...]  # (code, why) of listed indicators that cannot be drawn
    at_998: bool = False

    def table(self) -> list[list[object]]:
        """The figures behind the chart, headings first (for Copy data and Save data as CSV)."""
        out: list[list[object]] = [["Priority", "Code", "Indicator", "Value", "vs Kent", "Kent",
                                    "Worst", "Worse quartile", "Better quartile", "Best"]]
        for r in self.rows:
            out.append([r.priority.value if r.priority else "Not ranked", r.code, r.title, r.value,
                        significance_word(r.significance), r.kent, r.worst, r.worse_quartile,
                        r.better_quartile, r.best])
        return out

    def alt_text(self) -> str:
        """One sentence from the figures."""
        if not self.rows:
            return f"{self.locality}: no indicator has a value, a Kent figure and the districts' spread."
        counts: dict[str, int] = {}
        for r in self.rows:
            word = significance_word(r.significance)
            counts[word] = counts.get(word, 0) + 1
        parts = [f"{counts[word]} {word}" for word in ("better", "similar", "worse", "lower", "higher",
                                                       "not compared") if word in counts]
        worse = [r.code for r in self.rows if r.significance is Significance.WORSE]
        tail = f"; worse than Kent: {', '.join(worse)}" if worse else ""
        return (f"{self.locality} against Kent on {len(self.rows)} indicators: {', '.join(parts)}"
                f"{tail}.")


def significance_word(found: Significance | None) -> str:
    return found.value if found is not None else "not compared"


def spine_chart(locality: str, rows: Sequence[FareRow],
                spreads: Mapping[str, Sequence[float]]) -> SpineData:
    """rows: the fare table; spreads: each code's district values at its row's period."""
    placed, left_out = [], []
    for order, row in enumerate(rows):
        values = list(spreads.get(row.code, ()))
        why = _cannot_draw(row, values)
        if why:
            left_out.append((row.code, why))
            continue
        assert row.value is not None and row.kent_value is not None and row.polarity is not None
        higher = row.polarity is Polarity.HIGHER
        low, high = percentile(values, 0.25), percentile(values, 0.75)
        best, worst = (max(values), min(values)) if higher else (min(values), max(values))
        placed.append((PRIORITY_ORDER.get(row.priority, 3), order, SpineRow(
            code=row.code, title=row.title, priority=row.priority, polarity=row.polarity,
            value=row.value, kent=row.kent_value, worst=worst, worse_quartile=low if higher else high,
            better_quartile=high if higher else low, best=best,
            significance=row.statistics.vs_kent_shown, row=row)))
    placed.sort(key=lambda item: item[:2])
    at_998 = any(row.statistics.at_998 for row in rows)
    return SpineData(locality, tuple(item[2] for item in placed), tuple(left_out), at_998)


def _cannot_draw(row: FareRow, values: list[float]) -> str | None:
    if row.value is None:
        return "no value"
    if not compare.directional(row.polarity):
        return "no polarity"
    if row.kent_value is None:
        return "no Kent figure"
    if len(values) < MIN_SPREAD:
        return f"only {len(values)} districts reported"
    if max(values) > 0 and row.kent_value > 1.5 * max(values):
        return "Kent's figure is a county total"  # the districts' shares of it, not a benchmark
    return None


@lru_cache(maxsize=4096)  # a district switch prints Kent's, the worst and the best figures again
def value_text(value: float) -> str:
    """A figure as the columns print it: at most one decimal place for large values."""
    return format_number(round(value, 1) if abs(value) >= 100 else round(value, 2))
