import pytest
from hypothesis import given
from hypothesis import strategies as st

from vfk_desktop.domain.codes import code_sort_key, parent_code, parse_code, try_parse_code
from vfk_desktop.domain.errors import BadCode


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("NI163", "NI 163"), ("ni 163", "NI 163"), ("163", "NI 163"), ("NI 163", "NI 163"),
        ("NI 120 f", "NI 120f"), ("120f", "NI 120f"), ("NI120F", "NI 120f"), ("187i", "NI 187i"),
        ("NI-187(i)", "NI 187i"), ("N.I. 39", "NI 39"), ("NI 039", "NI 39"), (" NI  47 ", "NI 47"),
        (163, "NI 163"), (163.0, "NI 163"), ("LPI 7", "LPI 7"), ("tw1", "TW1"), ("BV 82a", "BV 82A"),
    ],
)
def test_codes_are_written_one_canonical_way(text, canonical):
    assert parse_code(text) == canonical


@pytest.mark.parametrize("text", ["", "0", "200", "NI 0", "2008", "Indicator", "163.5", None, True,
                                  "a very long text that is a title not a code 12"])
def test_non_codes_are_refused(text):
    assert try_parse_code(text) is None
    with pytest.raises(BadCode):
        parse_code(text)


def test_parent_of_a_sub_indicator():
    assert parent_code("NI 120f") == "NI 120"
    assert parent_code("NI 187i") == "NI 187"
    assert parent_code("NI 163") is None
    assert parent_code("LPI 7") is None


def test_codes_sort_by_number_then_suffix_then_local():
    codes = ["LPI 2", "NI 163", "NI 21", "NI 120m", "NI 120", "NI 120f"]
    assert sorted(codes, key=code_sort_key) == ["NI 21", "NI 120", "NI 120f", "NI 120m", "NI 163", "LPI 2"]


spellings = st.tuples(
    st.integers(1, 199),
    st.sampled_from(["", "f", "m", "i", "ii"]),
    st.sampled_from(["NI ", "NI", "ni ", "Ni", "", "N.I. ", "NI-", "NI 0"]),
    st.sampled_from(["", " ", "  "]),
    st.booleans(),
)


@given(spellings)
def test_any_spelling_of_a_national_indicator_gives_its_canonical_code(parts):
    number, suffix, prefix, gap, upper = parts
    text = f"{prefix}{number}{gap}{suffix.upper() if upper else suffix}"
    assert parse_code(text) == f"NI {number}{suffix}"


@given(st.text(max_size=30))
def test_parsing_never_fails_unexpectedly_and_is_idempotent(text):
    code = try_parse_code(text)
    if code is not None:
        assert parse_code(code) == code
