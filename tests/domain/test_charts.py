"""Chart data: order by polarity, right is better on the range, the highlight, periods in time order."""

from __future__ import annotations

from vfk_desktop.domain.charts import normalised, ordinal
from vfk_desktop.domain.model import Polarity, Priority
from vfk_desktop.domain.periods import parse_period
from vfk_desktop.facts.charts import districts_data, priorities_status_data, range_data, trend_data
from vfk_desktop.facts.fare import fare_table


def test_lower_is_better_sorts_ascending_and_higher_descending(sample_store):
    ni39 = districts_data(sample_store, "Tunbridge Wells", "NI 39")
    assert ni39.polarity is Polarity.LOWER
    values = [bar.value for bar in ni39.bars]
    assert values == sorted(values) and len(values) == 12
    ni163 = districts_data(sample_store, "Tunbridge Wells", "NI 163")
    values = [bar.value for bar in ni163.bars]
    assert values == sorted(values, reverse=True)
    assert [b.rank for b in ni163.bars][0] == 1


def test_the_locality_alone_is_highlighted_and_the_title_says_where_it_stands(sample_store):
    data = districts_data(sample_store, "Tunbridge Wells", "NI 163")
    highlighted = [b for b in data.bars if b.highlighted]
    assert [(b.district, b.value, b.rank) for b in highlighted] == [("Tunbridge Wells", 70.9, 6)]
    assert data.headline == "Tunbridge Wells: 6th of 12, worse than target"
    assert (data.kent_target, data.target_period.label) == (75.6, "2010/11")
    assert districts_data(sample_store, "Tunbridge Wells", "NI 155").headline.endswith("no Kent target")
    assert districts_data(sample_store, "Tunbridge Wells", "NI 32") is None  # no values anywhere


def test_range_positions_put_better_to_the_right_whatever_the_polarity():
    assert normalised(1009, best=1009, worst=1798) == 1.0  # lower is better: the best is the low one
    assert normalised(1798, best=1009, worst=1798) == 0.0
    assert normalised(77.6, best=77.6, worst=58.7) == 1.0  # higher is better
    assert 0 < normalised(70.9, best=77.6, worst=58.7) < 1
    assert normalised(5, best=5, worst=5) == 1.0


def test_range_rows_follow_the_fare_table_and_leave_out_what_cannot_be_placed(sample_store):
    data = range_data(sample_store, "Tunbridge Wells")
    rows = {r.code: r for r in data.rows}
    assert [r.code for r in data.rows][:2] == ["NI 163", "NI 21"]
    assert rows["NI 111"].position == 1.0  # 8 is the Kent best (lower is better)
    assert rows["NI 39"].position > rows["NI 39"].target_position - 1e-9  # met the target: not left of it
    assert rows["NI 155"].target_position is None  # no target
    assert "NI 32" in data.left_out
    order = [r.priority for r in data.rows]
    assert order == sorted(order, key=lambda p: p.order if p else 3)


def test_trend_periods_in_time_order_with_mixed_kinds(sample_store):
    from vfk_desktop.store.edits import set_figure

    set_figure(sample_store, "Tunbridge Wells", "NI 39", "2009 Q2", "value", "1,200")
    data = trend_data(sample_store, "Tunbridge Wells", "NI 39")
    periods = [p.period for p in data.points]
    assert periods == sorted(periods)
    assert [p.label for p in periods] == ["2006/07", "2007/08", "2008/09", "2009 Q2", "2010/11"]
    assert parse_period("2009 Q2") in periods


def test_priorities_status_counts_match_the_fare_table(sample_store):
    data = priorities_status_data(sample_store, "Tunbridge Wells")
    rows = fare_table(sample_store, "Tunbridge Wells")
    high = [r for r in rows if r.priority is Priority.HIGH]
    assert sum(data.counts[Priority.HIGH].values()) == len(high)


def test_ordinals():
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd"]
