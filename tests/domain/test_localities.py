import pytest
from hypothesis import given
from hypothesis import strategies as st

from vfk_desktop.domain.errors import UnknownLocality, VfkError
from vfk_desktop.domain.localities import Area, LocalityMatcher, normalise_name

AREAS = [
    (Area("Tunbridge Wells", "district"), ["TWBC", "Royal Tunbridge Wells"]),
    (Area("Tonbridge and Malling", "district"), ["Tonbridge & Malling", "T&M"]),
    (Area("Shepway", "district"), ["Folkestone and Hythe"]),
    (Area("Canterbury", "district"), []),
    (Area("Kent", "county"), ["KCC", "Kent County"]),
    (Area("Medway", "outside"), []),
]


@pytest.fixture
def matcher():
    return LocalityMatcher(AREAS)


@pytest.mark.parametrize(
    ("spelling", "name"),
    [
        ("tunbridge wells", "Tunbridge Wells"), ("TUNBRIDGE WELLS BC", "Tunbridge Wells"),
        ("Tunbridge Wells Borough Council", "Tunbridge Wells"),
        ("  Tunbridge\nWells ", "Tunbridge Wells"),
        ("Tonbridge & Malling", "Tonbridge and Malling"),
        ("Tonbridge and Malling BC", "Tonbridge and Malling"),
        ("TONBRIDGE & MALLING BOROUGH COUNCIL", "Tonbridge and Malling"),
        ("T & M", "Tonbridge and Malling"),
        ("Shepway District Council", "Shepway"), ("Folkestone & Hythe", "Shepway"),
        ("Canterbury City Council", "Canterbury"), ("Kent County Council", "Kent"), ("KCC", "Kent"),
        ("kent", "Kent"), ("Kent County", "Kent"), ("Medway Council", "Medway"),
    ],
)
def test_names_are_matched_forgivingly(matcher, spelling, name):
    assert matcher.match(spelling).name == name


def test_district_refuses_kent_and_areas_outside_kent(matcher):
    assert matcher.district("tunbridge wells") == "Tunbridge Wells"
    with pytest.raises(VfkError, match="county as a whole"):
        matcher.district("Kent")
    with pytest.raises(VfkError, match="outside Kent"):
        matcher.district("Medway")


def test_unknown_names_get_a_suggestion(matcher):
    with pytest.raises(UnknownLocality) as refused:
        matcher.district("Tunbrige Wells")
    assert refused.value.suggestion == "Tunbridge Wells"
    assert 'Did you mean "Tunbridge Wells"?' in str(refused.value)
    assert matcher.suggest("Atlantis") is None


@given(st.sampled_from(["Tunbridge Wells", "Tonbridge and Malling"]),
       st.sampled_from(["", " BC", " Borough Council", " borough", " (BC)"]),
       st.booleans(), st.booleans())
def test_case_spacing_ampersand_and_council_suffixes_do_not_matter(name, suffix, upper, ampersand):
    text = name.replace(" and ", " & ") if ampersand else name
    text = (text + suffix).upper() if upper else text + suffix
    assert normalise_name(text) == normalise_name(name)
    assert LocalityMatcher(AREAS).match(text).name == name


def test_the_start_of_a_name_resolves_when_it_names_one_district():
    from vfk_desktop.domain.localities import Area, LocalityMatcher

    matcher = LocalityMatcher([
        (Area("Tunbridge Wells", "district"), ["TWBC"]),
        (Area("Tonbridge and Malling", "district"), ["T&M"]),
        (Area("Thanet", "district"), []),
    ])
    assert matcher.district("Tunbridge") == "Tunbridge Wells"
    assert matcher.district("tonbridge") == "Tonbridge and Malling"
    with pytest.raises(VfkError):
        matcher.district("T")  # three districts start with T
