"""The Board pack's contents come from the core unchanged; its HTML says every status in words."""

from __future__ import annotations

import pytest

from tests.seed_figures import FARE_ROWS, HIGH, MEDIUM
from vfk_desktop.domain.model import Priority
from vfk_desktop.domain.periods import parse_period
from vfk_desktop.facts.board import build_pack
from vfk_desktop.facts.fare import fare_table
from vfk_desktop.reports.html import Tables, pack_html
from vfk_desktop.store.edits import set_commentary


def test_the_pack_holds_the_rankings_as_the_presentation_groups_them(sample_store):
    pack = build_pack(sample_store, "Tunbridge Wells")
    bands = {band: [r.code for r in pack.rankings if r.priority is band] for band in Priority}
    assert sorted(bands[Priority.HIGH]) == sorted(HIGH)
    assert sorted(bands[Priority.MEDIUM]) == sorted(MEDIUM)
    assert len(bands[Priority.LOW]) == 19
    assert pack.ranking_round.label == "2009/10"
    themes_in_high = [r.theme for r in pack.rankings if r.priority is Priority.HIGH]
    assert themes_in_high == sorted(themes_in_high, key=themes_in_high.index)  # grouped, not scattered


def test_the_pack_shows_the_fare_table_the_core_computes(sample_store):
    pack = build_pack(sample_store, "Tunbridge Wells")
    assert list(pack.fare) == fare_table(sample_store, "Tunbridge Wells")
    by_code = {row.code: row for row in pack.fare}
    for seed in FARE_ROWS:
        row = by_code[seed.code]
        assert (row.value, row.kent_target, row.kent_best, row.kent_worst) == (
            seed.value, seed.target, seed.best, seed.worst)
    assert pack.illustrative


def test_charts_are_the_range_and_each_high_priority_worse_than_target(sample_store):
    pack = build_pack(sample_store, "Tunbridge Wells")
    assert [(c.kind, c.code) for c in pack.charts] == [("range", None), ("districts", "NI 163"),
                                                      ("districts", "NI 21"), ("map", "NI 163"),
                                                      ("map", "NI 21")]
    from vfk_desktop.domain.tile_map import TileMapData

    maps = [d for c, d in pack.chart_data.items() if c.kind == "map"]
    assert all(isinstance(d, TileMapData) and len(d.tiles) == 12 for d in maps) and len(maps) == 2


def test_psb_reds_are_set_against_the_districts_priorities(sample_store):
    pack = build_pack(sample_store, "Tunbridge Wells")
    assert "High priority for NI 39, NI 163" in pack.reds_sentence
    red = {r.code: r for r in pack.reds}
    assert red["NI 163"].priority is Priority.HIGH and red["NI 163"].row.value == 70.9


def test_commentary_for_each_rows_period_and_html_that_escapes_it(sample_store):
    set_commentary(sample_store, "Tunbridge Wells", "NI 39", "2008/09", "<b>=SUM(A1)</b> & more")
    pack = build_pack(sample_store, "Tunbridge Wells")
    from vfk_desktop.who import current_user

    signed = f"<b>=SUM(A1)</b> & more ({current_user()}, 20"  # who wrote it, and when
    assert any(row.code == "NI 39" and text.startswith(signed) for row, text in pack.commentary)
    html = pack_html(pack, Tables())
    assert "&lt;b&gt;=SUM(A1)&lt;/b&gt; &amp; more" in html
    assert "■ Red (worse)" in html and "● Green (met)" in html  # a shape and a word, not colour alone


def test_a_chosen_period_and_sections(sample_store):
    pack = build_pack(sample_store, "Tunbridge Wells", parse_period("2007/08"), sections=("fare",))
    assert {row.period.label for row in pack.fare if row.period} <= {"2007/08", "2007"}  # the reporting year
    html = pack_html(pack, Tables())
    assert "How does Tunbridge Wells fare in Kent?" in html and "Priority rankings" not in html
    with pytest.raises(ValueError):
        build_pack(sample_store, "Tunbridge Wells", sections=("gossip",))


def test_tables_break_where_asked_and_repeat_their_heading():
    tables = Tables(frozenset({(0, 2)}))
    html = tables.table((("Code", "", 20), ("Indicator", "", 80)), "High priority (3)",
                        [f"<tr><td>NI {n}</td><td>t</td></tr>" for n in range(3)])
    assert html.count("<table") == 2 and html.count("High priority (3)") == 2
    assert html.count("page-break-before: always") == 1
    assert tables.placed == [(0, 0), (0, 2)]
