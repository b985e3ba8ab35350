import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vfk_desktop.domain.values import (
    ERROR,
    EXCEL_ERRORS,
    NOT_AVAILABLE,
    SUPPRESSED,
    parse_value,
)


@pytest.mark.parametrize(("cell", "value"), [
    ("1,212", 1212), ("102%", 102), ("70.9 %", 70.9), ("  24 ", 24), ("−3.5", -3.5), ("-3.5", -3.5),
    ("£1,500.25", 1500.25), ("1,234,567", 1234567), (".5", 0.5), (1212, 1212), (70.9, 70.9),
])
def test_numbers_as_partners_write_them(cell, value):
    parsed = parse_value(cell)
    assert parsed.value == value and parsed.missing is None and parsed.problem is None


@pytest.mark.parametrize(("cell", "missing"), [
    ("N/a", NOT_AVAILABLE), ("n/a", NOT_AVAILABLE), ("NA", NOT_AVAILABLE), ("..", NOT_AVAILABLE),
    ("-", NOT_AVAILABLE), ("–", NOT_AVAILABLE), (None, NOT_AVAILABLE), ("", NOT_AVAILABLE),
    ("*", SUPPRESSED), ("x", SUPPRESSED), ("c", SUPPRESSED), ("X", SUPPRESSED),
    ("#N/A", ERROR), ("#DIV/0!", ERROR), ("#REF!", ERROR), ("#VALUE!", ERROR),
])
def test_no_value_is_never_zero(cell, missing):
    parsed = parse_value(cell)
    assert parsed.value is None and parsed.missing == missing and parsed.problem is None
    if cell:
        assert parsed.text == cell  # kept as given


@pytest.mark.parametrize("cell", ["lots", "12 apples", "1,2,3", "12%%", True])
def test_text_that_is_not_a_number_is_a_problem(cell):
    parsed = parse_value(cell)
    assert parsed.value is None and parsed.problem


def test_a_percentage_format_makes_a_fraction_per_cent():
    assert parse_value(0.709, percent_format=True).value == pytest.approx(70.9)


@pytest.mark.parametrize(("fraction", "shown"), [(0.453, 45.3), (0.07, 7.0), (0.583, 58.3), (1.02, 102.0),
                                                  (0.0001, 0.01), (-0.129, -12.9)])
def test_a_percentage_is_the_figure_shown_not_its_binary_product(fraction, shown):
    # 0.453 * 100 is 45.300000000000004 and 0.07 * 100 is 7.000000000000001 in binary
    assert parse_value(fraction, percent_format=True).value == shown  # exactly, as typed: 45.3


@given(st.decimals(min_value=-10, max_value=10, places=4, allow_nan=False, allow_infinity=False))
def test_any_fraction_to_four_places_is_its_per_cent_exactly(fraction):
    assert parse_value(float(fraction), percent_format=True).value == float(fraction * 100)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.integers(0, 3))
def test_thousands_separators_read_back(number, places):
    text = f"{number:,.{places}f}"
    assert parse_value(text).value == pytest.approx(round(number, places), abs=10 ** -places)


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False), st.sampled_from(["%", " %"]))
def test_percent_signs_read_as_the_number(number, sign):
    text = f"{number:.1f}{sign}"
    assert parse_value(text).value == pytest.approx(round(number, 1), abs=0.05)


@given(st.sampled_from(["n/a", "N/A", "..", "x", "*", "c", "-", "NA", "n.a."]),
       st.sampled_from(["", " ", "  "]))
def test_markers_with_spaces_are_still_no_value(marker, pad):
    parsed = parse_value(f"{pad}{marker}{pad}")
    assert parsed.value is None and parsed.missing in (NOT_AVAILABLE, SUPPRESSED)


@given(st.one_of(st.text(max_size=30), st.floats(), st.integers(), st.none(), st.booleans()))
def test_any_cell_gives_a_value_a_reason_or_a_problem_and_never_raises(cell):
    parsed = parse_value(cell)
    if parsed.value is not None:
        assert math.isfinite(parsed.value)
    else:
        assert parsed.missing or parsed.problem


def test_every_excel_error_has_a_reason_in_words():
    for text, reason in EXCEL_ERRORS.items():
        assert text in reason


@pytest.mark.parametrize(("text", "missing"), [
    ("[x]", NOT_AVAILABLE), ("[z]", NOT_AVAILABLE), ("[w]", NOT_AVAILABLE), (":", NOT_AVAILABLE),
    ("[c]", SUPPRESSED), ("[low]", SUPPRESSED)])
def test_the_statistical_services_bracketed_shorthand_is_no_value_with_its_reason(text, missing):
    parsed = parse_value(text)
    assert (parsed.value, parsed.text, parsed.missing, parsed.problem) == (None, text, missing, None)


@pytest.mark.parametrize(("text", "value"), [
    ("45.2p", 45.2), ("46.1r", 46.1), ("3.5e", 3.5), ("48*", 48.0), ("45.2 [p]", 45.2), ("1,212 [e]", 1212.0),
    ("70.9% [r]", 70.9), ("12.5 [note 3]", 12.5), ("7†", 7.0)])
def test_a_figure_marked_provisional_revised_or_estimated_is_read_and_keeps_its_mark(text, value):
    parsed = parse_value(text)
    assert (parsed.value, parsed.text, parsed.problem) == (value, text, None)


@pytest.mark.parametrize("text", ["45.2 p", "45.2q", "p", "abc*", "1e5"])
def test_a_mark_that_is_not_one_of_them_is_still_not_a_number(text):
    assert parse_value(text).problem
