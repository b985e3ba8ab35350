"""`vfk fare --json` with counts and denominators imported from a partner's workbook: intervals,
Kent worked out from the districts, significance against Kent and England, the tested trend and
the quartile, checked against values worked out here with scipy and plain arithmetic."""

import json
import sqlite3

import openpyxl
import pytest
from scipy.stats import binomtest

from tests.conftest import run_cli

DISTRICTS = ["Ashford", "Canterbury", "Dartford", "Dover", "Gravesham", "Maidstone", "Sevenoaks",
             "Shepway", "Swale", "Thanet", "Tonbridge and Malling", "Tunbridge Wells"]
YEARS = ["2004/05", "2005/06", "2006/07", "2007/08", "2008/09"]
DENOMINATOR = 50_000
HEADINGS = ["Area", "Indicator code", "Year", "Value", "Numerator", "Denominator"]


def count_of(district: str, year: int) -> int:
    """Claimants: Dover's rise year on year (NI 152: lower is better), the others' stay level."""
    base = 2_000 + 100 * DISTRICTS.index(district)
    return base + (400 * year if district == "Dover" else 0)


def rows() -> list[list[object]]:
    found = []
    for year, period in enumerate(YEARS):
        for district in DISTRICTS:
            count = count_of(district, year)
            found.append([district, "NI 152", period, round(count / DENOMINATOR * 100, 3), count,
                          DENOMINATOR])
    return found


def workbook(path, body, headings=HEADINGS):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Claimants"
    sheet.append(headings)
    for row in body:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "vfk.db"
    assert run_cli("init", db=path).returncode == 0
    done = run_cli("import", str(workbook(tmp_path / "claimants.xlsx", rows())), db=path)
    assert done.returncode == 0, done.stderr
    return path


def fare(db, district, *args):
    done = run_cli("fare", "--locality", district, "--json", *args, db=db)
    assert done.returncode == 0, done.stderr
    return {row["code"]: row for row in json.loads(done.stdout)}["NI 152"]


def test_intervals_kent_significance_trend_and_quartile(db):
    dover = fare(db, "Dover")
    count = count_of("Dover", 4)
    assert (dover["period"], dover["count"], dover["denominator"]) == ("2008/09", count, DENOMINATOR)
    for key, level in (("ci95", 0.95), ("ci998", 0.998)):
        theirs = binomtest(count, DENOMINATOR).proportion_ci(confidence_level=level, method="wilson")
        assert dover[key] == pytest.approx([theirs.low * 100, theirs.high * 100], abs=0.01)
    # no Kent figure in the file: Kent is the districts' total count over their total denominator
    total = sum(count_of(d, 4) for d in DISTRICTS)
    assert dover["kent_value_source"] == "computed"
    assert dover["kent_value"] == pytest.approx(total / (DENOMINATOR * 12) * 100, abs=1e-4)
    assert dover["vs_kent"] == dover["vs_kent_998"] == "worse"  # far above Kent, lower is better
    assert dover["vs_england"] is None  # no England figure stored
    assert dover["trend"] == {"label": "Increasing and getting worse", "points": 5}
    assert (dover["rank"], dover["of"], dover["quartile"]) == (12, 12, 4)
    ashford = fare(db, "Ashford")
    assert ashford["trend"] == {"label": "No significant change", "points": 5}
    assert (ashford["rank"], ashford["quartile"]) == (1, 1)
    assert ashford["vs_kent"] == "better"
    shepway = fare(db, "Shepway")  # 2,700 of 50,000 = 5.4 %, Kent 5.37 %: inside its interval
    assert shepway["ci95"][0] < shepway["kent_value"] < shepway["ci95"][1]
    assert shepway["vs_kent"] == "similar" and shepway["quartile"] == 3
    early = fare(db, "Dover", "--period", "2006/07")
    assert early["trend"] == {"label": "Could not be calculated", "points": 3}


def test_a_stated_kent_wins_and_a_disagreeing_one_is_a_warning(db, tmp_path):
    computed = fare(db, "Dover")["kent_value"]
    england_and_kent = [["Kent", "NI 152", "2008/09", round(computed * 1.02, 2), "", ""],
                        ["England", "NI 152", "2008/09", 6.1, "", ""]]
    body = [row for row in rows() if row[2] == "2008/09"] + england_and_kent
    done = run_cli("import", str(workbook(tmp_path / "kent.xlsx", body)), db=db)
    assert done.returncode == 0, done.stderr
    assert "Kent's NI 152 for 2008/09 is stated as" in done.stdout
    assert f"give {round(computed, 2)}" in done.stdout and "the stated value is kept" in done.stdout
    dover = fare(db, "Dover")
    assert dover["kent_value_source"] == "stated"
    assert dover["kent_value"] == round(computed * 1.02, 2)
    assert dover["vs_england"] == ("worse" if dover["ci95"][0] > 6.1 else "similar")


def test_kent_alone_in_a_later_file_is_checked_against_the_districts_already_stored(db, tmp_path):
    computed = fare(db, "Dover")["kent_value"]  # the districts came in an earlier import
    kent_only = [["Kent", "NI 152", "2008/09", round(computed * 0.97, 2), "", ""]]
    done = run_cli("import", str(workbook(tmp_path / "kent_only.xlsx", kent_only)), db=db)
    assert done.returncode == 0, done.stderr
    assert "Kent's NI 152 for 2008/09 is stated as" in done.stdout
    assert f"give {round(computed, 2)} (12 of them already in the database)" in done.stdout
    agreeing = [["Kent", "NI 152", "2008/09", round(computed, 2), "", ""]]
    done = run_cli("import", str(workbook(tmp_path / "kent_agrees.xlsx", agreeing)), db=db)
    assert done.returncode == 0 and "stated as" not in done.stdout


def test_one_district_revised_against_a_stored_kent_is_checked(db, tmp_path):
    kent = round(fare(db, "Dover")["kent_value"], 2)
    run_cli("import", str(workbook(tmp_path / "kent.xlsx", [["Kent", "NI 152", "2008/09", kent, "", ""]])),
            db=db)
    dover = [row for row in rows() if row[0] == "Dover" and row[2] == "2008/09"][0]
    revised = ["Dover", "NI 152", "2008/09", 30.0, 15_000, DENOMINATOR]  # 30 %: Kent moves far
    done = run_cli("import", str(workbook(tmp_path / "dover.xlsx", [revised])), db=db)
    assert done.returncode == 0, (done.stderr, dover)
    assert "dover.xlsx: the 12 districts' counts and denominators for NI 152 2008/09 give" in done.stdout
    assert f"but Kent's figure already in the database is {kent}" in done.stdout


def test_a_bad_count_is_refused_naming_its_cell_and_nothing_changes(db, tmp_path):
    before = sqlite3.connect(db).execute("SELECT * FROM observations ORDER BY 1, 2, 3, 4").fetchall()
    bad = rows()[:3]
    bad[1][4] = "lots"
    done = run_cli("import", str(workbook(tmp_path / "bad.xlsx", bad)), db=db)
    assert done.returncode == 1
    said = done.stdout + done.stderr  # the refused rows are listed, then the one-line verdict
    assert 'bad.xlsx, sheet "Claimants", row 3' in said and "count in E3" in said
    assert "Traceback" not in said
    after = sqlite3.connect(db).execute("SELECT * FROM observations ORDER BY 1, 2, 3, 4").fetchall()
    assert after == before


def test_counts_and_denominators_go_out_and_come_back_with_an_export(db, tmp_path):
    out, copy = tmp_path / "county.xlsx", tmp_path / "copy.db"
    assert run_cli("export", "--county", "--out", str(out), db=db).returncode == 0
    assert run_cli("init", db=copy).returncode == 0
    done = run_cli("import", str(out), db=copy)
    assert done.returncode == 0, done.stderr
    query = ("SELECT a.name, o.indicator, o.period, o.value, o.count, o.denominator FROM observations o "
             "JOIN areas a ON a.id = o.area_id ORDER BY 1, 2, 3")
    original, back = (sqlite3.connect(path).execute(query).fetchall() for path in (db, copy))
    assert back == original and len(back) == 60
    assert fare(copy, "Dover") == fare(db, "Dover")


def test_fare_json_starts_without_scipy_when_no_small_count_needs_it(db):
    from tests.conftest import run_python

    done = run_python("import contextlib, io, sys\n"
                      "from vfk_desktop.cli import main\n"
                      "with contextlib.redirect_stdout(io.StringIO()):\n"
                      f"    main(['--db', {str(db)!r}, 'fare', '--locality', 'Dover', '--json'])\n"
                      "print(sorted(m for m in ('scipy', 'numpy', 'PySide6') if m in sys.modules))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"  # intervals from counts of 10 or more need no scipy


def test_a_wide_table_gives_each_district_s_count_and_denominator_in_its_own_columns(tmp_path):
    """Districts across the top, each with its value, "<district> numerator" and "Denominator <district>"
    (either order), and stated limits for one: read as the long layout reads them."""
    db = tmp_path / "wide.db"
    assert run_cli("init", db=db).returncode == 0
    headings, cells = ["NI", "Year"], ["NI 152", "2008/09"]
    for district in DISTRICTS:
        count = count_of(district, 4)
        headings += [district, f"{district} numerator", f"Denominator {district}"]
        cells += [round(count / DENOMINATOR * 100, 3), count, DENOMINATOR]
    headings += ["Dover lower CI", "Dover upper CI"]
    cells += [5.5, 6.1]
    done = run_cli("import", str(workbook(tmp_path / "wide.xlsx", [cells], headings)), db=db)
    assert done.returncode == 0, done.stdout + done.stderr
    dover = fare(db, "Dover")
    assert (dover["count"], dover["denominator"]) == (count_of("Dover", 4), DENOMINATOR)
    assert dover["ci95"] == [5.5, 6.1]  # stated limits win over worked-out ones
    assert dover["kent_value_source"] == "computed"
    total = sum(count_of(d, 4) for d in DISTRICTS)
    assert dover["kent_value"] == pytest.approx(total / (DENOMINATOR * 12) * 100, abs=1e-4)
    ashford = fare(db, "Ashford")
    theirs = binomtest(count_of("Ashford", 4), DENOMINATOR).proportion_ci(confidence_level=0.95,
                                                                           method="wilson")
    assert ashford["ci95"] == pytest.approx([theirs.low * 100, theirs.high * 100], abs=0.01)


def test_a_wide_statistic_that_is_not_a_number_is_refused_naming_its_cell(tmp_path):
    db = tmp_path / "wide.db"
    assert run_cli("init", db=db).returncode == 0
    headings = ["NI", "Year", "Dover", "Dover count", "Dover denominator"]
    done = run_cli("import", str(workbook(tmp_path / "bad.xlsx", [["NI 152", "2008/09", 5.4, "many", 50_000]],
                                          headings)), db=db)
    assert done.returncode == 1
    assert "D2" in done.stdout + done.stderr and "count" in done.stdout + done.stderr
