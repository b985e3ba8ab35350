"""The spine chart, funnel plot and tile map data, checked against numpy and scipy computed here."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.stats import binom, poisson

from vfk_desktop.domain.funnel import NoFunnel, funnel_limits
from vfk_desktop.domain.model import Polarity, Priority
from vfk_desktop.domain.spine import percentile
from vfk_desktop.domain.statistics import ValueType
from vfk_desktop.domain.tile_map import COLUMNS, LAYOUT, MEDWAY, ROWS
from vfk_desktop.facts.charts import funnel_data, spine_data, tile_map_data
from vfk_desktop.facts.fare import indicator_facts

VALUES = [58.7, 60.9, 65.7, 59.5, 62.8, 76.6, 73.5, 60.0, 76.2, 77.6, 71.1, 70.9]


@pytest.mark.parametrize("share", [0.0, 0.25, 0.5, 0.75, 1.0, 0.1])
def test_percentiles_agree_with_numpy(share):
    assert percentile(VALUES, share) == pytest.approx(float(np.percentile(VALUES, share * 100)))
    assert percentile(VALUES[:5], share) == pytest.approx(float(np.percentile(VALUES[:5], share * 100)))


def test_spine_rows_are_grouped_high_medium_low_and_right_is_better(sample_store):
    data = spine_data(sample_store, "Tunbridge Wells")
    bands = [row.priority for row in data.rows]
    order = [Priority.HIGH, Priority.MEDIUM, Priority.LOW, None]
    assert bands == sorted(bands, key=order.index) and bands[0] is Priority.HIGH
    assert any(row.polarity is Polarity.LOWER for row in data.rows)
    for row in data.rows:
        spread = sorted(indicator_facts(sample_store, "Tunbridge Wells", row.code).districts[row.row.period]
                        .values())
        low, high = np.percentile(spread, 25), np.percentile(spread, 75)
        if row.polarity is Polarity.HIGHER:
            assert (row.worst, row.best) == (min(spread), max(spread))
            assert (row.worse_quartile, row.better_quartile) == pytest.approx((low, high))
        else:  # lower is better: the smallest value is the best, the 25th percentile the better quartile
            assert (row.worst, row.best) == (max(spread), min(spread))
            assert (row.worse_quartile, row.better_quartile) == pytest.approx((high, low))
        positions = [row.position(v) for v in (row.worst, row.worse_quartile, row.better_quartile, row.best)]
        assert positions == sorted(positions), row.code  # worst at the left, best at the right
        assert row.position(row.kent) == 0.5 and min(positions) >= 0 and max(positions) <= 1
        assert min(positions) == pytest.approx(0) or max(positions) == pytest.approx(1)


def test_spine_marks_significance_and_says_what_it_left_out(sample_store):
    data = spine_data(sample_store, "Tunbridge Wells")
    by_code = {row.code: row for row in data.rows}
    assert by_code["NI 187i"].significance.value == "worse" and by_code["NI 187i"].marker < 0.5
    assert by_code["NI 163"].significance.value == "better" and by_code["NI 163"].marker > 0.5
    assert dict(data.left_out)["NI 155"] == "Kent's figure is a county total"
    assert dict(data.left_out)["NI 110"] == "no value"
    table = data.table()
    assert table[0][:4] == ["Priority", "Code", "Indicator", "Value"] and len(table) == len(data.rows) + 1
    assert "worse than Kent: NI 187i" in data.alt_text()


@pytest.mark.parametrize("n", [30, 200, 1000, 60000])
@pytest.mark.parametrize("level", [0.95, 0.998])
def test_proportion_limits_sit_on_the_exact_binomial_quantiles(n, level):
    p, tail = 0.245, (1 - level) / 2
    low, high = funnel_limits(24.5, n, level, ValueType.PROPORTION, 100)
    for limit, q in ((low, tail), (high, 1 - tail)):
        r = binom.ppf(q, n, p)
        assert (r - 1) / n * 100 <= limit <= r / n * 100  # between the discrete steps
        at, below = binom.cdf(r, n, p), binom.cdf(r - 1, n, p)
        assert limit == pytest.approx((r - (at - q) / (at - below)) / n * 100)
    if n >= 1000:  # large samples: close to the normal approximation
        z = {0.95: 1.959964, 0.998: 3.090232}[level]
        half = z * np.sqrt(p * (1 - p) / n) * 100
        assert low == pytest.approx(24.5 - half, abs=0.15) and high == pytest.approx(24.5 + half, abs=0.15)


@pytest.mark.parametrize("n", [5000, 100000])
def test_rate_limits_sit_on_the_exact_poisson_quantiles(n):
    expected = 1309 / 100000 * n
    low, high = funnel_limits(1309, n, 0.998, ValueType.RATE, 100000)
    for limit, q in ((low, 0.001), (high, 0.999)):
        r = poisson.ppf(q, expected)
        assert (r - 1) / n * 100000 <= limit <= r / n * 100000
    assert low < 1309 < high


def test_funnel_names_the_districts_outside_the_limits(sample_store):
    data = funnel_data(sample_store, "Tunbridge Wells", "NI 21")
    facts = indicator_facts(sample_store, "Tunbridge Wells", "NI 21")
    counts = facts.counts[data.period]
    p = data.centre / 100
    for point in data.points:
        n = counts[point.district].denominator
        low = binom.ppf(0.025, n, p) / n * 100 - 1 / n * 100  # a step below the exact limit, at most
        high = binom.ppf(0.975, n, p) / n * 100
        if point.value > high or point.value < low:
            assert point.outside, point.district
    outside = {p.district: p.judgement for p in data.outside()}
    assert outside == {"Dover": "better", "Tonbridge and Malling": "worse"}
    own = next(p for p in data.points if p.highlighted)
    assert own.district == "Tunbridge Wells" and own.outside == 0
    text = data.alt_text()
    assert text.startswith("Tunbridge Wells 24 %, similar to Kent 24.5 % (inside the 95 % limits)")
    assert "Dover (better)" in text and "Tonbridge and Malling (worse)" in text
    assert len(data.table()) == 13


def test_an_indicator_without_denominators_has_no_funnel_and_says_why(sample_store):
    with pytest.raises(NoFunnel, match="NI 186 is a ratio, not a proportion or a rate"):
        funnel_data(sample_store, "Tunbridge Wells", "NI 186")
    with pytest.raises(NoFunnel, match="no funnel plot"):
        funnel_data(sample_store, "Tunbridge Wells", "NI 110")


def test_the_map_lays_twelve_tiles_without_overlap_like_kent():
    assert len(LAYOUT) == 12
    places = set(LAYOUT.values())
    assert len(places) == 12 and MEDWAY not in places
    assert all(0 <= c < COLUMNS and 0 <= r < ROWS for c, r in places)
    west_to_east = ["Dartford", "Gravesham", "Swale", "Canterbury", "Thanet"]
    assert [LAYOUT[d][0] for d in west_to_east] == sorted(LAYOUT[d][0] for d in west_to_east)
    assert LAYOUT["Tunbridge Wells"][1] > LAYOUT["Tonbridge and Malling"][1]  # south of it
    assert LAYOUT["Sevenoaks"][0] == 0 and LAYOUT["Thanet"] == (COLUMNS - 1, 0)


def test_the_map_marks_each_district_as_its_own_fare_row(sample_store):
    from vfk_desktop.facts.fare import fare_row

    data = tile_map_data(sample_store, "Tunbridge Wells", "NI 163")
    assert data.by == "significance" and len(data.tiles) == 12
    assert [t.district for t in data.tiles if t.highlighted] == ["Tunbridge Wells"]
    for tile in data.tiles:
        row = fare_row(sample_store, tile.district, "NI 163")
        assert tile.value == row.value
        assert tile.mark == (row.statistics.vs_kent_shown.value if row.statistics.vs_kent_shown
                             else "not compared")
    by_status = tile_map_data(sample_store, "Tunbridge Wells", "NI 186")
    assert by_status.by == "status"
    assert {t.district: t.mark for t in by_status.tiles}["Tunbridge Wells"] == "green"
    assert data.alt_text().startswith("NI 163 in 2008: Tunbridge Wells 70.9 (better than Kent), Kent 67.8.")
    assert data.table()[0] == ["District", "Value", "vs Kent"]


@pytest.mark.parametrize("q", [0.001, 0.025, 0.5, 0.975, 0.999])
def test_the_quantiles_match_scipy_stats(q):
    from vfk_desktop.domain.funnel import Binomial, CountTable, Poisson, ppf

    sizes = np.array([1, 7, 30, 333, 1000, 60000], dtype=float)
    for p in (0.003, 0.245, 0.709, 0.98):
        assert ppf(Binomial(sizes, p), q).tolist() == binom.ppf(q, sizes, p).tolist()
        assert [CountTable.binomial(int(n), p).quantile(q) for n in sizes] == binom.ppf(q, sizes, p).tolist()
    means = np.array([0.2, 3.0, 12.5, 80.0, 1309.0, 250000.0])
    assert ppf(Poisson(means), q).tolist() == poisson.ppf(q, means).tolist()
    assert [CountTable.poisson(m).quantile(q) for m in means] == poisson.ppf(q, means).tolist()


@pytest.mark.parametrize("n", [1, 7, 30, 333, 60000, 2_000_000])
def test_the_summed_distribution_functions_match_scipy_stats(n):
    from vfk_desktop.domain.funnel import CountTable

    for p in (1e-6, 0.003, 0.245, 0.98):
        table = CountTable.binomial(n, p)
        ks = np.unique(np.clip(np.round(n * p + np.array([-5, -1, 0, 1, 5]) * (n * p) ** 0.5), 0, n))
        assert [table.at(int(k)) for k in ks] == pytest.approx(binom.cdf(ks, n, p), rel=1e-9, abs=1e-15)
    table = CountTable.poisson(n * 0.013)
    ks = np.unique(np.maximum(np.round(n * 0.013 + np.array([-5, -1, 0, 1, 5]) * (n * 0.013) ** 0.5), 0))
    assert [table.at(int(k)) for k in ks] == pytest.approx(poisson.cdf(ks, n * 0.013), rel=1e-9, abs=1e-15)


def test_counts_too_many_to_sum_take_scipy_s_functions_and_the_same_limits():
    """A rate's expected count in the millions is left to scipy.special; the limits are the ones the
    summed tables give."""
    from vfk_desktop.domain.funnel import CountTable, _limits

    assert CountTable.poisson(1e7) is None and CountTable.poisson(1e6) is not None
    both = _limits(13.09, [3e10, 3e8], (0.95,), ValueType.RATE, 100)[0.95]  # one needs scipy: both take it
    summed = _limits(13.09, [3e8], (0.95,), ValueType.RATE, 100)[0.95]
    assert both[0][1] == pytest.approx(summed[0][0], rel=1e-9)
    assert both[1][1] == pytest.approx(summed[1][0], rel=1e-9)
    expected = 13.09 / 100 * 3e10
    r = poisson.ppf(0.975, expected)
    assert (r - 1) / 3e10 * 100 <= both[1][0] <= r / 3e10 * 100


def test_a_funnel_plot_is_worked_out_without_loading_scipy(sample_db):
    from tests.conftest import run_python

    done = run_python("import sys\n"
                      "from vfk_desktop.store.connection import open_store\n"
                      "from vfk_desktop.facts.charts import funnel_data\n"
                      f"data = funnel_data(open_store({str(sample_db)!r}), 'Tunbridge Wells', 'NI 21')\n"
                      "print(len(data.points), 'scipy' in sys.modules)")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["12", "False"]
