"""Fingertips and LG Inform CSV files, imported with `vfk import` into a fresh database."""

import csv
import json
import sqlite3

import pytest

from tests.conftest import run_cli
from vfk_desktop.io.readers.public_data import fingertips_code, public_period

DISTRICTS = [
    ("E07000105", "Ashford"), ("E07000106", "Canterbury"), ("E07000107", "Dartford"),
    ("E07000108", "Dover"), ("E07000109", "Gravesham"), ("E07000110", "Maidstone"),
    ("E07000111", "Sevenoaks"), ("E07000112", "Folkestone and Hythe"), ("E07000113", "Swale"),
    ("E07000114", "Thanet"), ("E07000115", "Tonbridge and Malling"),
    ("E07000116", "Tunbridge Wells"),
]
OTHERS = [("E10000016", "Kent"), ("E92000001", "England"), ("E12000008", "South East"),
          ("E06000035", "Medway")]
FINGERTIPS_HEADINGS = [
    "Indicator ID", "Indicator Name", "Parent Code", "Parent Name", "Area Code", "Area Name",
    "Area Type", "Sex", "Age", "Category Type", "Category", "Time period", "Value",
    "Lower CI 95.0 limit", "Upper CI 95.0 limit", "Lower CI 99.8 limit", "Upper CI 99.8 limit",
    "Count", "Denominator", "Value note", "Recent Trend", "Compared to England value or percentiles",
    "Compared to South East region value or percentiles", "Time period Sortable", "New data",
    "Compared to goal",
]
SEXES = {"Persons": 0.0, "Male": 5.0, "Female": -5.0}
PERIODS = {"2017 - 19": 0.0, "2018 - 20": 1.0}


def _value(area_index: int, sex: str, period: str) -> float:
    return round(60 + area_index + SEXES[sex] + PERIODS[period], 1)


def _fingertips_rows() -> list[list[object]]:
    rows = []
    for index, (code, name) in enumerate([*DISTRICTS, *OTHERS]):
        for sex in SEXES:
            for period in PERIODS:
                value = _value(index, sex, period)
                suppressed = code == "E07000108" and sex == "Female" and period == "2018 - 20"
                rows.append([
                    "90323", "Healthy life expectancy", "E10000016", "Kent", code, name,
                    "Districts & UAs", sex, "All ages", "", "", period,
                    "" if suppressed else value,
                    "" if suppressed else value - 2, "" if suppressed else value + 2,
                    "" if suppressed else value - 3, "" if suppressed else value + 3,
                    "" if suppressed else 100 + index, "" if suppressed else 1000 + index,
                    "Value suppressed for disclosure control due to small count" if suppressed else "",
                    "Cannot be calculated", "Similar", "Similar", period[:4] + "0000", "", "",
                ])
    return rows


@pytest.fixture
def fresh_db(tmp_path):
    db = tmp_path / "vfk.db"
    done = run_cli("init", db=db)
    assert done.returncode == 0, done.stderr
    return db


def _write(path, headings, rows):
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(headings)
        writer.writerows(rows)
    return path


def _stored(db, code):
    conn = sqlite3.connect(db)
    try:
        return {
            (area, period): (value, missing, count, denominator, l95, u95, l99, u99, kind)
            for area, period, value, missing, count, denominator, l95, u95, l99, u99, kind
            in conn.execute(
                "SELECT a.name, o.period, o.value, o.missing, o.count, o.denominator, o.lower_95, "
                "o.upper_95, o.lower_99_8, o.upper_99_8, a.kind FROM observations o "
                "JOIN areas a ON a.id = o.area_id WHERE o.indicator = ?", (code,))
        }
    finally:
        conn.close()


def test_a_fingertips_csv_is_imported_with_counts_limits_comparators_and_sexes_apart(fresh_db, tmp_path):
    source = _write(tmp_path / "indicators-DistrictUA.data.csv", FINGERTIPS_HEADINGS, _fingertips_rows())
    done = run_cli("import", str(source), "--json", db=fresh_db)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["inserted"] == 15 * 3 * 2, report  # 12 districts, Kent, England, South East
    assert report["rejected"] == []

    persons, female, male = (_stored(fresh_db, code) for code in ("FT 90323", "FT 90323/F", "FT 90323/M"))
    assert len(persons) == len(female) == len(male) == 30
    names = [("Shepway" if n == "Folkestone and Hythe" else n) for _, n in DISTRICTS + OTHERS[:3]]
    for index, area in enumerate(names):
        for sex, stored in (("Persons", persons), ("Female", female), ("Male", male)):
            value, missing, count, denominator, l95, u95, l99, u99, _ = stored[(area, "2019")]
            expected = _value(index, sex, "2017 - 19")
            assert (value, missing, count, denominator) == (expected, None, 100 + index, 1000 + index)
            assert (l95, u95, l99, u99) == pytest.approx((expected - 2, expected + 2, expected - 3,
                                                          expected + 3))
    assert female[("Dover", "2020")][:3] == (None, "suppressed", None)
    assert persons[("England", "2020")][-1] == "comparator"
    assert persons[("South East", "2020")][-1] == "comparator"
    assert not any(area == "Medway" for area, _ in persons)

    conn = sqlite3.connect(fresh_db)
    titles = dict(conn.execute("SELECT code, title FROM indicators WHERE code LIKE 'FT %'"))
    conn.close()
    assert titles == {"FT 90323": "Healthy life expectancy",
                      "FT 90323/F": "Healthy life expectancy (Female)",
                      "FT 90323/M": "Healthy life expectancy (Male)"}

    preview = run_cli("import", str(source), "--dry-run", db=fresh_db)
    text = preview.stdout + preview.stderr
    assert "Medway (E06000035) is outside Kent's 12 districts" in text
    assert text.count("Medway (E06000035)") == 1  # one note for the area, not one per row
    assert "2018 - 20 as 2020" in text

    fare = json.loads(run_cli("fare", "--locality", "Dover", "--json", db=fresh_db).stdout)
    rows = [row for row in fare if row["code"].startswith("FT 90323")]
    assert rows, fare
    england = {_value(12 + 1, sex, p) for sex in SEXES for p in PERIODS}
    for row in rows:
        assert row["districts_reported"] <= 12
        assert row["of"] in (None, 11, 12)
        assert row["kent_best"] not in england or row["kent_best"] in {
            _value(i, s, p) for i in range(12) for s in SEXES for p in PERIODS}


def _lg_inform_rows() -> list[list[object]]:
    rows = []
    for index, (code, name) in enumerate([*DISTRICTS, *OTHERS]):
        for period, step in (("2018/19", 0), ("2019/20", 1)):
            rows.append([code, name, "Percentage of household waste sent for reuse", "1234", period,
                         40 + index + step])
        rows.append([code, name, "Percentage of household waste sent for reuse", "1234", "Q3 2019/20",
                     "" if code == "E07000113" else 45 + index])
    return rows


def test_an_lg_inform_csv_is_imported_as_it_comes(fresh_db, tmp_path):
    source = _write(tmp_path / "lginform.csv",
                    ["area code", "area", "metric", "metric id", "period", "value"], _lg_inform_rows())
    done = run_cli("import", str(source), "--json", db=fresh_db)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    # Swale's blank Q3 cell is skipped (blank); with nothing stored before, it reads "not available"
    assert report["rejected"] == [] and (report["inserted"], report["skipped"]) == (15 * 3 - 1, 1)
    stored = _stored(fresh_db, "LGI 1234")
    assert stored[("Tunbridge Wells", "2019/20")][0] == 40 + 11 + 1
    assert stored[("Swale", "2019/20 Q3")][:2] == (None, "not available")
    assert stored[("England", "2018/19")][-1] == "comparator"
    assert not any(area == "Medway" for area, _ in stored)
    fare = json.loads(run_cli("fare", "--locality", "Swale", "--json", db=fresh_db).stdout)
    assert all(row["districts_reported"] <= 12 for row in fare)
    preview = run_cli("import", str(source), "--dry-run", db=fresh_db)
    assert "Medway (E06000035) is outside Kent's 12 districts" in preview.stdout + preview.stderr


@pytest.mark.parametrize(("text", "label", "ranged"), [
    ("2019/20", "2019/20", False), ("2020", "2020", False), ("2019/20 Q3", "2019/20 Q3", False),
    ("Q3 2019/20", "2019/20 Q3", False), ("2018 - 20", "2020", True),
    ("2016/17 - 18/19", "2018/19", True),
])
def test_public_periods(text, label, ranged):
    period, was_range = public_period(text)
    assert (period.label, was_range) == (label, ranged)


def test_fingertips_sub_indicator_codes_are_stable_and_valid():
    assert fingertips_code("90323", "Persons", "All ages", "") == "FT 90323"
    assert fingertips_code("90323", "Female", "65+ yrs", "") == "FT 90323/F/65UP"
    assert fingertips_code("40401", "Persons", "<75 yrs", "") == "FT 40401/U75"
    decile = fingertips_code("90323", "Persons", "All ages", "Deprivation decile: Most deprived")
    assert decile == fingertips_code("90323", "Persons", "All ages", "Deprivation decile: Most deprived")
    assert decile != fingertips_code("90323", "Persons", "All ages", "Deprivation decile: Least deprived")
