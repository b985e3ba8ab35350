"""Every layout partners send, detected without configuration."""

import json

import pytest

from tests.conftest import run_cli
from tests.io.spreadsheets import write
from tests.seed_figures import FARE_ROWS
from tests.store.test_imports import do_import, dump, value_of
from vfk_desktop.io.readers.importer import plan_import
from vfk_desktop.store.imports import import_context
from vfk_desktop.store.profiles import save_profile

TITLE = "How does Tunbridge Wells fare in Kent?"


def fare_in_kent_sheet():
    """The presentation's three tables as an officer's sheet: titles, sections, repeated headers."""
    high = [
        [21, "Dealing with concerns about ASB\n(percentage people confident)", "H", "2008/09",
         24, 37.7, 27.7, 20.6],
        [39, "Hospital admissions for alcohol\nrelated harm per 100,000 \npopulation", "H", "2008/09",
         "1,212", "1,212", "1,009", "1,798"],
        ["111", "First time entrants to YOS per \n1,000 population", "H", "2008/09", 8, 15.6, 8, 20],
        ["NI 155", "Affordable housing units delivered", "H", "2008/09", 100, "N/a", 380, 30],
        [163, "Percentage of working age \npopulation with a Level 2 \nqualification", "H", 2008,
         70.9, 75.6, 77.6, 58.7],
    ]
    medium = [
        [47, "Road safety KSI - per 10,000 \npopulation", "M", 2008, 5.1, 4.6, 1.9, 6.2],
        [152, "Percentage of working age population \non out of work benefits", "M", "2008/09",
         7.4, "N/a", 6.3, 17.1],
        [154, "Additional housing units completed", "M", "2008/09", 411, "N/a", 965, 269],
        [186, "Per capita carbon emissions (tonnes) \nin local area", "M", 2007, 6.5, 6.5, 5.1, 8.1],
        [189, "Flood and coastal erosion", "M", "2008/09", 100, 90, 100, 87],
        [198, "Percentage of children travelling to \nschool by car", "M", "2008/09",
         27.8, 30.6, 27.8, 42.6],
        ["120f", "All age all cause mortality - females", "M", 2008, 420, 458, 420, 568],
        ["120m", "All age all cause mortality - males", "M", 2008, 585, 596, 513, 748],
    ]
    low = [
        [55, "Percentage of reception age \nchildren who are obese", "L", "2008/09", 10.7, 9.7, 7.6, 10.8],
        [159, "Supply of housing sites – as a \npercentage of plan for 5 years", "L", "2008/09",
         "102%", "142%", "254%", "100%"],
        ["187i", "Fuel poverty – percentage of \nhouseholds on benefits with low \nenergy efficient house "
         "rating  \nSAP<35", "L", "2008/09", 21, 13, 13, 21],
    ]
    return [
        [TITLE], ["High Priorities"], ["Latest Annual Data"], [],
        ["NI", "Indicator", "Priority", "Year", "Tunbridge \nWells", "Kent \n2010/11\nTarget",
         "Kent best", "Kent worst"],
        *high, [],
        [TITLE], ["Medium Priorities"], ["Latest Annual Data"],
        ["NI", "Indicator", "Priority", "Year", "Tunbridge", "Kent", "Kent", "Kent"],
        [None, None, None, None, "Wells", "Target", "best", "worst"],
        *medium, [],
        [TITLE],
        ["There are three KA2 targets that TW has rated as ‘Low Priority’ where performance is below "
         "the county average"],
        ["Latest Annual Data"],
        ["NI", "Indicator", "Priority", "Year", "Tunbridge Wells", "Kent Target", "Kent best",
         "Kent worst"],
        *low,
    ]


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "xls"])
def test_the_presentations_fare_tables_import_and_come_out_of_vfk_fare_unchanged(empty_store, tmp_path, fmt):
    path = write(tmp_path / f"tw_fare.{fmt}", {"TW fare": fare_in_kent_sheet()})
    result = do_import(empty_store, path)
    assert result.ok, [p.sentence() for p in result.rejected]
    empty_store.close()
    done = run_cli("fare", "--locality", "Tunbridge Wells", "--json", db=empty_store.path)
    assert done.returncode == 0, done.stderr
    rows = {row["code"]: row for row in json.loads(done.stdout)}
    for seed in FARE_ROWS:
        row = rows[seed.code]
        assert (row["period"], row["value"], row["kent_target"], row["kent_best"], row["kent_worst"]) == (
            seed.period, seed.value, seed.target, seed.best, seed.worst), seed.code
        assert row["polarity"] == seed.polarity and row["vs_target"] == seed.vs_target, seed.code
        assert row["priority"] == {"H": "High", "M": "Medium", "L": "Low"}[seed.band]


def test_the_fare_tables_targets_are_for_2010_11(empty_store, tmp_path):
    do_import(empty_store, write(tmp_path / "tw.xlsx", {"TW fare": fare_in_kent_sheet()}))
    periods = {p for (p,) in empty_store.conn.execute(
        "SELECT DISTINCT period FROM observations WHERE kind = 'target'")}
    assert periods == {"2010/11"}  # the "Kent Target" tables take the period an earlier one named


WIDE = [["NI", "Indicator", "Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone",
         "Sevenoaks", "Shepway", "Swale", "Thanet", "Tonbridge & Malling", "Tunbridge Wells", "Medway",
         "Kent"],
        ["NI 39", "Alcohol admissions", 1100, 1200, 1300, 1400, 1500, 1600, 1009, 1700, 1750, 1798,
         1150, "1,212", 1666, 1400]]


@pytest.mark.parametrize(("sheet_name", "above", "period_column"), [
    ("2008-09", [], False),                                  # period from the sheet's name
    ("Alcohol", [["Hospital admissions, 2008/09"]], False),  # from a title row
    ("Alcohol", [], True),                                   # from a Year column
])
def test_wide_by_locality(empty_store, tmp_path, sheet_name, above, period_column):
    rows = [list(r) for r in WIDE]
    if period_column:
        rows[0].insert(2, "Year")
        rows[1].insert(2, "2008/09")
    result = do_import(empty_store, write(tmp_path / "wide.xlsx", {sheet_name: above + rows}))
    assert result.ok, [p.sentence() for p in result.rejected]
    assert value_of(empty_store, "Tunbridge Wells", "NI 39", "2008/09")[0] == 1212
    assert value_of(empty_store, "Sevenoaks", "NI 39", "2008/09")[0] == 1009
    assert value_of(empty_store, "Kent", "NI 39", "2008/09")[0] == 1400
    assert empty_store.conn.execute("SELECT count(*) FROM observations").fetchone()[0] == 13
    plan = plan_import([tmp_path / "wide.xlsx"], import_context(empty_store))
    assert any("Medway" in note and "outside Kent" in note for note in plan.notes)
    assert any("districts across the top" in read for read in plan.sheets_read)


@pytest.mark.parametrize(("sheet_name", "above", "area_column"), [
    ("Tunbridge Wells", [], False),                                  # place from the sheet's name
    ("Sheet1", [["Tunbridge Wells Borough Council: KA2 indicators"]], False),  # from a title
    ("Sheet1", [], True),                                            # from a District column
])
def test_wide_by_period(empty_store, tmp_path, sheet_name, above, area_column):
    rows = [["NI Ref", "Description", "2006/07", "2007/08", "2008/09", "Kent 2010/11 Target"],
            ["NI 39", "Alcohol", 1250, 1230, "1,212", "1,212"],
            ["NI 163", "Level 2", 66.0, 68.5, 70.9, 75.6]]
    if area_column:
        for r, row in enumerate(rows):
            row.insert(0, "District" if r == 0 else "TWBC")
    result = do_import(empty_store, write(tmp_path / "periods.xlsx", {sheet_name: above + rows}))
    assert result.ok, [p.sentence() for p in result.rejected]
    assert value_of(empty_store, "Tunbridge Wells", "NI 39", "2006/07")[0] == 1250
    assert value_of(empty_store, "Tunbridge Wells", "NI 39", "2008/09")[0] == 1212
    assert value_of(empty_store, "Kent", "NI 163", "2010/11", kind="target")[0] == 75.6


@pytest.mark.parametrize("headers", [
    ["District", "NI", "Year", "Value"], ["Locality", "NI Ref", "Period", "Actual"],
    ["Area", "Indicator", "Year", "Outturn"], ["Authority", "Code", "Year", "Result"],
    ["LA name", "Ref", "Period", "Value"], ["DISTRICT", "ni ref.", "year:", "VALUE"],
])
def test_header_words_vary(empty_store, tmp_path, headers):
    rows = [headers, ["Dover", "NI 39", "2008/09", 1400]]
    assert do_import(empty_store, write(tmp_path / "h.csv", {"D": rows})).ok
    assert value_of(empty_store, "Dover", "NI 39", "2008/09")[0] == 1400


def test_codes_inside_the_title_and_total_rows(empty_store, tmp_path):
    rows = [["Indicator", "Tunbridge Wells", "Kent"],
            ["163 Working age population qualified to at least Level 2 or higher", 70.9, 68],
            ["NI 39: Hospital admissions for alcohol related harm", 1212, 1300],
            ["Total", 1282.9, 1368]]
    result = do_import(empty_store, write(tmp_path / "t.xlsx", {"2008": rows}))
    assert result.ok, [p.sentence() for p in result.rejected]
    assert value_of(empty_store, "Tunbridge Wells", "NI 163", "2008")[0] == 70.9
    assert value_of(empty_store, "Kent", "NI 39", "2008")[0] == 1300
    assert [p.row for p in result.skipped] == [4]


def test_a_sheet_without_a_period_says_what_is_missing(empty_store, tmp_path):
    before = dump(empty_store)
    rows = [["NI", "Ashford", "Dover"], ["NI 39", 1, 2]]
    result = do_import(empty_store, write(tmp_path / "np.xlsx", {"Sheet1": rows}))
    assert not result.ok
    assert "missing a period" in result.rejected[0].reason
    assert '"NI", "Ashford", "Dover"' in result.rejected[0].reason
    assert dump(empty_store) == before


def test_a_confirmed_mapping_is_saved_as_a_profile_for_files_with_the_same_headers(empty_store, tmp_path):
    rows = [["Place", "Measure", "When", "Amount"], ["Dover", "NI 39", "2008/09", 1400]]
    path = write(tmp_path / "odd.csv", {"D": rows})
    assert not do_import(empty_store, path).ok
    save_profile(empty_store, ["Place", "Measure", "When", "Amount"],
                 {0: "AREA", 1: "CODE", 2: "PERIOD", 3: "VALUE"}, name="Dover council returns")
    result = do_import(empty_store, path)
    assert result.ok and value_of(empty_store, "Dover", "NI 39", "2008/09")[0] == 1400


@pytest.mark.parametrize("title", [["Position at March 2010"], ["How does Tunbridge Wells fare, 2010"], []])
def test_kent_best_and_worst_take_the_period_of_the_values_beside_them(empty_store, tmp_path, title):
    rows = [title, [], ["NI", "Indicator", "Tunbridge Wells 2009/10", "Kent target 2010/11", "Kent best",
                        "Kent worst"],
            ["NI 163", "Working age people with level 2 skills", 72.1, 75.6, 77.6, 58.7]]
    result = do_import(empty_store, write(tmp_path / "fare.xlsx", {"Fare in Kent": rows}))
    assert result.ok, [p.sentence() for p in result.rejected]
    stored = sorted(empty_store.conn.execute(
        "SELECT a.name, o.kind, o.period, o.value FROM observations o JOIN areas a ON a.id = o.area_id"))
    assert stored == [("Kent", "best", "2009/10", 77.6), ("Kent", "target", "2010/11", 75.6),
                      ("Kent", "worst", "2009/10", 58.7), ("Tunbridge Wells", "value", "2009/10", 72.1)]


@pytest.mark.parametrize("heading", ["Value (%)", "Outturn %", "Rate per 1,000", "%", "Actual (per cent)"])
def test_a_value_heading_with_its_unit_beside_it_is_the_value_column(empty_store, tmp_path, heading):
    rows = [["District", "Period", heading], ["Ashford", "2009/10", 61.5], ["Dover", "2009/10", 63]]
    result = do_import(empty_store, write(tmp_path / "unit.xlsx", {"NI 163": rows}))
    assert result.ok, [p.sentence() for p in result.rejected]
    assert value_of(empty_store, "Ashford", "NI 163", "2009/10")[0] == 61.5


def test_notes_beside_several_years_figures_are_about_the_latest(empty_store, tmp_path):
    rows = [["District", "2008/09", "2009/10", "Target 2010/11", "Notes"],
            ["Ashford", 1, 2, 0.5, "Rising"], ["Dover", 2, 3, 0.5, "Steady"]]
    result = do_import(empty_store, write(tmp_path / "wide.xlsx", {"NI 16": rows}))
    assert result.ok, [p.sentence() for p in result.rejected]
    assert value_of(empty_store, "Dover", "NI 16", "2008/09")[0] == 2.0
    comments = sorted(empty_store.conn.execute(
        "SELECT a.name, c.period, c.text FROM commentary c JOIN areas a ON a.id = c.area_id"))
    assert comments == [("Ashford", "2009/10", "Rising"), ("Dover", "2009/10", "Steady")]
