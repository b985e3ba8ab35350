import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vfk_desktop.domain.errors import BadPeriod
from vfk_desktop.domain.periods import PeriodKind, latest, parse_period, try_parse_period


@pytest.mark.parametrize(
    ("text", "label", "kind"),
    [
        ("2008/09", "2008/09", PeriodKind.FINANCIAL_YEAR),
        ("2008-09", "2008/09", PeriodKind.FINANCIAL_YEAR),
        ("2008/2009", "2008/09", PeriodKind.FINANCIAL_YEAR),
        ("08/09", "2008/09", PeriodKind.FINANCIAL_YEAR),
        ("2008 - 09", "2008/09", PeriodKind.FINANCIAL_YEAR),
        ("FY 2010/11", "2010/11", PeriodKind.FINANCIAL_YEAR),
        ("1999/00", "1999/00", PeriodKind.FINANCIAL_YEAR),
        ("2008", "2008", PeriodKind.CALENDAR_YEAR),
        (2008, "2008", PeriodKind.CALENDAR_YEAR),
        (2008.0, "2008", PeriodKind.CALENDAR_YEAR),
        ("2009/10 Q3", "2009/10 Q3", PeriodKind.FINANCIAL_QUARTER),
        ("Q3 2009/10", "2009/10 Q3", PeriodKind.FINANCIAL_QUARTER),
        ("2009/10 (Q3)", "2009/10 Q3", PeriodKind.FINANCIAL_QUARTER),
        ("2009 Q1", "2009 Q1", PeriodKind.CALENDAR_QUARTER),
        # the quarter spelt out, as partners' headings and titles write it
        ("Qtr 3 2009/10", "2009/10 Q3", PeriodKind.FINANCIAL_QUARTER),
        ("Qtr. 3 2009/10", "2009/10 Q3", PeriodKind.FINANCIAL_QUARTER),
        ("Quarter 1 2009/10", "2009/10 Q1", PeriodKind.FINANCIAL_QUARTER),
        ("2009/10 Quarter 1", "2009/10 Q1", PeriodKind.FINANCIAL_QUARTER),
        ("2009/10 qtr 4", "2009/10 Q4", PeriodKind.FINANCIAL_QUARTER),
        ("Quarter 4 2009", "2009 Q4", PeriodKind.CALENDAR_QUARTER),
        ("Mar 2010", "Mar 2010", PeriodKind.MONTH),
        ("March 2010", "Mar 2010", PeriodKind.MONTH),
        ("Mar-10", "Mar 2010", PeriodKind.MONTH),
        ("03/2010", "Mar 2010", PeriodKind.MONTH),
        (dt.date(2010, 3, 31), "Mar 2010", PeriodKind.MONTH),
        (dt.datetime(2010, 3, 1, 0, 0), "Mar 2010", PeriodKind.MONTH),
    ],
)
def test_periods_parse_to_canonical_labels(text, label, kind):
    period = parse_period(text)
    assert period.label == label
    assert period.kind is kind


@pytest.mark.parametrize("text", ["", "2008/10", "2008/2010", "Q5 2009/10", "Quarter 5 2009/10",
                                  "Smarch 2010", "13/2010", "next year", None, 2008.5, "1800",
                                  # years no calendar holds: a Year column's 200809, 0 or 10000
                                  200809, 0, 10000, -2009, "0000", "0000/01", "Q1 0000", "Jan 0000",
                                  "12/0000", dt.date(9999, 12, 31), dt.date(1, 1, 1)])
def test_non_periods_are_refused(text):
    assert try_parse_period(text) is None
    with pytest.raises(BadPeriod):
        parse_period(text)


def test_financial_years_quarters_and_months_cover_the_right_days():
    assert parse_period("2008/09").start == dt.date(2008, 4, 1)
    assert parse_period("2008/09").end == dt.date(2009, 3, 31)
    assert parse_period("2009/10 Q3").start == dt.date(2009, 10, 1)
    assert parse_period("2009/10 Q4").start == dt.date(2010, 1, 1)
    assert parse_period("2009/10 Q4").end == dt.date(2010, 3, 31)
    assert parse_period("Feb 2008").end == dt.date(2008, 2, 29)


def test_periods_sort_in_time_across_kinds():
    labels = ["2009/10", "2008", "2009 Q1", "2008/09", "Mar 2010", "2009/10 Q3", "2007"]
    ordered = sorted(parse_period(t) for t in labels)
    assert [p.label for p in ordered] == [
        "2007", "2008", "2008/09", "2009 Q1", "2009/10 Q3", "2009/10", "Mar 2010"]


def test_latest_is_the_newest_and_a_quarter_ending_with_a_year_is_later():
    assert latest([parse_period("2008/09"), parse_period("2008/09 Q4")]).label == "2008/09 Q4"
    assert latest([parse_period("2008"), parse_period("2007/08")]).label == "2008"
    assert latest([]) is None


@given(st.integers(1950, 2090), st.sampled_from(["{a}/{b:02d}", "{a}-{b:02d}", "{a}/{c}",
                                                 "{s:02d}/{b:02d}", "FY{a}/{b:02d}"]))
def test_any_spelling_of_a_financial_year_gives_its_label(year, pattern):
    text = pattern.format(a=year, b=(year + 1) % 100, c=year + 1, s=year % 100)
    if pattern.startswith("{s") and not (1970 <= year <= 2068):
        return  # two-digit years read 70-99 as 19xx and 00-69 as 20xx
    assert parse_period(text).label == f"{year}/{(year + 1) % 100:02d}"


@given(st.integers(1950, 2090), st.integers(1, 4))
def test_quarter_labels_round_trip_and_fall_inside_their_year(year, quarter):
    period = parse_period(f"Q{quarter} {year}/{(year + 1) % 100:02d}")
    assert parse_period(period.label) == period
    whole = parse_period(f"{year}/{(year + 1) % 100:02d}")
    assert whole.start <= period.start <= period.end <= whole.end


@given(st.one_of(st.integers(), st.floats(allow_nan=True), st.dates()))
def test_any_number_or_date_is_a_period_or_none(value):
    period = try_parse_period(value)
    assert period is None or period.year in range(1900, 2101)


@given(st.text(max_size=25))
def test_parsing_arbitrary_text_never_raises_unexpectedly(text):
    period = try_parse_period(text)
    if period is not None:
        assert parse_period(period.label) == period
