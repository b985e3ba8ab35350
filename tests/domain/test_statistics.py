"""Intervals, significance, quartiles, Kent from its districts and target assurance, each checked
against values worked out another way: scipy's own intervals and distributions, and worked
examples published with the methods."""

import math

import numpy as np
import pytest
from scipy.stats import binomtest, chi2, poisson

from vfk_desktop.domain.model import Polarity
from vfk_desktop.domain.periods import parse_period
from vfk_desktop.domain.statistics import (
    Z95,
    Z998,
    Counts,
    Interval,
    Significance,
    ValueType,
    byar,
    exact_poisson,
    interval,
    kent_disagrees,
    kent_from_districts,
    poisson_limits,
    quartile,
    rate_interval,
    significance,
    target_assurance,
    wilson,
)
from vfk_desktop.domain.trend import (
    DECREASING_BETTER,
    INCREASING,
    INCREASING_BETTER,
    INCREASING_WORSE,
    NO_CHANGE,
    NOT_CALCULATED,
    recent_points,
    recent_trend,
)

# Newcombe RG (1998) Stat Med 17:857-872, Table II, method 3 (the Wilson score interval)
NEWCOMBE = [((81, 263), (0.2553, 0.3662)), ((15, 148), (0.0624, 0.1605)),
            ((0, 20), (0.0, 0.1611)), ((1, 29), (0.0061, 0.1718))]


@pytest.mark.parametrize(("given", "published"), NEWCOMBE)
def test_wilson_matches_newcombes_worked_examples(given, published):
    found = wilson(*given, z=Z95, multiplier=1)
    assert (round(found.low, 4), round(found.high, 4)) == published


@pytest.mark.parametrize(("count", "denominator"), [(3, 40), (130, 410), (7_000, 9_800), (50, 50)])
@pytest.mark.parametrize(("z", "level"), [(Z95, 0.95), (Z998, 0.998)])
def test_wilson_agrees_with_scipys_wilson_interval(count, denominator, z, level):
    theirs = binomtest(count, denominator).proportion_ci(confidence_level=level, method="wilson")
    ours = wilson(count, denominator, z, multiplier=100)
    # scipy uses the exact normal quantile (1.959964…, 3.090232…), we the guidance's rounded z
    assert ours.low == pytest.approx(theirs.low * 100, abs=0.01)
    assert ours.high == pytest.approx(theirs.high * 100, abs=0.01)
    assert ours.contains(count / denominator * 100)


def test_a_wider_level_gives_a_wider_interval():
    narrow, wide = wilson(130, 410, Z95), wilson(130, 410, Z998)
    assert wide.low < narrow.low < narrow.high < wide.high


@pytest.mark.parametrize("count", range(0, 10))
@pytest.mark.parametrize(("z", "alpha"), [(Z95, 0.05), (Z998, 0.002)])
def test_exact_poisson_limits_leave_half_the_error_on_each_side(count, z, alpha):
    found = exact_poisson(count, z)
    # the upper limit: the mean at which seeing `count` or fewer is alpha/2 likely
    assert poisson.cdf(count, found.high) == pytest.approx(alpha / 2, rel=1e-6)
    if count == 0:
        assert found.low == 0
    else:  # the lower limit: the mean at which seeing `count` or more is alpha/2 likely
        assert poisson.sf(count - 1, found.low) == pytest.approx(alpha / 2, rel=1e-6)


def test_exact_poisson_matches_the_published_table():
    # the usual table of exact 95 % limits (e.g. PHE technical guide, Rates; Ulm 1990)
    assert tuple(round(x, 3) for x in (exact_poisson(0).low, exact_poisson(0).high)) == (0, 3.689)
    assert tuple(round(x, 2) for x in (exact_poisson(5).low, exact_poisson(5).high)) == (1.62, 11.67)


@pytest.mark.parametrize("count", [10, 25, 100, 1_000, 20_000])
def test_byar_is_close_to_the_exact_limits_from_ten_events(count):
    found = byar(count, Z95)
    exact_low, exact_high = chi2.ppf(0.025, 2 * count) / 2, chi2.ppf(0.975, 2 * count + 2) / 2
    assert found.low == pytest.approx(exact_low, rel=0.01)
    assert found.high == pytest.approx(exact_high, rel=0.01)


def test_counts_below_ten_take_the_exact_limits_and_ten_or_more_byars():
    assert poisson_limits(9, Z95) == exact_poisson(9, Z95)
    assert poisson_limits(10, Z95) == byar(10, Z95)
    with pytest.raises(ValueError, match="negative"):
        poisson_limits(-1)


def test_a_rate_scales_its_counts_limits():
    found = rate_interval(250, 120_000, Z95, 100_000)
    limits = byar(250, Z95)
    assert found.low == pytest.approx(limits.low / 120_000 * 100_000)
    assert found.high == pytest.approx(limits.high / 120_000 * 100_000)
    assert found.contains(250 / 120_000 * 100_000)


def test_a_stated_interval_wins_and_none_is_made_without_a_count():
    stated = Counts(count=130, denominator=410, lower_95=20.0, upper_95=40.0)
    assert interval(stated, ValueType.PROPORTION, 100, Z95) == Interval(20.0, 40.0)
    assert interval(stated, ValueType.PROPORTION, 100, Z998) == wilson(130, 410, Z998, 100)
    assert interval(Counts(denominator=410), ValueType.PROPORTION, 100) is None
    assert interval(Counts(130, 410), None, None) is None  # value type not known
    assert interval(Counts(130, 410), ValueType.MEAN, 1) is None  # no method for a mean
    assert interval(Counts(130, 410), ValueType.RATE, 1_000) == rate_interval(130, 410, Z95, 1_000)


@pytest.mark.parametrize(("benchmark", "polarity", "expected"), [
    (31.0, Polarity.HIGHER, Significance.SIMILAR),  # inside the interval
    (40.0, Polarity.HIGHER, Significance.WORSE),  # the district is below Kent, higher is better
    (40.0, Polarity.LOWER, Significance.BETTER),
    (20.0, Polarity.HIGHER, Significance.BETTER),
    (20.0, Polarity.LOWER, Significance.WORSE),
    (40.0, Polarity.NEITHER, Significance.LOWER),
    (20.0, None, Significance.HIGHER),
    (35.0, Polarity.HIGHER, Significance.SIMILAR),  # on the limit: still inside
])
def test_significance_against_a_benchmark(benchmark, polarity, expected):
    assert significance(30.0, Interval(25.0, 35.0), benchmark, polarity) is expected


def test_no_comparison_without_an_interval_or_a_benchmark():
    assert significance(30.0, None, 40.0, Polarity.HIGHER) is None
    assert significance(30.0, Interval(25, 35), None, Polarity.HIGHER) is None


@pytest.mark.parametrize(("rank", "of", "expected"), [
    (1, 12, 1), (3, 12, 1), (4, 12, 2), (6, 12, 2), (7, 12, 3), (9, 12, 3), (10, 12, 4), (12, 12, 4),
    (1, 8, 1), (2, 8, 1), (3, 8, 2), (8, 8, 4), (None, 12, None), (1, None, None), (13, 12, None)])
def test_quartiles_put_a_quarter_of_the_districts_in_each(rank, of, expected):
    assert quartile(rank, of) == expected


DISTRICTS = ("Ashford", "Dover", "Thanet")


def test_kent_is_worked_out_only_when_every_district_has_a_count_and_denominator():
    counts = {"Ashford": Counts(50, 1_000), "Dover": Counts(30, 500), "Thanet": Counts(20, 500)}
    assert kent_from_districts(counts, DISTRICTS, 100) == pytest.approx(100 / 2_000 * 100)
    assert kent_from_districts({**counts, "Thanet": Counts(20)}, DISTRICTS, 100) is None
    assert kent_from_districts({"Ashford": counts["Ashford"]}, DISTRICTS, 100) is None
    assert kent_from_districts(counts, DISTRICTS, None) is None


def test_a_stated_kent_more_than_half_a_percent_away_is_a_disagreement():
    assert not kent_disagrees(5.02, 5.0)  # 0.4 %
    assert kent_disagrees(5.03, 5.0)  # 0.6 %
    assert kent_disagrees(4.97, 5.0)


@pytest.mark.parametrize(("value", "spread", "target", "polarity", "expected"), [
    (30.0, Interval(25, 35), 33.0, Polarity.HIGHER, "worse than target, within the margin of error"),
    (30.0, Interval(25, 35), 40.0, Polarity.HIGHER, "worse than target, beyond the margin of error"),
    (30.0, Interval(25, 35), 20.0, Polarity.HIGHER, "better than target, beyond the margin of error"),
    (30.0, Interval(25, 35), 27.0, Polarity.LOWER, "worse than target, within the margin of error"),
    (30.0, Interval(25, 35), 30.0, Polarity.LOWER, "target met"),
    (30.0, None, 40.0, Polarity.HIGHER, None),
    (30.0, Interval(25, 35), 40.0, Polarity.NEITHER, None),
])
def test_target_assurance(value, spread, target, polarity, expected):
    assert target_assurance(value, spread, target, polarity) == expected


# --- the tested trend ------------------------------------------------------------------------
YEARS = [parse_period(f"{y}/{(y + 1) % 100:02d}") for y in range(2004, 2009)]


def points(values, half_width=1.0):
    return [(p, v, Interval(v - half_width, v + half_width)) for p, v in zip(YEARS, values, strict=True)]


def test_the_trend_slope_and_its_test_agree_with_numpys_weighted_fit():
    given = [(p, v, Interval(v - w, v + w)) for p, v, w in
             zip(YEARS, [50.0, 51.5, 52.1, 54.0, 55.2], [1.0, 1.5, 0.8, 2.0, 1.2], strict=True)]
    found = recent_trend(given, Polarity.HIGHER)
    errors = np.array([(s.high - s.low) / (2 * 1.96) for _, _, s in given])
    fit, cov = np.polyfit(np.arange(5), [v for _, v, _ in given], 1, w=1 / errors, cov="unscaled")
    assert found.slope == pytest.approx(fit[0])
    assert found.z == pytest.approx(fit[0] / math.sqrt(cov[0, 0]))
    assert found.label == INCREASING_BETTER and found.points == 5


def test_the_six_labels():
    rising = points([50, 52, 54, 56, 58], half_width=0.5)
    assert recent_trend(rising, Polarity.HIGHER).label == INCREASING_BETTER
    assert recent_trend(rising, Polarity.LOWER).label == INCREASING_WORSE
    assert recent_trend(rising, None).label == INCREASING
    assert recent_trend(points([58, 56, 54, 52, 50], 0.5), Polarity.LOWER).label == DECREASING_BETTER
    # the same rise with wide intervals is not significant at 99.8 %
    assert recent_trend(points([50, 52, 54, 56, 58], half_width=20), Polarity.HIGHER).label == NO_CHANGE
    too_few = recent_trend(points([50, 52, 54, 56, 58])[:4], Polarity.HIGHER)
    assert (too_few.label, too_few.reason, too_few.points) == (NOT_CALCULATED, "fewer than 5 points", 4)
    blind = [(p, v, None) for p, v, _ in rising]
    assert recent_trend(blind, Polarity.HIGHER).shown == "Could not be calculated (no intervals)"


def test_recent_points_are_the_newest_five_of_the_same_kind_up_to_the_period():
    values = {parse_period(f"{y}/{(y + 1) % 100:02d}"): float(y) for y in range(2000, 2010)}
    values[parse_period("2008")] = 1.0  # a calendar year: another kind of period
    chosen = parse_period("2007/08")
    found = recent_points(values, {}, chosen)
    assert [p.label for p, _, _ in found] == ["2003/04", "2004/05", "2005/06", "2006/07", "2007/08"]
