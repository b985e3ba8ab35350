"""A year's target profiled across its quarters, and a year-end forecast from the quarters so far.

Profiles (how far through the year's target each quarter should be):
- "equal": equal steps from last year's outturn to the target (Q1 a quarter of the way, Q4 the
  target); a level such as a percentage. Without last year's outturn every quarter has the target.
- "cumulative": a count that builds up through the year, given year to date: Q1 a quarter of it.
- "typed": the four quarterly targets as the officer typed them.

Forecasts (the year-end figure the quarters so far point to), named in every output:
- "last year's shape": this year's latest quarter scaled as last year's Q4 stood to the same
  quarter last year (used when last year has both of those quarters, the earlier one not zero);
- "straight line": otherwise; a cumulative figure grows at its rate so far (year to date x 4 / n),
  a level follows the least-squares line through this year's quarters to Q4.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from vfk_desktop.domain import compare
from vfk_desktop.domain.model import Polarity, Status
from vfk_desktop.domain.periods import Period, PeriodKind

METHODS = ("equal", "cumulative", "typed")
STRAIGHT_LINE = "straight line"
LAST_YEARS_SHAPE = "last year's shape"


def quarter_targets(method: str, annual: float, baseline: float | None = None,
                    typed: tuple[float | None, ...] = ()) -> tuple[float, ...]:
    """The target for Q1 to Q4 of a year whose target is annual."""
    if method == "typed":
        return tuple(float(q) for q in typed)  # type: ignore[arg-type]
    if method == "cumulative":
        return tuple(annual * n / 4 for n in range(1, 5))
    start = annual if baseline is None else baseline
    return tuple(start + (annual - start) * n / 4 for n in range(1, 5))


@dataclass(frozen=True)
class Forecast:
    """A year-end forecast from the quarters so far, and whether it is on track for the year's target."""

    period: Period  # the financial year forecast
    value: float
    on_track: bool | None  # None without a target or a polarity
    method: str

    def to_json(self) -> dict[str, object]:
        from vfk_desktop.domain.model import json_number

        return {"period": self.period.label, "value": json_number(round(self.value, 6)),
                "on_track": self.on_track, "method": self.method}

    @property
    def verdict(self) -> str:
        return {True: "on track", False: "at risk", None: "no target"}[self.on_track]


def straight_line(quarters: Mapping[int, float], cumulative: bool) -> float:
    """The year-end value the quarters so far (quarter number -> value) point to in a straight line."""
    last = max(quarters)
    if cumulative:
        return quarters[last] * 4 / last
    if len(quarters) == 1:
        return quarters[last]
    xs, ys = list(quarters), [quarters[q] for q in quarters]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = (sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
             / sum((x - mean_x) ** 2 for x in xs))
    return mean_y + slope * (4 - mean_x)


def last_years_shape(quarters: Mapping[int, float], last_year: Mapping[int, float]) -> float | None:
    """This year's latest quarter scaled by last year's Q4 over last year's same quarter."""
    last = max(quarters)
    if last in last_year and 4 in last_year and last_year[last]:
        return quarters[last] * last_year[4] / last_year[last]
    return None


def forecast(year: Period, quarters: Mapping[int, float], target: float | None,
             polarity: Polarity | None, cumulative: bool = False,
             last_year: Mapping[int, float] | None = None) -> Forecast | None:
    """The year-end forecast for year from its quarters so far; None before Q1 or after Q4 is in."""
    if not quarters or 4 in quarters:
        return None
    shaped = last_years_shape(quarters, last_year or {})
    value, method = (shaped, LAST_YEARS_SHAPE) if shaped is not None else (
        straight_line(quarters, cumulative), STRAIGHT_LINE)
    status = compare.vs_target(value, target, polarity)
    return Forecast(year, value, None if status is None else status is not Status.WORSE, method)


def financial_year_of(period: Period) -> Period:
    """The financial year a financial quarter (or year) falls in."""
    return Period(PeriodKind.FINANCIAL_YEAR, period.year)


def quarters_of(values: Mapping[Period, float], year: Period) -> dict[int, float]:
    """Quarter number -> value, for the financial quarters of year that have a value."""
    return {p.part: v for p, v in values.items()
            if p.kind is PeriodKind.FINANCIAL_QUARTER and p.year == year.year and v is not None}
