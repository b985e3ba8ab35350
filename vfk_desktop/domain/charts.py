"""What each chart shows, worked out here so the drawing code only draws.

Districts: one indicator's 12 district values, best to worst. Range: every indicator's place between
the Kent worst (0) and best (1), so that right is better whatever the polarity. Trend: the locality,
Kent and the target over time. Priorities: red, amber and green counts in each priority band.
"""

from __future__ import annotations

from dataclasses import dataclass

from vfk_desktop.domain import compare
from vfk_desktop.domain.fare import FareRow, IndicatorFacts, assess, status_counts
from vfk_desktop.domain.fare_statistics import intervals_of
from vfk_desktop.domain.localities import DISTRICT_COUNT
from vfk_desktop.domain.model import Polarity, Priority, Rag, Status, format_number
from vfk_desktop.domain.periods import Period
from vfk_desktop.domain.statistics import Interval

STATUS_WORDS = {Status.BETTER: "better than target", Status.MET: "on target",
                Status.WORSE: "worse than target"}


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class Bar:
    """One district's bar in the districts chart: its value (or why there is none), rank and interval."""

    district: str
    value: float | None  # None: the district's figure is missing ("suppressed", …)
    rank: int  # 0 where the period cannot be ranked or the figure is missing
    highlighted: bool
    missing: str | None = None
    low: float | None = None  # the 95 % interval, where counts are stored
    high: float | None = None


@dataclass(frozen=True)
class DistrictsData:
    """The districts chart of one indicator: the 12 districts' bars at a period, with Kent and its target."""

    code: str
    title: str
    unit: str | None
    period: Period
    polarity: Polarity | None
    locality: str
    bars: tuple[Bar, ...]  # best first when the polarity is known, else by name
    kent_value: float | None
    kent_target: float | None
    target_period: Period | None
    row: FareRow
    headline: str  # "Tunbridge Wells: 6th of 12, on target"
    comparators: tuple[tuple[str, float], ...] = ()  # England, South East … at the period

    def table(self) -> list[list[str]]:
        """The figures behind the chart, a header row first."""
        rows = [["District", "Value", "Rank", "Lower 95 %", "Upper 95 %", "Note"]]
        for bar in self.bars:
            rows.append([bar.district, format_number(bar.value), str(bar.rank or ""),
                         format_number(bar.low), format_number(bar.high), bar.missing or ""])
        rows.append(["Kent", format_number(self.kent_value), "", "", "", ""])
        rows += [[name, format_number(value), "", "", "", "comparator"] for name, value in self.comparators]
        if self.kent_target is not None:
            when = f" ({self.target_period.label})" if self.target_period else ""
            rows.append([f"Kent target{when}", format_number(self.kent_target), "", "", "", ""])
        return rows

    def alt_text(self) -> str:
        """"Tunbridge Wells 70.9 %, 6th of 12; Kent 67.8 %; target 75.6 %" and the period."""
        unit = f" {self.unit}" if self.unit == "%" else ""
        own = next((b for b in self.bars if b.highlighted), None)
        parts = [f"{self.code} {self.title}, {self.period.label}"]
        if own is not None and own.value is not None:
            rank = f", {ordinal(own.rank)} of {len(self.bars)}" if own.rank else ""
            parts.append(f"{own.district} {format_number(own.value)}{unit}{rank}")
        elif own is not None:
            parts.append(f"{own.district} {own.missing or 'no figure'}")
        if self.kent_value is not None:
            parts.append(f"Kent {format_number(self.kent_value)}{unit}")
        if self.kent_target is not None:
            parts.append(f"target {format_number(self.kent_target)}{unit}")
        return "; ".join(parts)


@dataclass(frozen=True)
class RangeRow:
    """One indicator on the range chart: where the locality sits between the Kent worst and best."""

    code: str
    title: str
    priority: Priority | None
    position: float  # the locality: 0 = the Kent worst, 1 = the Kent best
    target_position: float | None
    rag: Rag | None
    row: FareRow


@dataclass(frozen=True)
class RangeData:
    """The range chart of a locality: each indicator placed between the Kent worst and best."""

    locality: str
    rows: tuple[RangeRow, ...]  # High first, in the fare table's order
    left_out: tuple[str, ...]  # codes without a value, a polarity or a best/worst spread

    def table(self) -> list[list[str]]:
        rows = [["Code", "Indicator", "Priority", "Value", "Kent worst", "Kent best", "Kent target",
                 "Position (0 worst, 1 best)", "Status"]]
        for r in self.rows:
            rows.append([r.code, r.title, r.priority.value if r.priority else "", format_number(r.row.value),
                         format_number(r.row.kent_worst), format_number(r.row.kent_best),
                         format_number(r.row.kent_target), format_number(round(r.position, 3)),
                         r.rag.value if r.rag else ""])
        return rows

    def alt_text(self) -> str:
        top = sum(1 for r in self.rows if r.position >= 0.5)
        return (f"Where {self.locality} sits between the Kent worst and best: {len(self.rows)} indicators, "
                f"{top} in the better half" + (f"; {len(self.left_out)} not placed" if self.left_out else ""))


@dataclass(frozen=True)
class TrendPoint:
    """One period of the trend chart: the locality's value and interval, Kent's, the target, comparators."""

    period: Period
    value: float | None
    kent: float | None
    target: float | None
    low: float | None = None  # the locality's 95 % interval, where counts are stored
    high: float | None = None
    comparators: tuple[tuple[str, float], ...] = ()  # England, South East … where stored


@dataclass(frozen=True)
class TrendData:
    """The trend chart of one indicator: the locality, Kent and the target over time."""

    code: str
    title: str
    unit: str | None
    locality: str
    points: tuple[TrendPoint, ...]  # in time order
    row: FareRow  # the latest period's row (direction of travel)

    @property
    def comparator_names(self) -> list[str]:
        return sorted({name for p in self.points for name, _ in p.comparators})

    @property
    def why_empty(self) -> str | None:
        """Why there is nothing to draw, or None."""
        if any(p.value is not None or p.kent is not None for p in self.points):
            return None
        return f"No figures over time for {self.code} yet: neither {self.locality} nor Kent has a value."

    def table(self) -> list[list[str]]:
        names = self.comparator_names
        rows = [["Period", self.locality, "Lower 95 %", "Upper 95 %", "Kent", "Kent target", *names]]
        for p in self.points:
            found = dict(p.comparators)
            rows.append([p.period.label, format_number(p.value), format_number(p.low), format_number(p.high),
                         format_number(p.kent), format_number(p.target),
                         *(format_number(found.get(n)) for n in names)])
        return rows

    def alt_text(self) -> str:
        own = [(p.period.label, p.value) for p in self.points if p.value is not None]
        if not own:
            return self.why_empty or f"{self.locality} has no figure for {self.code}."
        series = ", ".join(f"{label} {format_number(v)}" for label, v in own)
        return f"{self.code} {self.title}, {self.locality} over time: {series}"


@dataclass(frozen=True)
class PrioritiesStatusData:
    """The priorities chart of a locality: its red, amber and green indicators in each priority band."""

    locality: str
    counts: dict[Priority | None, dict[Rag | None, int]]

    def table(self) -> list[list[str]]:
        bands = [Priority.HIGH, Priority.MEDIUM, Priority.LOW]
        rows = [["Priority", "Red", "Amber", "Green", "No status"]]
        for band in bands:
            found = self.counts.get(band, {})
            rows.append([band.value, *(str(found.get(rag, 0))
                                       for rag in (Rag.RED, Rag.AMBER, Rag.GREEN, None))])
        return rows

    def alt_text(self) -> str:
        return f"{self.locality}, status by priority: " + "; ".join(
            f"{row[0]} {row[1]} red, {row[2]} amber, {row[3]} green" for row in self.table()[1:])


def districts_chart(facts: IndicatorFacts, period: Period | None = None, exact: bool = False
                    ) -> DistrictsData | None:
    """The districts at the period the fare row compares; None when no district has a value there.
    Missing figures ("suppressed") come last, as empty bars with the word; ranks only where the
    period can be ranked. exact: at period itself (a history row), not its reporting year."""
    row = assess(facts, period, exact)
    chosen = row.period or max(facts.districts, default=None)
    values = facts.districts.get(chosen, {}) if chosen is not None else {}
    if chosen is None or not values:
        return None
    if compare.directional(row.polarity):
        ordered = compare.ranked(values, row.polarity)
    else:
        ordered = [(name, value, 0) for name, value in sorted(values.items())]
    ranked = len(values) >= facts.min_districts
    spread = {name: intervals_of(facts.indicator, counts)[0]
              for name, counts in facts.counts.get(chosen, {}).items()}
    bars = tuple(Bar(name, value, rank if ranked else 0, name == facts.locality, None,
                     *_ends(spread.get(name))) for name, value, rank in ordered)
    missing = {name: "not available" for name in facts.all_districts} | dict(
        facts.district_missing.get(chosen, {}))
    bars += tuple(Bar(name, None, 0, name == facts.locality, why)
                  for name, why in sorted(missing.items()) if name not in values)
    return DistrictsData(
        code=row.code, title=row.title, unit=row.unit, period=chosen, polarity=row.polarity,
        locality=facts.locality, bars=bars, kent_value=row.kent_value, kent_target=row.kent_target,
        target_period=row.target_period, row=row, headline=headline(facts.locality, row),
        comparators=tuple(sorted((name, found[chosen]) for name, found in facts.comparators.items()
                                 if chosen in found)))


def _ends(spread: Interval | None) -> tuple[float | None, float | None]:
    return (spread.low, spread.high) if spread is not None else (None, None)


def headline(locality: str, row: FareRow) -> str:
    parts = [f"{ordinal(row.rank)} of {row.of}"] if row.rank else []
    if row.rank is None and row.period is not None and not row.comparable:
        parts.append(f"{row.districts_reported} of {DISTRICT_COUNT} districts reported, not ranked")
    if row.value is None and row.missing and row.missing != "not available":
        parts.append(f"figure {row.missing}")
    if row.vs_target is not None:
        parts.append(STATUS_WORDS[row.vs_target])
    elif row.value is not None and row.kent_target is None:
        parts.append("no Kent target")
    return f"{locality}: {', '.join(parts)}" if parts else f"{locality}: no figure"


def normalised(value: float, best: float, worst: float) -> float:
    """Where value sits from worst (0) to best (1), whatever the polarity; clipped to the range."""
    if best == worst:
        return 1.0
    return min(1.0, max(0.0, (value - worst) / (best - worst)))


def range_chart(locality: str, rows: list[FareRow]) -> RangeData:
    placed, left_out = [], []
    for row in rows:
        if row.value is None or row.kent_best is None or row.kent_worst is None \
                or not compare.directional(row.polarity):
            left_out.append(row.code)
            continue
        target = (normalised(row.kent_target, row.kent_best, row.kent_worst)
                  if row.kent_target is not None else None)
        placed.append(RangeRow(row.code, row.title, row.priority,
                               normalised(row.value, row.kent_best, row.kent_worst), target, row.rag, row))
    return RangeData(locality, tuple(placed), tuple(left_out))


def trend_chart(facts: IndicatorFacts) -> TrendData:
    row = assess(facts)
    periods = sorted(set(facts.values) | set(facts.kent_values) | set(facts.kent_targets))
    points = []
    for period in periods:
        own, kent = facts.values.get(period), facts.kent_values.get(period)
        target = facts.kent_targets.get(period)
        counts = facts.own_counts.get(period)
        spread = intervals_of(facts.indicator, counts)[0] if counts else None
        points.append(TrendPoint(period, own.value if own else None, kent.value if kent else None,
                                 target.value if target else None,
                                 spread.low if spread else None, spread.high if spread else None,
                                 tuple(sorted((name, found[period])
                                              for name, found in facts.comparators.items()
                                              if period in found))))
    return TrendData(row.code, row.title, row.unit, facts.locality, tuple(points), row)


def priorities_chart(locality: str, rows: list[FareRow]) -> PrioritiesStatusData:
    return PrioritiesStatusData(locality, status_counts(rows))
