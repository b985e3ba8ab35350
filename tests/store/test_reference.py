import re

import pytest

from tests.conftest import seed_text
from tests.seed_figures import FARE_ROWS, HIGH, LOW_NAMED, MEDIUM, PSB_REDS
from vfk_desktop.store.reference import load_reference


def count(store, sql):
    return store.conn.execute(sql).fetchone()[0]


def test_the_twelve_districts_kent_and_medway_outside(empty_store):
    names = [n for (n,) in empty_store.conn.execute(
        "SELECT name FROM areas WHERE kind = 'district' ORDER BY name")]
    assert names == ["Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone",
                     "Sevenoaks", "Shepway", "Swale", "Thanet", "Tonbridge and Malling",
                     "Tunbridge Wells"]
    kinds = dict(empty_store.conn.execute("SELECT name, kind FROM areas"))
    assert kinds["Kent"] == "county" and kinds["Medway"] == "outside"


def test_ambitions_kpqs_and_themes(empty_store):
    assert count(empty_store, "SELECT count(*) FROM ambitions") == 3
    assert count(empty_store, "SELECT count(*) FROM kpqs") == 15
    assert [n for (n,) in empty_store.conn.execute("SELECT name FROM themes ORDER BY position")] == [
        "Economic Success", "Learning for Everyone", "Enjoying Life", "Stronger and Safer Communities",
        "Improved Health, Care and Wellbeing", "Environmental Excellence", "High Quality Homes",
        "Keep Kent Moving"]


def _flat(text):
    """Whitespace folded, curly apostrophes straight, words hyphenated across a line break joined."""
    return " ".join(text.replace("\u2019", "'").split()).replace("- ", "-")


def test_kpqs_and_ambitions_are_the_visions_words_verbatim(empty_store):
    vision = seed_text("000_")
    if vision is None:
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
    flat = _flat(vision)
    for number, question in empty_store.conn.execute("SELECT number, question FROM kpqs"):
        assert f"KPQ{number}: {_flat(question)}" in flat
    for (summary,) in empty_store.conn.execute("SELECT summary FROM ambitions"):
        assert _flat(summary) in flat


def test_the_catalogue_has_every_indicator_the_seeds_name(empty_store):
    codes = {c for (c,) in empty_store.conn.execute("SELECT code FROM indicators")}
    named = {row.code for row in FARE_ROWS} | set(HIGH) | set(MEDIUM) | set(LOW_NAMED) | set(PSB_REDS)
    assert named <= codes
    top_level_ka2 = count(empty_store, "SELECT count(*) FROM indicators WHERE ka2 = 1 "
                                       "AND code NOT GLOB '*[a-z]'")
    assert top_level_ka2 == 35
    assert count(empty_store, "SELECT count(*) FROM indicators WHERE theme_id IS NULL") == 0


def test_the_national_indicator_reference_list_is_in_the_catalogue(empty_store):
    from tests.conftest import SHARED

    reference = SHARED / "reference" / "national_indicators.csv"
    if not reference.exists():
        pytest.skip("../shared/reference is not beside this checkout")
    import csv

    with reference.open(encoding="utf-8") as handle:
        rows = {r["code"]: r for r in csv.DictReader(handle)}
    stored = {c: (p or "") for c, p in empty_store.conn.execute("SELECT code, polarity FROM indicators")}
    for code, row in rows.items():
        assert code in stored
        if row["polarity"]:
            assert stored[code] == row["polarity"], code


def test_delivery_plans_psb_reds_and_working_groups(empty_store):
    assert count(empty_store, "SELECT count(*) FROM delivery_plans WHERE sector != 'district'") == 40
    tw_plan = empty_store.conn.execute(
        "SELECT p.title FROM delivery_plans p JOIN delivery_plan_areas x ON x.plan_id = p.id "
        "JOIN areas a ON a.id = x.area_id WHERE a.name = 'Tunbridge Wells'").fetchone()[0]
    assert tw_plan.startswith("Love Where We Live")
    assert {c for (c,) in empty_store.conn.execute("SELECT indicator FROM psb_reds")} == set(PSB_REDS)
    assert count(empty_store, "SELECT count(*) FROM working_groups") == 4
    leads = {o for (o,) in empty_store.conn.execute(
        "SELECT outcome FROM working_group_outcomes WHERE lead = 'KCT' AND supporter IS NULL")}
    assert leads == {"Mitigate child poverty", "Potential of young people", "Protect young people"}


def test_loading_again_changes_nothing(empty_store):
    tables = ["areas", "area_aliases", "indicators", "delivery_plans", "delivery_plan_ambitions",
              "psb_reds", "working_group_outcomes", "kpqs", "themes"]
    before = {t: count(empty_store, f"SELECT count(*) FROM {t}") for t in tables}
    ids = dict(empty_store.conn.execute("SELECT name, id FROM areas"))
    load_reference(empty_store)
    assert {t: count(empty_store, f"SELECT count(*) FROM {t}") for t in tables} == before
    assert dict(empty_store.conn.execute("SELECT name, id FROM areas")) == ids


def test_seed_transcription_matches_the_presentation():
    presentation = seed_text("002_")
    if presentation is None:
        pytest.skip("the seed documents (../shared/seeds) are not beside this checkout")
    flat = " ".join(presentation.split())
    for row in FARE_ROWS:
        for printed in row.as_printed:
            assert printed in flat, row.code
        number = row.code.removeprefix("NI ")
        assert re.search(rf"\b{re.escape(number)}\b", flat), row.code
