"""The XmR chart against series worked by hand: limits, each special-cause rule triggered and not,
improvement or concern by polarity, target assurance and the warning below 12 points."""

from __future__ import annotations

import pytest

from vfk_desktop.domain import spc
from vfk_desktop.domain.model import Polarity
from vfk_desktop.domain.periods import Period, PeriodKind


def months(values: list[float]) -> list[tuple[Period, float]]:
    return [(Period(PeriodKind.MONTH, 2009 + i // 12, i % 12 + 1), v) for i, v in enumerate(values)]


def chart(values: list[float], polarity: Polarity | None = Polarity.HIGHER, target: float | None = None):
    data = spc.spc_chart("NI 1", "Test", "%", "Dover", polarity, months(values), target)
    assert data is not None
    return data


def rules_at(data) -> list[set[str]]:
    return [set(p.rules) for p in data.points]


def test_limits_by_hand():
    # values 10 12 11 13 12 14 13 15 14 16 15 17: mean 13.5; ranges 2,1,2,1,2,1,2,1,2,1,2 -> 17/11
    values = [10, 12, 11, 13, 12, 14, 13, 15, 14, 16, 15, 17]
    data = chart(values)
    assert data.mean == pytest.approx(13.5)
    assert data.mean_moving_range == pytest.approx(17 / 11)
    assert data.upper == pytest.approx(13.5 + 2.66 * 17 / 11)
    assert data.lower == pytest.approx(13.5 - 2.66 * 17 / 11)
    assert data.points[0].moving_range is None and data.points[1].moving_range == 2
    assert data.warning is None


def test_a_point_beyond_a_limit_and_its_polarity():
    # eleven points alternating 10/11 and one of 20: mean 11.333, ranges mostly 1, two of 9/10
    values = [10, 11] * 5 + [10, 20]
    high = chart(values, Polarity.HIGHER)
    assert spc.BEYOND in high.points[-1].rules
    assert high.points[-1].variation == spc.IMPROVEMENT
    assert all(spc.BEYOND not in p.rules for p in high.points[:-1])
    low = chart(values, Polarity.LOWER)
    assert low.points[-1].variation == spc.CONCERN
    assert chart(values, Polarity.NEITHER).points[-1].variation == spc.NEITHER


def test_seven_on_one_side_of_the_mean_and_six_not():
    # 6 low then 6 high: mean 5.5 exactly between; no run reaches 7
    six = [8, 3, 8, 3, 8, 3, 6, 6, 6, 6, 6, 6, 3]  # mean 72 / 13 = 5.54: six 6s above it
    assert not any(spc.SHIFT in r for r in rules_at(chart(six)))
    seven = [8, 3, 8, 3, 8, 3, 6, 6, 6, 6, 6, 6, 6]  # mean 75 / 13 = 5.77: seven 6s above it
    data = chart(seven)
    marked = [i for i, r in enumerate(rules_at(data)) if spc.SHIFT in r]
    assert marked == list(range(6, 13))
    assert data.points[10].variation == spc.IMPROVEMENT


def test_a_point_on_the_mean_breaks_a_run():
    values = [1, 1, 1, 3, 3, 3, 2, 3, 3, 3, 3, 1, 1, 1]  # mean 2: 3 above, one on it, 4 above
    assert not any(spc.SHIFT in r for r in rules_at(chart(values)))


def test_seven_rising_and_six_not():
    rising7 = [5, 3, 5, 3, 1, 2, 3, 4, 5, 6, 7, 3]  # 1..7: seven points, six rises
    data = chart(rising7, Polarity.LOWER)
    marked = [i for i, r in enumerate(rules_at(data)) if spc.TREND in r]
    assert marked == [4, 5, 6, 7, 8, 9, 10]
    assert data.points[6].variation == spc.CONCERN  # rising when lower is better
    rising6 = [5, 3, 5, 3, 1, 2, 3, 4, 5, 6, 3, 3]
    assert not any(spc.TREND in r for r in rules_at(chart(rising6)))
    falling7 = [3, 5, 3, 5, 7, 6, 5, 4, 3, 2, 1, 5]
    assert [i for i, r in enumerate(rules_at(chart(falling7))) if spc.TREND in r] == list(range(4, 11))


def test_two_of_three_beyond_two_thirds():
    # 16 points alternating 10/12, then 16 16 11 11: mean 230 / 20 = 11.5; moving ranges
    # 15 x 2 + 4 + 0 + 5 + 0 = 39 over 19; upper 11.5 + 2.66 x 39 / 19 = 16.96; two thirds 15.14
    base = [10, 12] * 8
    data = chart([*base, 16, 16, 11, 11])
    assert data.upper == pytest.approx(11.5 + 2.66 * 39 / 19)
    high_zone = 11.5 + 2.66 * 39 / 19 * 2 / 3
    assert high_zone < 16 < data.upper  # in the zone, not beyond the limit
    marked = [i for i, r in enumerate(rules_at(data)) if spc.TWO_OF_THREE in r]
    assert marked == [16, 17]
    assert all(spc.BEYOND not in r for r in rules_at(data))
    one = chart([*base, 16, 11, 11, 11])  # only one of three in the zone
    assert not any(spc.TWO_OF_THREE in r for r in rules_at(one))
    split = chart([*base, 16, 6, 11, 11])  # one each side is not two on one side
    assert not any(spc.TWO_OF_THREE in r for r in rules_at(split))


def test_common_cause_has_no_variation():
    data = chart([10, 12, 11, 10, 12, 11, 12, 10, 11, 12, 10, 11])
    assert all(not p.rules and p.variation is None for p in data.points)
    assert data.latest_variation == "common cause"


def test_target_assurance():
    values = [10, 12, 11, 10, 12, 11, 12, 10, 11, 12, 10, 11]  # limits about 8.3 to 13.8
    assert chart(values, Polarity.HIGHER, target=5).assurance == spc.MET
    assert chart(values, Polarity.HIGHER, target=20).assurance == spc.MISSED
    assert chart(values, Polarity.LOWER, target=5).assurance == spc.MISSED
    assert chart(values, Polarity.LOWER, target=20).assurance == spc.MET
    assert chart(values, Polarity.HIGHER, target=11.5).assurance == spc.HIT_AND_MISS
    assert chart(values, Polarity.NEITHER, target=5).assurance is None
    assert chart(values, Polarity.HIGHER).assurance is None


def test_warning_below_twelve_points_and_nothing_below_two():
    assert chart([1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3]).warning.startswith("Only 11 points")
    assert spc.spc_chart("NI 1", "T", None, "Dover", Polarity.HIGHER, months([4])) is None


def test_table_and_alt_text():
    data = chart([10, 12, 11, 10, 12, 11, 12, 10, 11, 12, 10, 11], target=5)
    table = data.table()
    assert table[0][:3] == ["Period", "Value", "Moving range"] and len(table) == 13
    assert table[1][:3] == ["Jan 2009", "10", ""]
    text = data.alt_text()
    assert "Dover NI 1, 12 points from Jan 2009 to Dec 2009" in text and "consistently met" in text


def test_a_mixed_series_keeps_the_kind_with_most_points():
    years = {Period(PeriodKind.FINANCIAL_YEAR, 2008): 1.0, Period(PeriodKind.FINANCIAL_YEAR, 2009): 2.0}
    quarters = {Period(PeriodKind.FINANCIAL_QUARTER, 2009, q): float(q) for q in (1, 2, 3)}
    chosen = spc.chosen_series(years | quarters)
    assert [p.label for p, _ in chosen] == ["2009/10 Q1", "2009/10 Q2", "2009/10 Q3"]
