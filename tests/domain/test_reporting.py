"""Reporting years: the one rule that says which stored periods a Board means by "2008/09"."""

import pytest

from vfk_desktop.domain.periods import parse_period
from vfk_desktop.domain.reporting import (
    in_reporting_year,
    is_reporting_year,
    reporting_year_of,
    reporting_years,
)


@pytest.mark.parametrize(("stored", "year"), [
    ("2008/09", "2008/09"),      # the financial year itself
    ("2008", "2008/09"),         # a calendar year ends in December, inside April 2008 - March 2009
    ("2009", "2009/10"),
    ("2008/09 Q1", "2008/09"),   # quarters of the financial year
    ("2008/09 Q4", "2008/09"),   # January to March 2009
    ("2008 Q1", "2007/08"),      # January to March 2008 ends before April 2008
    ("2008 Q2", "2008/09"),
    ("2009 Q1", "2008/09"),
    ("Mar 2009", "2008/09"),     # months: March closes the year, April opens the next
    ("Apr 2009", "2009/10"),
    ("Dec 2008", "2008/09"),
])
def test_a_period_belongs_to_the_financial_year_it_ends_in(stored, year):
    assert reporting_year_of(parse_period(stored)).label == year


def test_an_academic_year_is_written_like_a_financial_year_and_sits_in_the_same_reporting_year():
    academic = parse_period("2008/09")  # September 2008 to August 2009, as partners write it
    assert reporting_year_of(academic).label == "2008/09"


def test_only_a_financial_year_choice_means_a_reporting_year():
    assert is_reporting_year(parse_period("2008/09"))
    assert not is_reporting_year(parse_period("2008"))
    assert not is_reporting_year(parse_period("2008/09 Q3"))
    assert not is_reporting_year(None)


def test_the_chooser_lists_reporting_years_newest_first_without_interleaving():
    stored = [parse_period(p) for p in ("2007", "2008/09", "2008", "2007/08", "2009 Q1", "Mar 2010")]
    assert [y.label for y in reporting_years(stored)] == ["2009/10", "2008/09", "2007/08"]


def test_the_periods_of_one_year_newest_first():
    stored = [parse_period(p) for p in ("2007", "2008/09", "2008", "2008/09 Q2", "2009/10")]
    assert [p.label for p in in_reporting_year(stored, parse_period("2008/09"))] == [
        "2008/09", "2008", "2008/09 Q2"]  # by when each ends
