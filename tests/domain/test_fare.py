from vfk_desktop.domain.fare import IndicatorFacts, StatedRange, assess
from vfk_desktop.domain.model import Figure, Indicator, Polarity, Rag, Status
from vfk_desktop.domain.periods import parse_period

P0708, P0809, P1011 = (parse_period(t) for t in ("2007/08", "2008/09", "2010/11"))
TWELVE = {f"D{i}": float(i) for i in range(1, 12)} | {"Tunbridge Wells": 8.0}


def facts(**changes):
    base = dict(
        indicator=Indicator("NI 1", "Test", polarity=Polarity.HIGHER),
        locality="Tunbridge Wells",
        values={P0708: Figure(6.0), P0809: Figure(8.0)},
        districts={P0809: TWELVE},
        kent_values={P0809: Figure(6.5)},
        kent_targets={P1011: Figure(9.0)},
    )
    return IndicatorFacts(**(base | changes))


def test_a_row_from_complete_district_values():
    row = assess(facts())
    assert row.period == P0809 and row.value == 8.0
    assert (row.kent_best, row.kent_worst, row.range_source) == (11.0, 1.0, "districts")
    assert (row.rank, row.of) == (4, 12)
    assert row.target_period == P1011 and row.kent_target == 9.0
    assert row.vs_target is Status.WORSE and row.rag is Rag.RED
    assert row.vs_kent is Status.BETTER
    assert row.direction.value == "improved" and row.previous_period == P0708


def test_stated_best_and_worst_are_used_when_districts_are_missing():
    stated = {P0809: StatedRange(Figure(12.0), Figure(2.0))}
    row = assess(facts(districts={P0809: {"Tunbridge Wells": 8.0, "D1": 1.0}}, stated=stated))
    assert (row.kent_best, row.kent_worst, row.range_source) == (12.0, 2.0, "stated")
    # two districts are too few to rank: a stated best and worst still make the period comparable
    assert (row.rank, row.of, row.comparable, row.districts_reported) == (None, None, True, 2)


def test_polarity_is_inferred_from_stated_best_and_worst_when_the_catalogue_has_none():
    stated = {P0809: StatedRange(Figure(5.1), Figure(8.1))}
    row = assess(facts(indicator=Indicator("NI 186", "CO2"), stated=stated))
    assert row.polarity is Polarity.LOWER
    assert (row.kent_best, row.kent_worst) == (1.0, 11.0)  # worked out from all 12, by polarity


def test_without_polarity_there_is_no_status_rank_or_direction():
    row = assess(facts(indicator=Indicator("NI 1", "Test")))
    assert row.polarity is None
    assert (row.vs_target, row.rag, row.rank, row.direction, row.kent_best) == (None,) * 5


def test_latest_skips_periods_without_a_value_and_period_can_be_chosen():
    values = {P0708: Figure(6.0), P0809: Figure(None, "N/a")}
    row = assess(facts(values=values, districts={}))
    assert row.period == P0708 and row.value == 6.0
    chosen = assess(facts(values=values, districts={}), P0809)
    assert chosen.period == P0809 and chosen.value is None and chosen.value_text == "N/a"
    assert chosen.vs_target is None and chosen.rank is None


def test_an_na_target_means_no_status():
    row = assess(facts(kent_targets={P1011: Figure(None, "N/a")}))
    assert row.kent_target is None and row.kent_target_text == "N/a"
    assert row.vs_target is None and row.rag is None


def test_json_row_has_exactly_the_contract_fields():
    row = assess(facts()).to_json()
    assert list(row) == ["code", "title", "theme", "priority", "period", "value", "kent_target",
                         "kent_value", "kent_best", "kent_worst", "rank", "of", "polarity",
                         "vs_target", "rag", "direction", "comparable", "districts_reported",
                         "own_newer", "missing", "count", "denominator", "ci95", "ci998",
                         "kent_value_source", "vs_kent", "vs_kent_998", "vs_england", "trend",
                         "quartile", "local_target", "forecast"]
    assert row["comparable"] is True and row["districts_reported"] == 12
    assert row["own_newer"] is None and row["missing"] is None
    assert row["value"] == 8 and isinstance(row["value"], int)
    assert row["kent_value"] == 6.5 and row["polarity"] == "higher"


def test_a_locality_with_nothing_yet_still_shows_the_target():
    row = assess(facts(values={}, districts={}))
    assert row.period is None and row.value is None
    assert row.kent_target == 9.0 and row.vs_target is None
