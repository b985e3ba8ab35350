"""What kind of figure each value is, as a partner's file says it: a Unit column ("Rate per 1,000")
or the value column's heading ("Rate per 1,000", "%") is kept with the observation, and its
intervals are worked out for that kind, not for the catalogue's."""

import json
import math
import sqlite3

import openpyxl
import pytest

from tests.conftest import run_cli
from vfk_desktop.domain.statistics import ValueType, value_type_of

DISTRICTS = ["Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone", "Sevenoaks",
             "Shepway", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"]
DENOMINATOR = 40_000


@pytest.mark.parametrize(("words", "expected"), [
    ("Rate per 1,000", (ValueType.RATE, 1000.0)),
    ("Crude rate per 100,000 population", (ValueType.RATE, 100_000.0)),
    ("rate per 10000 households", (ValueType.RATE, 10_000.0)),
    ("%", (ValueType.PROPORTION, 100.0)),
    ("Percentage", (ValueType.PROPORTION, 100.0)),
    ("per cent", (ValueType.PROPORTION, 100.0)),
    ("Number", (ValueType.COUNT, None)),
    ("Number of households", (ValueType.COUNT, None)),
    ("Standardised mortality ratio", (ValueType.RATIO, None)),
    ("Mean score", (ValueType.MEAN, None)),
    ("Value", None), ("Households", None), ("", None), (None, None), (12, None),
])
def test_a_unit_or_heading_names_its_value_type(words, expected):
    assert value_type_of(words) == expected


def count_of(district: str) -> int:
    return 150 + 10 * DISTRICTS.index(district)


def workbook(path, value_heading: str, unit: str | None):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Area", "Indicator code", "Year", value_heading, "Numerator", "Denominator",
                  *(["Unit"] if unit is not None else [])])
    for district in DISTRICTS:
        count = count_of(district)
        sheet.append([district, "NI 152", "2008/09", round(count / DENOMINATOR * 1000, 3), count,
                      DENOMINATOR, *([unit] if unit is not None else [])])
    book.save(path)
    return path


def stored_types(db) -> set[tuple]:
    conn = sqlite3.connect(db)
    try:
        return set(conn.execute("SELECT value_type, multiplier FROM observations WHERE kind = 'value'"))
    finally:
        conn.close()


def byar_rate(count: int, denominator: int, per: float, z: float = 1.96) -> tuple[float, float]:
    """Byar's approximation to the Poisson limits, as the public health guidance gives it."""
    low = count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3
    high = (count + 1) * (1 - 1 / (9 * (count + 1)) + z / (3 * math.sqrt(count + 1))) ** 3
    return low / denominator * per, high / denominator * per


def dover(db) -> dict:
    done = run_cli("fare", "--locality", "Dover", "--json", db=db)
    assert done.returncode == 0, done.stderr
    return {row["code"]: row for row in json.loads(done.stdout)}["NI 152"]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "vfk.db"
    assert run_cli("init", db=path).returncode == 0
    return path


def test_a_unit_column_gives_each_figure_its_kind_and_its_intervals(db, tmp_path):
    # NI 152 is a percentage in the catalogue; this partner sends it as a rate per 1,000
    done = run_cli("import", str(workbook(tmp_path / "rates.xlsx", "Value", "Rate per 1,000")), db=db)
    assert done.returncode == 0, done.stderr
    assert stored_types(db) == {("rate", 1000.0)}
    low, high = byar_rate(count_of("Dover"), DENOMINATOR, 1000)
    assert dover(db)["ci95"] == pytest.approx([low, high], abs=0.001)


def test_the_value_columns_heading_names_the_kind_when_no_unit_column_does(db, tmp_path):
    source = workbook(tmp_path / "rates.xlsx", "Rate per 1,000", None)
    mapping = ("Area=locality", "Indicator code=indicator code", "Year=period",
               "Rate per 1,000=value", "Numerator=count", "Denominator=denominator")
    done = run_cli("import", str(source), *(f"--map={pair}" for pair in mapping), db=db)
    assert done.returncode == 0, done.stderr
    assert stored_types(db) == {("rate", 1000.0)}
    low, high = byar_rate(count_of("Dover"), DENOMINATOR, 1000)
    assert dover(db)["ci95"] == pytest.approx([low, high], abs=0.001)


def test_without_a_unit_the_catalogues_kind_applies_and_a_revised_unit_is_an_update(db, tmp_path):
    done = run_cli("import", str(workbook(tmp_path / "plain.xlsx", "Value", None)), db=db)
    assert done.returncode == 0, done.stderr
    assert stored_types(db) == {(None, None)}
    as_proportion = dover(db)["ci95"]

    done = run_cli("import", str(workbook(tmp_path / "rates.xlsx", "Value", "per 1,000")), "--json",
                   db=db)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["updated"] == len(DISTRICTS)
    assert stored_types(db) == {("rate", 1000.0)}
    assert dover(db)["ci95"] != as_proportion

    imports = json.loads(run_cli("imports", "--json", db=db).stdout)
    assert run_cli("undo", str(max(item["import_id"] for item in imports)), db=db).returncode == 0
    assert stored_types(db) == {(None, None)}
    assert dover(db)["ci95"] == as_proportion
