"""Where an indicator is compared: its newest comparable period, a newer figure of the district's own
beside it, no rank over too few districts, missing figures shown, reporting years chosen."""

from vfk_desktop.domain.fare import IndicatorFacts, StatedRange, assess, placement
from vfk_desktop.domain.model import Figure, Indicator, Polarity
from vfk_desktop.domain.periods import parse_period

P = parse_period
TW = "Tunbridge Wells"
OTHERS = ["Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone", "Sevenoaks",
          "Shepway", "Swale", "Thanet", "Tonbridge and Malling"]


def spread(tw: float | None, start: float = 60.0, count: int = 11) -> dict[str, float]:
    values = {name: start + i for i, name in enumerate(OTHERS[:count])}
    return values | ({TW: tw} if tw is not None else {})


def facts(**changes) -> IndicatorFacts:
    base = dict(indicator=Indicator("NI 163", "Level 2", polarity=Polarity.HIGHER), locality=TW,
                values={P("2007"): Figure(68.0), P("2008"): Figure(70.9)},
                districts={P("2007"): spread(68.0), P("2008"): spread(70.9, start=65.0)},
                kent_values={P("2008"): Figure(67.8)}, kent_targets={P("2010/11"): Figure(75.6)})
    return IndicatorFacts(**(base | changes))


def test_a_newer_figure_of_the_districts_own_is_shown_beside_the_comparison_never_ranked():
    newer = facts().values | {P("2009"): Figure(73.0, "73.0")}
    districts = facts().districts | {P("2009"): {TW: 73.0}}
    row = assess(facts(values=newer, districts=districts))
    assert row.period == P("2008") and row.value == 70.9
    assert (row.rank, row.of, row.comparable, row.districts_reported) == (6, 12, True, 12)
    assert row.kent_value == 67.8 and row.kent_best == 75.0
    assert row.own_newer_period == P("2009") and row.own_newer.value == 73.0
    assert row.own_newer_reported == 1
    assert row.to_json()["own_newer"] == {"period": "2009", "value": 73}


def test_a_chosen_period_with_too_few_districts_has_no_rank_and_says_how_many_reported():
    districts = facts().districts | {P("2009"): {TW: 73.0, "Dover": 71.0, "Swale": 60.0}}
    row = assess(facts(values=facts().values | {P("2009"): Figure(73.0)}, districts=districts), P("2009"))
    assert row.period == P("2009") and row.value == 73.0
    assert (row.rank, row.of, row.kent_best, row.kent_worst) == (None, None, None, None)
    assert not row.comparable and row.districts_reported == 3 and not row.rankable


def test_there_is_never_a_rank_of_one_of_one():
    row = assess(facts(values={P("2009"): Figure(73.0)}, districts={P("2009"): {TW: 73.0}}))
    assert row.period == P("2009") and row.rank is None and row.of is None
    assert (row.kent_best, row.kent_worst) == (None, None)


def test_the_minimum_is_a_setting():
    nine = {P("2009"): spread(73.0, count=8)}  # 9 districts
    assert assess(facts(districts=nine, values={P("2009"): Figure(73.0)})).rank is not None
    strict = assess(facts(districts=nine, values={P("2009"): Figure(73.0)}, min_districts=10))
    assert strict.rank is None and strict.districts_reported == 9


def test_a_stated_best_and_worst_make_a_period_comparable_without_the_districts():
    stated = {P("2008/09"): StatedRange(Figure(27.7), Figure(20.6))}
    row = assess(facts(values={P("2008/09"): Figure(24.0)}, districts={P("2008/09"): {TW: 24.0}},
                       stated=stated))
    assert row.comparable and (row.kent_best, row.kent_worst) == (27.7, 20.6)
    assert row.rank is None and row.districts_reported == 1


def test_a_suppressed_figure_is_shown_as_such_with_no_fallback_to_an_older_period():
    values = facts().values | {P("2009"): Figure(None, "*", "suppressed")}
    districts = facts().districts | {P("2009"): spread(None, start=50.0)}
    row = assess(facts(values=values, districts=districts))
    assert row.period == P("2009") and row.value is None and row.value_text == "*"
    assert row.missing == "suppressed" and row.rank is None and row.comparable
    assert row.own_newer is None


def test_no_figure_at_the_compared_period_is_not_available():
    districts = facts().districts | {P("2009"): spread(None, start=50.0)}
    row = assess(facts(districts=districts))
    assert row.period == P("2009") and row.value is None and row.missing == "not available"


def test_a_reporting_year_takes_the_calendar_year_that_ends_inside_it():
    row = assess(facts(), P("2008/09"))
    assert row.period == P("2008") and row.value == 70.9 and row.rank == 6


def test_a_reporting_year_prefers_a_whole_year_then_the_latest_comparable_quarter():
    quarters = {P("2009/10 Q1"): spread(70.0), P("2009/10 Q2"): spread(71.0),
                P("2009/10 Q3"): {TW: 72.0}}
    values = {p: Figure(v[TW]) for p, v in quarters.items()}
    row = assess(facts(values=values, districts=quarters), P("2009/10"))
    assert row.period == P("2009/10 Q2") and row.value == 71.0 and row.rank
    assert row.own_newer_period == P("2009/10 Q3")
    annual = quarters | {P("2009/10"): spread(69.0)}
    values |= {P("2009/10"): Figure(69.0)}
    assert assess(facts(values=values, districts=annual), P("2009/10")).period == P("2009/10")


def test_an_exact_period_is_compared_as_it_is():
    place = placement(facts(), P("2008/09"), exact=True)
    assert place.period == P("2008/09") and place.districts_reported == 0


def test_the_districts_chart_shows_every_district_and_says_why_a_figure_is_missing():
    from vfk_desktop.domain.charts import districts_chart

    districts = facts().districts | {P("2009"): spread(None, start=50.0, count=10)}
    chart = districts_chart(facts(
        districts=districts, values=facts().values | {P("2009"): Figure(None, "*", "suppressed")},
        district_missing={P("2009"): {TW: "suppressed"}}, all_districts=tuple([*OTHERS, TW])))
    assert chart.period == P("2009") and len(chart.bars) == 12
    last = {bar.district: bar for bar in chart.bars[-2:]}
    assert last[TW].value is None and last[TW].missing == "suppressed" and last[TW].highlighted
    assert last["Tonbridge and Malling"].missing == "not available"
    assert [bar.rank for bar in chart.bars[:10]] == list(range(1, 11))
    assert chart.headline == "Tunbridge Wells: figure suppressed"


def test_the_districts_chart_gives_no_rank_where_too_few_reported():
    from vfk_desktop.domain.charts import districts_chart

    chart = districts_chart(facts(values={P("2009"): Figure(73.0)}, districts={P("2009"): {TW: 73.0}}))
    assert [bar.rank for bar in chart.bars] == [0]
    assert "1 of 12 districts reported, not ranked" in chart.headline and "1st" not in chart.headline
