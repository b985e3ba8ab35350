import pytest

from vfk_desktop.domain import compare
from vfk_desktop.domain.model import Direction, Polarity, Rag, Status
from vfk_desktop.domain.periods import parse_period

H, L, N = Polarity.HIGHER, Polarity.LOWER, Polarity.NEITHER


@pytest.mark.parametrize(
    ("value", "target", "polarity", "status"),
    [
        (77.6, 58.7, H, Status.BETTER), (58.7, 77.6, H, Status.WORSE),
        (1009, 1212, L, Status.BETTER), (1212, 1009, L, Status.WORSE),
        (1212, 1212, L, Status.MET), (70.9, 70.9, H, Status.MET),
        (0.1 + 0.2, 0.3, H, Status.MET),  # float noise is not a difference
        (5, None, H, None), (None, 5, H, None), (5, 4, N, None), (5, 4, None, None),
    ],
)
def test_status_against_target_follows_polarity(value, target, polarity, status):
    assert compare.vs_target(value, target, polarity) is status


@pytest.mark.parametrize(
    ("value", "target", "polarity", "tolerance", "rag"),
    [
        (75.6, 75.6, H, None, Rag.GREEN),       # met
        (80, 75.6, H, None, Rag.GREEN),         # better
        (72.0, 75.6, H, None, Rag.AMBER),       # 3.6 below: within 5 % (3.78)
        (71.82, 75.6, H, None, Rag.AMBER),      # exactly 5 % below: amber
        (70.9, 75.6, H, None, Rag.RED),         # 4.7 below: beyond 5 %
        (1260, 1212, L, None, Rag.AMBER),       # 48 above a lower-is-better target of 1,212
        (1300, 1212, L, None, Rag.RED),
        (72.0, 75.6, H, 0.01, Rag.RED),         # a tighter tolerance set for the indicator
        (70.9, 75.6, H, 0.10, Rag.AMBER),
        (1, 0, L, None, Rag.RED),               # a zero target leaves no amber band
        (5, None, H, None, None),
    ],
)
def test_rag_green_amber_red(value, target, polarity, tolerance, rag):
    assert compare.rag(value, target, polarity, tolerance) is rag


@pytest.mark.parametrize(
    ("current", "previous", "polarity", "direction"),
    [
        (70.9, 68.0, H, Direction.IMPROVED), (68.0, 70.9, H, Direction.WORSENED),
        (1212, 1300, L, Direction.IMPROVED), (1300, 1212, L, Direction.WORSENED),
        (6.5, 6.5, L, Direction.UNCHANGED), (6.5, None, L, None), (6.5, 6.0, None, None),
    ],
)
def test_direction_of_travel_by_polarity(current, previous, polarity, direction):
    assert compare.direction(current, previous, polarity) is direction


def test_rank_ties_share_the_better_rank_and_best_is_one():
    values = {"A": 10.0, "B": 20.0, "C": 20.0, "D": 30.0}
    assert [compare.rank(v, values, H) for v in (30.0, 20.0, 10.0)] == [1, 2, 4]
    assert [compare.rank(v, values, L) for v in (10.0, 20.0, 30.0)] == [1, 2, 4]
    assert compare.ranked(values, H) == [("D", 30.0, 1), ("B", 20.0, 2), ("C", 20.0, 2), ("A", 10.0, 4)]


def test_best_and_worst_by_polarity():
    values = {"A": 1009.0, "B": 1798.0, "C": 1212.0}
    assert compare.best_and_worst(values, L) == (1009.0, 1798.0)
    assert compare.best_and_worst(values, H) == (1798.0, 1009.0)
    assert compare.best_and_worst(values, None) is None
    assert compare.best_and_worst({}, H) is None


@pytest.mark.parametrize(
    ("best", "worst", "polarity"),
    [(27.7, 20.6, H), (1009, 1798, L), (100, 87, H), (5.1, 8.1, L), (5, 5, None), (None, 5, None)],
)
def test_polarity_inferred_from_a_stated_best_and_worst(best, worst, polarity):
    assert compare.infer_polarity(best, worst) is polarity


def test_the_target_that_applies_is_the_periods_else_the_next_later_one():
    targets = {parse_period("2010/11"): "t1011", parse_period("2009/10"): "t0910"}
    assert compare.applicable_target(parse_period("2009/10"), targets)[1] == "t0910"
    assert compare.applicable_target(parse_period("2008/09"), targets)[1] == "t0910"
    assert compare.applicable_target(parse_period("2008"), targets)[1] == "t0910"
    only_later = {parse_period("2010/11"): "t1011"}
    found = compare.applicable_target(parse_period("2008/09"), only_later)
    assert found == (parse_period("2010/11"), "t1011")  # the seed's 2008/09 against 2010/11
    assert compare.applicable_target(parse_period("2011/12"), only_later) is None


def test_previous_period_is_of_the_same_kind():
    series = {parse_period(t): 1 for t in ("2006/07", "2007/08", "2007", "2008/09 Q1")}
    assert compare.previous_period(parse_period("2008/09"), series).label == "2007/08"
    assert compare.previous_period(parse_period("2008"), series).label == "2007"
    assert compare.previous_period(parse_period("2006/07"), series) is None
