"""Every view of one database, district and period choice agrees with `vfk fare --json`.

The window's Overview, Indicator, Priorities and Vision pages, `vfk rankings --json`, the KA2 return,
the county workbook, the fare CSV and the Board pack are read back as an officer (or another tool)
reads them, into plain values: each indicator's period, value, rank and "of", status (RAG and against
target), priority and newer figure of the district's own, as far as the view shows them; and the
High / Medium / Low counts, and the statuses within each band, wherever a view states them.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections import Counter
from html import unescape
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt

from tests.conftest import run_cli
from tests.io.exported import DISTRICTS
from tests.ui.conftest import dispose
from vfk_desktop.app import make_application
from vfk_desktop.domain.codes import parent_code
from vfk_desktop.domain.periods import parse_period
from vfk_desktop.facts.board import build_pack
from vfk_desktop.facts.exports import county_facts, return_facts
from vfk_desktop.facts.fare import band_counts
from vfk_desktop.io import export_layout as layout
from vfk_desktop.io.writers.county_workbook import write_county_workbook
from vfk_desktop.io.writers.fare_csv import write_fare_csv
from vfk_desktop.io.writers.ka2_return import write_ka2_return
from vfk_desktop.palette import RAG_TINT
from vfk_desktop.reports.html import Tables, pack_html
from vfk_desktop.store.connection import open_store
from vfk_desktop.ui.main_window import LATEST, MainWindow

CHOICES = (None, "2008/09")  # each indicator at its newest comparable period; a reporting year
WINDOW_DISTRICTS = ("Tunbridge Wells", "Dover", "Thanet")
BANDS = ("High", "Medium", "Low")
# A partner's file on top of the sample: a newer figure of Tunbridge Wells' alone; NI 39 for 2009/10
# from 9 districts, Dover's suppressed; NI 32 (no figures in the sample) from 3 districts only.
NI39_2009 = {"Ashford": 1100, "Canterbury": 1200, "Dartford": 1300, "Dover": "*", "Gravesham": 1250,
             "Maidstone": 1150, "Sevenoaks": 900, "Shepway": 1400, "Swale": 1350, "Tunbridge Wells": 1180}
PARTNER_ROWS = [("Tunbridge Wells", "NI 163", "2009", "73.0"),
                *((name, "NI 39", "2009/10", str(value)) for name, value in NI39_2009.items()),
                ("Tunbridge Wells", "NI 32", "2008/09", "12.5"), ("Ashford", "NI 32", "2008/09", "10.1"),
                ("Dover", "NI 32", "2008/09", "14.2")]

STATUS = re.compile(r"^[■▲●] (Red|Amber|Green)(?: \((better|met|worse)\))?$")
RANK = re.compile(r"^(\d+) of (\d+)(?: · Q([1-4]))?$")  # "6 of 12", "6 of 12 · Q2"
NEWER = re.compile(r"(?:(NI \w+): )?([^;:]+?) \((\S+)\)")  # "73 (2009)", "NI 163: 73 (2009), …"
COUNT = re.compile(r"\((\d+|none)\)$")
WORDS = {"Better than target": "better", "Met target": "met", "Worse than target": "worse"}
SIGNIFICANCE = re.compile(r"^[▲●▼△▽] (Better|Similar|Worse|Higher|Lower)$")


def copy_importing(template: Path, folder: Path, header: tuple, rows: list[tuple]) -> Path:
    """A copy of the sample database with rows imported from a CSV file by `vfk import`."""
    path = folder / "vfk.db"
    shutil.copy(template, path)
    with (folder / "partner.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([header, *rows])
    done = run_cli("import", str(folder / "partner.csv"), db=path)
    assert done.returncode == 0, done.stderr
    return path


@pytest.fixture(scope="module")
def databases(sample_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    sample = tmp_path_factory.mktemp("sample") / "vfk.db"
    shutil.copy(sample_template, sample)
    return {"sample": sample, "imported": copy_importing(
        sample_template, tmp_path_factory.mktemp("imported"), ("District", "NI", "Period", "Value"),
        PARTNER_ROWS)}


# --- plain values -------------------------------------------------------------------------------
def number(value: object) -> float | None:
    """A figure as a number (to the 3 decimals the window writes at most); "N/a", "*", "–": none."""
    try:
        return round(float(str(value).replace(",", "").removesuffix("%")), 3)
    except ValueError:
        return None


def status(text: str | None) -> tuple[str | None, str | None]:
    """ "■ Red (worse)" -> ("red", "worse"); a cell without a status -> (None, None)."""
    found = STATUS.match(text or "")
    return (found[1].lower(), found[2]) if found else (None, None)


def count(heading: str) -> int | str:
    """ "Medium priorities (8)" -> 8; anything else is kept, to show up in the message."""
    found = COUNT.search(heading)
    return (0 if found[1] == "none" else int(found[1])) if found else heading


def status_counts(text: str) -> dict[tuple[str, str | None], int]:
    """ "High priorities: 2 red, 2 green, 4 without a status · …" -> {("High", "red"): 2, …}."""
    return {(band, None if word.startswith("without") else word): int(n)
            for band, parts in re.findall(r"(High|Medium|Low) priorities: ([^·]+)", text)
            for n, word in re.findall(r"(\d+) (red|amber|green|without a status)", parts)}


def significance(text: str | None) -> str | None:
    """ "▲ Better" -> "better"; "not compared", "–" or no cell -> None."""
    found = SIGNIFICANCE.match(text or "")
    return found[1].lower() if found else None


def from_text(cells: dict[str, str], priority: str | None) -> dict:
    """A row as the window and the pack write it: "1,212", "6 of 12", "■ Red (worse)", "–",
    "▲ Better", "6 of 12 · Q2"."""
    rag, vs_target = status(cells["Status"])
    ranked = RANK.match(cells["Rank"])
    return {"period": None if cells["Period"] == "–" else cells["Period"], "value": number(cells["Value"]),
            "rank": int(ranked[1]) if ranked else None, "of": int(ranked[2]) if ranked else None,
            "rag": rag, "vs_target": vs_target, "priority": priority,
            "vs_kent": significance(cells["vs Kent"]),
            "quartile": int(ranked[3]) if ranked and ranked[3] else None}


def newer(text: str) -> tuple[str, float | None] | None:
    found = NEWER.match(text)
    return (found[3], number(found[2])) if found else None


# --- `vfk fare --json` (what every view is compared with) and `vfk rankings --json` ---------------
def cli_json(db: Path, *args: str) -> list[dict]:
    done = run_cli(*args, "--json", db=db)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def fare_json(db: Path, district: str, choice: str | None) -> dict[str, dict]:
    rows = cli_json(db, "fare", "--locality", district, *(("--period", choice) if choice else ()))
    return {row["code"]: json_fields(row) for row in rows}


def json_fields(row: dict) -> dict:
    own = row["own_newer"]
    return {"period": row["period"], "value": number(row["value"]), "rank": row["rank"], "of": row["of"],
            "rag": row["rag"], "vs_target": row["vs_target"], "priority": row["priority"],
            "newer": (own["period"], number(own["value"])) if own else None,
            "vs_kent": row["vs_kent"], "quartile": row["quartile"]}


def rankings_json(db: Path, district: str, expected: dict[str, dict]) -> tuple[dict, dict[str, int]]:
    """Each fare row's priority as `vfk rankings` ranks it (NI 120f: NI 120's), and the band counts."""
    ranked = {row["code"]: row["priority"] for row in cli_json(db, "rankings", "--locality", district)}
    rows = {code: {"priority": ranked.get(code) or ranked.get(parent_code(code) or "")} for code in expected}
    return rows, dict(Counter(ranked.values()))


# --- the window ---------------------------------------------------------------------------------
def model_cells(model) -> list[dict[str, str]]:
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [{h: model.index(r, c).data() for c, h in enumerate(headers)} for r in range(model.rowCount())]


def overview_shows(window) -> tuple[dict[str, dict], dict[str, int | str], dict]:
    """Each row (its priority: the band it is shown under), each band heading's count, the status counts."""
    page = window.pages["Overview"]
    rows, counts = {}, {}
    for section in page.sections:
        band = section.band.value if section.band else None
        counts[section.title.removesuffix(" priorities")] = count(section.heading.text())
        rows.update({cells["Code"]: {**from_text(cells, band), "newer": newer(cells["Newer"])}
                     for cells in model_cells(section.model)})
    return rows, counts, status_counts(page.counts.text())


def indicator_shows(window, periods: dict[str, str | None]) -> dict[str, dict]:
    """The Indicator page of each code: the priority it states and its history row at the period."""
    page = window.show_page("Indicator")
    shown = {}
    for code, period in periods.items():
        window.open_indicator(code)
        stated = re.search(r"'s priority: (High|Medium|Low|not ranked)", page.facts.text())
        shown[code] = {"priority": None if stated[1] == "not ranked" else stated[1]} if stated else {}
        at_period = [cells for cells in model_cells(page.history_model) if cells["Period"] == period]
        shown[code].update({k: v for k, v in from_text(at_period[0], None).items() if k != "priority"}
                           if at_period else {})
    return shown


def priorities_shows(window) -> dict[str, dict[str, int | str]]:
    page = window.show_page("Priorities")
    headings = {heading.text().split()[0]: count(heading.text()) for heading, _, _ in page.sections}
    label = {band: int(n) for band, n in re.findall(r"(High|Medium|Low) priority: (\d+)", page.counts.text())}
    return {"Priorities page headings": {b: headings[b] for b in BANDS}, "Priorities page counts": label}


def red(priority: str, shown_status: str) -> dict:
    rag, vs_target = status(shown_status)
    return {"priority": None if priority == "not ranked" else priority, "rag": rag, "vs_target": vs_target}


def vision_reds(window) -> dict[str, dict]:
    page = window.show_page("Vision")
    return {cells["Code"]: red(cells["District priority"], cells["District status"])
            for cells in model_cells(page.red_model)}


# --- the files ----------------------------------------------------------------------------------
def ka2_shows(path: Path) -> tuple[dict[str, dict], dict[str, int]]:
    """The Return sheet's rows, and the band counts its Cover states."""
    book = openpyxl.load_workbook(path)
    sheet = book[layout.RETURN_SHEET]
    header = [cell.value for cell in sheet[4]]
    rows = {}
    for values in sheet.iter_rows(min_row=5, values_only=True):
        cell = dict(zip(header, values, strict=True))
        rows[cell["Code"]] = {"period": cell["Period"], "value": number(cell["Value"]), "rank": cell["Rank"],
                              "of": cell["Of"], "rag": status(cell["RAG"])[0],
                              "vs_target": WORDS.get(cell["Status"]), "priority": cell["Priority"],
                              "vs_kent": significance(cell["vs Kent"]), "quartile": cell["Quartile"]}
    cover = {key: value for key, value, *_ in book[layout.COVER_SHEET].iter_rows(values_only=True) if key}
    return rows, {band: int(n) for n, band in re.findall(r"(\d+) (High|Medium|Low)", cover["Indicators"])}


def csv_shows(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {cell["Code"]: {"period": cell["Period"] or None, "value": number(cell["Value"]),
                               "rank": int(cell["Rank"]) if cell["Rank"] else None,
                               "of": int(cell["Of"]) if cell["Of"] else None, "rag": cell["RAG"] or None,
                               "vs_target": WORDS.get(cell["Status"]), "priority": cell["Priority"] or None,
                               "vs_kent": cell["vs Kent"] or None,
                               "quartile": int(cell["Quartile"]) if cell["Quartile"] else None}
                for cell in csv.DictReader(handle)}


def county_shows(path: Path) -> tuple[dict[str, dict[str, dict]], dict[str, dict]]:
    """Each district's value and the status its tint gives, on the theme sheets; and, on the reds
    sheet, how many High priorities it has and how many of them are red, amber, green or neither."""
    book = openpyxl.load_workbook(path)
    tints = {tint.lstrip("#").upper(): rag.value for rag, tint in RAG_TINT.items()}
    shown: dict[str, dict[str, dict]] = {name: {} for name in DISTRICTS}
    for sheet in book.worksheets[2:-1]:
        header = [cell.value for cell in sheet[4]]
        for cells in sheet.iter_rows(min_row=5):
            cell = dict(zip(header, cells, strict=True))
            for name in DISTRICTS:
                shown[name][cell["Code"].value] = {
                    "period": cell["Period"].value, "value": number(cell[name].value),
                    "rag": tints.get(str(cell[name].fill.fgColor.rgb or "")[-6:].upper())}
    high = {}
    summary = book[layout.SUMMARY_SHEET].iter_rows(min_row=5, max_row=4 + len(DISTRICTS), values_only=True)
    for name, size, *by_status in summary:
        statuses = zip(("red", "amber", "green", None), by_status[:4], strict=True)
        high[name] = {"counts": {"High": size}, "statuses": {("High", rag): n for rag, n in statuses}}
    return shown, high


def html_text(fragment: str) -> str:
    """The text as a reader hears it: a line break inside a cell is a space."""
    return unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", " ", fragment))).strip()


def html_tables(html: str) -> list[dict]:
    """The pack's tables (it writes them itself, simply): band heading, column names, rows of cells."""
    tables = []
    for table in re.findall(r"<table.*?</table>", html, re.S):
        head = re.findall(r"<th(\s[^>]*|)>(.*?)</th>", table)  # not <thead>
        rows = [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in re.findall(r"<tr>(.*?)</tr>", table)]
        tables.append({"band": next((html_text(t) for attrs, t in head if "band" in attrs), ""),
                       "head": [html_text(t) for attrs, t in head if "band" not in attrs],
                       "rows": [[html_text(cell) for cell in row] for row in rows if row]})
    return tables


def pack_shows(html: str) -> tuple[dict[str, dict], dict[str, dict], dict[str, dict], dict]:
    """The fare tables' rows, the PSB Reds table, the band counts of the fare tables' and the
    rankings' headings, and the status counts above the fare tables."""
    paragraphs = [html_text(p) for p in re.findall(r"<p(?:\s[^>]*)?>(.*?)</p>", html, re.S)]
    rows, reds = {}, {}
    counts: dict[str, dict] = {"Board pack fare headings": {}, "Board pack rankings headings": {}}
    for table in html_tables(html):
        head, band = table["head"], table["band"].rsplit(" (", 1)[0].split(" priorit")[0]
        priority = band if band in BANDS else None
        if head[:4] == ["Code", "Indicator", "Period", "Value"]:
            counts["Board pack fare headings"][band] = count(table["band"])
            rows.update({cells[0]: {**from_text(dict(zip(head, cells, strict=True)), priority), "newer": None}
                         for cells in table["rows"] if len(cells) == len(head)})  # not a theme's row
        elif head == ["Code", "Indicator"] and priority:
            counts["Board pack rankings headings"][band] = count(table["band"])
        elif head[:2] == ["Code", "Indicator"] and len(head) == 4:
            reds.update({code: red(p, s) for code, _, p, s in table["rows"]})
    for paragraph in (p for p in paragraphs if p.startswith("Newer figures of")):
        for code, value, period in NEWER.findall(paragraph):
            rows[code]["newer"] = (period, number(value))
    statuses = next((status_counts(p) for p in paragraphs if p.startswith("High priorities:")), {})
    return rows, reds, counts, statuses


# --- comparing ----------------------------------------------------------------------------------
def disagreements(view: str, shown: dict[str, dict], expected: dict[str, dict],
                  every: bool = True) -> list[str]:
    """Where view differs from the fare table; every: it lists every indicator the fare table does
    (and any it lists besides has no figure: the KA2 indicators the district has none for)."""
    found = [f"{view}: {code} is not shown" for code in expected.keys() - shown.keys() if every]
    for code, fields in sorted(shown.items()):
        want = expected.get(code) or {"period": None, "value": None, "rag": None}
        found += [f"{view}: {code} {name} is {value!r}, fare table {want.get(name)!r}"
                  for name, value in fields.items() if value != want.get(name)]
    return found


def expected_bands(store, district: str, period, expected: dict[str, dict]) -> dict[str, int]:
    """How many indicators each band has (`facts.fare.band_counts`), and how many are not ranked:
    NI 120 is one, however many of its sub-indicators have rows."""
    bands = {priority.value: n for priority, n in band_counts(store, district, period).items()}
    unranked = {parent_code(code) or code for code, row in expected.items() if not row["priority"]}
    return {**bands, "Not ranked": len(unranked)}


def expected_counts(expected: dict[str, dict]) -> dict:
    """How many of each band's rows are red, amber, green or without a status."""
    return dict(Counter((row["priority"], row["rag"]) for row in expected.values() if row["priority"]))


def expected_reds(expected: dict[str, dict], codes) -> dict[str, dict]:
    """A Red's priority and status are its own row's, else its worst sub-indicator's (NI 187: NI 187i)."""
    worst = {"red": 0, "amber": 1, "green": 2, None: 3}
    found = {}
    for code in codes:
        rows = [c for c in expected if code in (c, parent_code(c))]
        if rows:
            row = expected[min(rows, key=lambda c: (c != code, worst[expected[c]["rag"]]))]
            found[code] = {name: row[name] for name in ("priority", "rag", "vs_target")}
    return found


def county_disagreements(district: str, shown: dict[str, dict], expected: dict[str, dict]) -> list[str]:
    """The county sheets show the district at the period its own fare table compares it (any
    period where that table has none) and list every indicator it has a value for."""
    missing = [f"county workbook: {district} {c} is not shown" for c, want in expected.items()
               if want["value"] is not None and c not in shown]
    placed = {c: {k: v for k, v in fields.items() if k != "period" or (expected.get(c) or {}).get("period")}
              for c, fields in shown.items()}
    return missing + disagreements(f"county workbook: {district}", placed, expected, every=False)


def count_disagreements(view: str, shown: dict, expected: dict) -> list[str]:
    """Counts that differ (a count not stated is 0)."""
    return [f"{view}: {key} {shown.get(key)!r}, expected {expected.get(key)!r}"
            for key in sorted(shown.keys() | expected.keys(), key=str)
            if shown.get(key, 0) != expected.get(key, 0)]


# --- the tests ----------------------------------------------------------------------------------
@pytest.mark.parametrize("choice", CHOICES, ids=("latest", "2008-09"))
@pytest.mark.parametrize("kind", ["sample", "imported"])
def test_the_exports_the_pack_and_the_commands_agree_for_every_district(databases, kind, choice, tmp_path):
    db, period = databases[kind], parse_period(choice) if choice else None
    problems: list[str] = []
    with open_store(db, readonly=True) as store:
        write_county_workbook(county_facts(store, period), tmp_path / "county.xlsx")
        county, county_high = county_shows(tmp_path / "county.xlsx")
        for district in DISTRICTS:
            expected = fare_json(db, district, choice)
            assert expected, f"{district} has no fare table"
            bands = expected_bands(store, district, period, expected)
            facts = return_facts(store, district, period)
            write_ka2_return(facts, tmp_path / "ka2.xlsx")
            write_fare_csv(facts, tmp_path / "fare.csv")
            ka2, ka2_counts = ka2_shows(tmp_path / "ka2.xlsx")
            pack, reds, pack_counts, pack_statuses = pack_shows(
                pack_html(build_pack(store, district, period, all_rows=True), Tables()))  # every row listed
            problems += disagreements(f"{district} KA2 return", ka2, expected)
            problems += disagreements(f"{district} fare CSV", csv_shows(tmp_path / "fare.csv"), expected)
            problems += disagreements(f"{district} Board pack", pack, expected)
            problems += disagreements(f"{district} Board pack PSB Reds", reds, expected_reds(expected, reds),
                                      every=False)
            problems += county_disagreements(district, county[district], expected)
            high = county_high[district]
            for view, shown in (("KA2 cover", ka2_counts), *pack_counts.items(),
                                ("county High priorities", high["counts"])):
                problems += count_disagreements(f"{district} {view}", shown, {b: bands[b] for b in shown})
            statuses = expected_counts(expected)
            problems += count_disagreements(f"{district} Board pack status counts", pack_statuses, statuses)
            problems += count_disagreements(f"{district} county High statuses", high["statuses"],
                                            {k: n for k, n in statuses.items() if k[0] == "High"})
            if choice is None:  # `vfk rankings` has no period: it shows the newest ranking
                ranked, ranked_counts = rankings_json(db, district, expected)
                problems += disagreements(f"{district} vfk rankings", ranked, expected)
                problems += count_disagreements(f"{district} vfk rankings", ranked_counts,
                                                {b: bands[b] for b in BANDS})
    assert not problems, "\n".join(problems)


@pytest.fixture
def open_window(qtbot, qapp):
    """Open a main window on a database as an officer would (closed again after the test)."""
    make_application()
    qapp.setProperty("vfk_no_modal_dialogs", True)
    QSettings().clear()
    opened = []

    def open_(path: Path) -> MainWindow:
        opened.append(MainWindow(open_store(path), "Tunbridge Wells"))
        opened[-1].show()
        qtbot.waitExposed(opened[-1])
        return opened[-1]

    yield open_
    for window in opened:
        dispose(window)
    QSettings().clear()


@pytest.mark.parametrize("kind", ["sample", "imported"])
def test_the_window_agrees_with_the_command_line(databases, kind, open_window):
    db = databases[kind]
    window = open_window(db)
    problems: list[str] = []
    with open_store(db, readonly=True) as store:
        for district in WINDOW_DISTRICTS:
            window.set_locality(district)
            for choice in CHOICES:
                window.period_picker.setCurrentText(choice or LATEST)
                period = parse_period(choice) if choice else None
                assert (window.session.locality, window.session.period) == (district, period)
                expected = fare_json(db, district, choice)
                bands = expected_bands(store, district, period, expected)
                where = f"{district} ({choice or LATEST})"
                rows, counts, statuses = overview_shows(window)
                problems += disagreements(f"{where} Overview", rows, expected)
                problems += count_disagreements(f"{where} Overview headings", counts, bands)
                problems += count_disagreements(f"{where} Overview status counts", statuses,
                                                expected_counts(expected))
                for view, shown in priorities_shows(window).items():
                    problems += count_disagreements(f"{where} {view}", shown, {b: bands[b] for b in BANDS})
                reds = vision_reds(window)
                problems += disagreements(f"{where} Vision PSB Reds", reds, expected_reds(expected, reds),
                                          every=False)
                _, pack_reds, _, _ = pack_shows(pack_html(build_pack(store, district, period), Tables()))
                problems += disagreements(f"{where} Vision PSB Reds, beside the pack's", reds, pack_reds)
                shown = indicator_shows(window, {code: want["period"] for code, want in expected.items()})
                problems += disagreements(f"{where} Indicator page", shown, expected)
                problems += [f"{where} Indicator page: {code} has no row for {want['period']}"
                             for code, want in expected.items()
                             if want["value"] is not None and "value" not in shown[code]]
    assert not problems, "\n".join(problems)


def test_a_newer_figure_a_suppressed_one_and_a_partial_period_are_compared_as_stated(databases):
    db = databases["imported"]
    tunbridge_wells = {r["code"]: r for r in cli_json(db, "fare", "--locality", "Tunbridge Wells")}
    dover = {r["code"]: r for r in cli_json(db, "fare", "--locality", "Dover")}
    ni163 = tunbridge_wells["NI 163"]
    assert (ni163["period"], ni163["value"], ni163["rank"], ni163["of"]) == ("2008", 70.9, 6, 12)
    assert ni163["own_newer"] == {"period": "2009", "value": 73}  # shown beside, never ranked alone
    ni39 = dover["NI 39"]
    assert (ni39["period"], ni39["value"], ni39["missing"]) == ("2009/10", None, "suppressed")
    assert ni39["rank"] is None and ni39["districts_reported"] == 9  # no falling back to 2008/09
    assert (tunbridge_wells["NI 39"]["period"], tunbridge_wells["NI 39"]["of"]) == ("2009/10", 9)
    for partial in (tunbridge_wells["NI 32"], dover["NI 32"]):
        assert (partial["period"], partial["rank"], partial["of"]) == ("2008/09", None, None)
        assert partial["districts_reported"] == 3 and not partial["comparable"]
    in_year = {r["code"]: r for r in cli_json(db, "fare", "--locality", "Dover", "--period", "2008/09")}
    assert (in_year["NI 39"]["period"], in_year["NI 39"]["of"]) == ("2008/09", 12)
    assert in_year["NI 39"]["value"] is not None
    tw_in_year = {r["code"]: r for r in cli_json(db, "fare", "--locality", "TWBC", "--period", "2008/09")}
    assert (tw_in_year["NI 163"]["period"], tw_in_year["NI 163"]["own_newer"]) == ("2008", None)


def test_the_county_workbook_counts_a_high_ni_120_once(sample_template, tmp_path):
    db = copy_importing(sample_template, tmp_path, ("District", "NI", "Priority", "Ranking period"),
                        [("Tunbridge Wells", "NI 120", "High", "2009/10")])
    with open_store(db, readonly=True) as store:
        write_ka2_return(return_facts(store, "Tunbridge Wells"), tmp_path / "ka2.xlsx")
        write_county_workbook(county_facts(store), tmp_path / "county.xlsx")
    _, stated = ka2_shows(tmp_path / "ka2.xlsx")
    assert stated["High"] == 9  # the KA2 cover, the Overview, the Priorities page and the pack say 9
    assert county_shows(tmp_path / "county.xlsx")[1]["Tunbridge Wells"]["counts"] == {"High": 9}
