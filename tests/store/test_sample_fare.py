"""Every row of the presentation's "How does Tunbridge Wells fare in Kent?" tables, from the store."""

from collections import Counter

import pytest

from tests.seed_figures import FARE_ROWS, HIGH, LOW_NAMED, MEDIUM
from vfk_desktop.domain.model import Priority
from vfk_desktop.facts.fare import fare_table
from vfk_desktop.sample_loading import load_sample
from vfk_desktop.store.queries import ranking_rows

BANDS = {"H": Priority.HIGH, "M": Priority.MEDIUM, "L": Priority.LOW}


@pytest.fixture(scope="module")
def tw_rows(sample_template):
    from vfk_desktop.store.connection import open_store

    with open_store(sample_template, readonly=True) as store:
        return {row.code: row for row in fare_table(store, "Tunbridge Wells")}


@pytest.mark.parametrize("seed", FARE_ROWS, ids=[r.code for r in FARE_ROWS])
def test_each_seed_row_comes_out_unchanged(tw_rows, seed):
    row = tw_rows[seed.code]
    assert row.period.label == seed.period
    assert row.value == seed.value
    assert row.kent_target == seed.target
    assert (row.kent_best, row.kent_worst) == (seed.best, seed.worst)
    assert row.polarity.value == seed.polarity
    assert (row.vs_target.value if row.vs_target else None) == seed.vs_target
    assert row.priority is BANDS[seed.band]
    assert row.range_source == "districts"  # worked out from the 12 districts, equal to the seed
    assert row.of == 12 and 1 <= row.rank <= 12
    if seed.value == seed.best:
        assert row.rank == 1
    if seed.value == seed.worst:
        assert row.rank == 12


def test_rag_follows_status_and_the_five_percent_tolerance(tw_rows):
    rag = {code: (row.rag.value if row.rag else None) for code, row in tw_rows.items()}
    assert rag["NI 39"] == "green"  # 1,212 met exactly
    assert rag["NI 163"] == "red"  # 70.9 against 75.6: 4.7 short, beyond 3.78
    assert rag["NI 47"] == "red"  # 5.1 against 4.6 (lower is better): 0.5 over, beyond 0.23
    assert rag["NI 155"] is None  # the target is N/a
    assert tw_rows["NI 155"].kent_target_text == "N/a"


def test_parent_indicators_ranked_are_represented_by_their_sub_indicators(tw_rows):
    assert "NI 120" not in tw_rows and "NI 187" not in tw_rows
    assert tw_rows["NI 120f"].priority is Priority.MEDIUM
    assert tw_rows["NI 187i"].priority is Priority.LOW


def test_low_priorities_below_the_county_average(tw_rows):
    """The presentation: three Low indicators where TW is below the county average."""
    below = {code for code, row in tw_rows.items()
             if row.priority is Priority.LOW and row.vs_kent and row.vs_kent.value == "worse"}
    assert below == {"NI 55", "NI 159", "NI 187i"}


def test_every_ranked_indicator_is_listed_even_without_data(tw_rows):
    assert {"NI 32", "NI 110", "NI 40", "NI 175"} <= set(tw_rows)
    assert tw_rows["NI 32"].value is None and tw_rows["NI 32"].priority is Priority.HIGH


def test_the_ka2_ranking_is_8_high_8_medium_19_low(sample_store):
    rows = ranking_rows(sample_store, "Tunbridge Wells")
    assert Counter(r.priority for r in rows) == {Priority.HIGH: 8, Priority.MEDIUM: 8, Priority.LOW: 19}
    assert {r.code for r in rows if r.priority is Priority.HIGH} == set(HIGH)
    assert {r.code for r in rows if r.priority is Priority.MEDIUM} == set(MEDIUM)
    assert set(LOW_NAMED) <= {r.code for r in rows if r.priority is Priority.LOW}
    learning = {r.priority for r in rows if r.theme == "Learning for Everyone"}
    assert learning == {Priority.LOW}  # "Learning for Everyone (No High or Medium Priorities)"


def test_other_districts_have_their_own_fare_from_the_same_core(sample_store):
    rows = {r.code: r for r in fare_table(sample_store, "Thanet")}
    assert rows["NI 39"].of == 12 and rows["NI 39"].priority is None
    assert (rows["NI 39"].kent_best, rows["NI 39"].kent_worst) == (1009, 1798)


def test_loading_the_sample_again_is_unchanged(sample_store):
    result = load_sample(sample_store)
    assert result.ok and result.inserted == 0 and result.updated == 0 and result.unchanged > 600


def test_the_lsps_nine_local_priorities_with_ambitions_and_indicators(sample_store):
    from vfk_desktop.store.local_priorities import local_priorities

    priorities = local_priorities(sample_store, "Tunbridge Wells")
    assert [p.title for p in priorities][:2] == ["Safeguarding our environment",
                                                 "Maintaining a thriving local economy"]
    assert len(priorities) == 9 and [p.position for p in priorities] == list(range(1, 10))
    housing = next(p for p in priorities if p.title == "Meeting the need for housing")
    assert housing.ambitions == (2,) and set(housing.indicators) == {"NI 154", "NI 155", "NI 159"}


def test_commentary_is_kept_with_its_provenance(sample_store):
    text, file, cell = sample_store.conn.execute(
        "SELECT c.text, c.file, c.cell FROM commentary c JOIN areas a ON a.id = c.area_id "
        "WHERE a.name = 'Tunbridge Wells' AND c.indicator = 'NI 163' AND c.period = '2008'"
    ).fetchone()
    assert text.startswith("Illustrative:") and file == "kent_districts_sample.csv" and cell.startswith("G")
