"""Local targets, quarterly target profiles and year-end forecasts, against worked examples."""

import json

import pytest

from tests.conftest import run_cli
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.model import Polarity
from vfk_desktop.domain.periods import parse_period
from vfk_desktop.domain.profiles import (
    LAST_YEARS_SHAPE,
    STRAIGHT_LINE,
    forecast,
    quarter_targets,
    straight_line,
)
from vfk_desktop.facts.fare import fare_row, history
from vfk_desktop.store import accountability as acc
from vfk_desktop.store.edits import set_figure

YEAR = parse_period("2009/10")


def test_profiles_worked_examples():
    # 400 homes a year, counted year to date: 100, 200, 300, 400
    assert quarter_targets("cumulative", 400) == (100, 200, 300, 400)
    # a rate from last year's 60 % to this year's 68 %: two points a quarter
    assert quarter_targets("equal", 68, baseline=60) == (62, 64, 66, 68)
    assert quarter_targets("equal", 68) == (68, 68, 68, 68)
    assert quarter_targets("typed", 400, typed=(50, 150, 300, 400)) == (50, 150, 300, 400)


def test_forecast_worked_examples():
    # 90 then 210 homes year to date: 105 a quarter, so 420 by March: on track for 400
    homes = forecast(YEAR, {1: 90, 2: 210}, 400, Polarity.HIGHER, cumulative=True)
    assert (homes.value, homes.on_track, homes.method) == (420, True, STRAIGHT_LINE)
    # a level of 10, 12, 14 rises 2 a quarter: 16 at Q4, worse than a target of 15 when lower wins
    level = forecast(YEAR, {1: 10, 2: 12, 3: 14}, 15, Polarity.LOWER)
    assert level.value == pytest.approx(16) and level.on_track is False
    assert level.to_json() == {"period": "2009/10", "value": 16, "on_track": False, "method": STRAIGHT_LINE}
    # last year reached 100 by Q2 and 200 by Q4; this year's 120 at Q2 points to 240
    shaped = forecast(YEAR, {1: 70, 2: 120}, 250, Polarity.HIGHER, cumulative=True,
                      last_year={1: 50, 2: 100, 3: 150, 4: 200})
    assert (shaped.value, shaped.on_track, shaped.method) == (240, False, LAST_YEARS_SHAPE)
    assert straight_line({2: 30}, cumulative=False) == 30
    assert forecast(YEAR, {}, 10, Polarity.HIGHER) is None
    assert forecast(YEAR, {1: 1, 2: 2, 3: 3, 4: 4}, 10, Polarity.HIGHER) is None  # the year is in
    assert forecast(YEAR, {1: 5}, None, Polarity.HIGHER).on_track is None


def test_the_status_follows_the_local_target_when_chosen(sample_store):
    row = fare_row(sample_store, "Tunbridge Wells", "NI 163")
    assert (row.value, row.kent_target, row.vs_target.value, row.local_target) == (70.9, 75.6, "worse", None)
    set_figure(sample_store, "Tunbridge Wells", "NI 163", str(row.period), "target", "70")
    row = fare_row(sample_store, "Tunbridge Wells", "NI 163")
    assert row.local_target == 70 and row.vs_target.value == "worse" and row.target_followed == "kent"
    acc.set_target_choice(sample_store, "Tunbridge Wells", "NI 163", "local")
    row = fare_row(sample_store, "Tunbridge Wells", "NI 163")
    assert row.vs_target.value == "better" and row.rag.value == "green" and row.target_followed == "local"
    assert row.kent_target == 75.6
    with pytest.raises(VfkError, match="kent"):
        acc.set_target_choice(sample_store, "Tunbridge Wells", "NI 163", "county")


def test_a_quarter_is_judged_against_its_profiled_target_and_forecast(sample_store):
    place, code = "Tunbridge Wells", "NI 154"
    set_figure(sample_store, "Kent", code, "2009/10", "target", "400")
    set_figure(sample_store, place, code, "2009/10 Q1", "value", "90")
    set_figure(sample_store, place, code, "2009/10 Q2", "value", "190")
    plain = next(r for r in history(sample_store, place, code) if str(r.period) == "2009/10 Q2")
    assert plain.vs_target.value == "worse" and plain.profiled_target is None
    acc.set_profile(sample_store, place, code, "2009/10", acc.StoredProfile("cumulative"))
    q2 = next(r for r in history(sample_store, place, code) if str(r.period) == "2009/10 Q2")
    assert q2.profiled_target == 200 and q2.vs_target.value == "worse" and q2.rag.value == "amber"
    q1 = next(r for r in history(sample_store, place, code) if str(r.period) == "2009/10 Q1")
    assert q1.profiled_target == 100 and q1.vs_target.value == "worse"
    assert q2.forecast.to_json() == {"period": "2009/10", "value": 380, "on_track": False,
                                     "method": STRAIGHT_LINE}
    with pytest.raises(VfkError, match="four quarters"):
        acc.set_profile(sample_store, place, code, "2009/10", acc.StoredProfile("typed", (1, 2, None, 4)))
    with pytest.raises(VfkError, match="financial year"):
        acc.set_profile(sample_store, place, code, "2009", acc.StoredProfile("equal"))


def test_fare_json_gains_local_target_and_forecast(tmp_path):
    db = tmp_path / "k.db"
    assert run_cli("init", "--sample", db=db).returncode == 0
    rows = json.loads(run_cli("fare", "--locality", "TWBC", "--json", db=db).stdout)
    assert all({"local_target", "forecast"} <= set(row) for row in rows)
    assert {row["forecast"] for row in rows} == {None}
    assert {row["local_target"] for row in rows} == {None}
    given = tmp_path / "lsp_targets.csv"  # a partner's file giving the district a target of its own
    given.write_text("District,NI,Period,Value,Local target\nTunbridge Wells,NI 163,2008,70.9,70\n"
                     "Tunbridge Wells,NI 154,2009/10 Q1,250,\nTunbridge Wells,NI 154,2009/10 Q2,480,\n",
                     encoding="utf-8")
    assert run_cli("import", str(given), db=db).returncode == 0
    rows = {r["code"]: r for r in json.loads(run_cli("fare", "--locality", "TWBC", "--json", db=db).stdout)}
    assert rows["NI 163"]["local_target"] == 70 and rows["NI 163"]["kent_target"] == 75.6
    # compared at 2008/09 with the other districts; the quarters of 2009/10 point to 940 by March
    forecast_json = rows["NI 154"]["forecast"]
    assert (forecast_json["period"], forecast_json["value"], forecast_json["method"]) == (
        "2009/10", 940, STRAIGHT_LINE)
    assert forecast_json["on_track"] is None  # no target for 2009/10 or later: no verdict
