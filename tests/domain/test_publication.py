"""The small-number rule for published outputs, on fare rows worked out by `assess`."""

import pytest

from vfk_desktop.domain.fare import IndicatorFacts, assess
from vfk_desktop.domain.model import Figure, Indicator, Polarity
from vfk_desktop.domain.periods import parse_period
from vfk_desktop.domain.publication import (
    DEFAULT_RULE,
    SuppressionRule,
    note,
    published_row,
    rule_for,
    rules_from,
)
from vfk_desktop.domain.statistics import Counts

P = parse_period("2008/09")
NAMES = [f"District {n}" for n in range(1, 13)]
VALUES = {name: 10.0 + n for n, name in enumerate(NAMES)}  # District 1 lowest (best: lower is better)


@pytest.mark.parametrize(("count", "hidden"), [(None, False), (0, False), (1, True), (7, True),
                                               (8, False), (250, False)])
def test_the_default_rule_withholds_counts_of_one_to_seven(count, hidden):
    assert DEFAULT_RULE.hides(count) is hidden


def test_an_indicator_can_have_its_own_rule():
    rules = rules_from({"NI 154": 0, "NI 39": 10})
    assert not rule_for("NI 154", rules).hides(3)  # homes: nobody to recognise
    assert rule_for("NI 39", rules).hides(10) and not rule_for("NI 39", rules).hides(11)
    assert rule_for("NI 163", rules) == DEFAULT_RULE
    assert "counts of 1 to 7" in note() and "counts of 1 to 10" in note(SuppressionRule(1, 10))


def row_of(locality):
    facts = IndicatorFacts(
        indicator=Indicator("NI 39", "Alcohol", polarity=Polarity.LOWER, value_type="rate",
                            multiplier=100_000),
        locality=locality, values={P: Figure(VALUES[locality])}, districts={P: VALUES},
        kent_values={P: Figure(15.0)}, kent_targets={P: Figure(12.0)},
        own_counts={P: Counts(5 if locality == "District 1" else 60, 40_000)}, all_districts=tuple(NAMES))
    return assess(facts)


def test_a_small_count_withholds_the_value_and_everything_worked_out_from_it():
    row = row_of("District 1")
    assert row.rank == 1 and row.statistics.ci95 is not None and row.rag is not None
    shown = published_row(row, 5, {VALUES["District 1"]})
    assert (shown.value, shown.value_text, shown.missing) == (None, "*", "suppressed")
    assert (shown.rank, shown.rag, shown.vs_target, shown.direction) == (None,) * 4
    assert shown.statistics.ci95 is None and shown.statistics.quartile is None
    assert shown.kent_best is None and shown.kent_worst == row.kent_worst  # best was District 1's


def test_another_districts_row_keeps_its_figures_but_not_a_best_that_gives_one_away():
    row = row_of("District 5")
    shown = published_row(row, 60, {VALUES["District 1"]})
    assert shown.value == row.value and shown.rank == row.rank and shown.statistics == row.statistics
    assert shown.kent_best is None and shown.kent_worst == row.kent_worst
    assert published_row(row, 60, set()) == row
