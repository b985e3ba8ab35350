"""Public data files read as they come: OHID Fingertips CSV exports and LG Inform CSV downloads.

Both are long tables, one row per indicator, area and period, recognised by their headings.
Areas are matched by ONS code (E07000116) or name; the 12 districts and Kent are kept, England and
the South East are kept as comparators (stored, never ranked), every other area (Medway, other
authorities, regions) is skipped with one note per area. Indicators are added to the catalogue
under the source's own ID: "FT 90323" (Fingertips) or "LGI 1234" (LG Inform). Fingertips rows for
one sex, age or category are a sub-indicator of their own ("FT 90323/F", "FT 90323/F/65UP"), so
figures for different people are never merged. Count, denominator and confidence limits are kept
with the value. Rolling periods ("2018 - 20") are stored as their last year ("2020"), with a note.

LG Inform publishes no fixed CSV layout that we found, so the common shape of its downloads is read:
one row per area and period, an ONS area code column, a metric title and/or metric ID column, a
period ("2019/20", "Q3 2019/20") and a value; count, denominator and limits when present. Without
a metric ID, a title that is a code or a catalogue title is used, else "LGI" and a stable token.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from vfk_desktop.domain.codes import try_parse_code
from vfk_desktop.domain.import_plan import FigureRow, ImportContext, ImportPlan, NewIndicator, Origin
from vfk_desktop.domain.periods import Period, try_parse_period
from vfk_desktop.domain.values import NOT_AVAILABLE, SUPPRESSED, parse_value
from vfk_desktop.io.readers.sheets import Sheet, blank_row, is_blank
from vfk_desktop.io.readers.table import Outcome

HEADER_SEARCH_ROWS = 5
KEPT_KINDS = ("district", "county", "comparator")
NOTED_AREAS = 20  # areas skipped, each with its own note; beyond that one note lists the rest

FINGERTIPS = {
    "id": ("indicator id",), "name": ("indicator name",), "area_code": ("area code",),
    "area": ("area name",), "period": ("time period",), "value": ("value",),
    "sex": ("sex",), "age": ("age",), "category_type": ("category type",), "category": ("category",),
    "lower_95": ("lower ci 95.0 limit",), "upper_95": ("upper ci 95.0 limit",),
    "lower_99_8": ("lower ci 99.8 limit",), "upper_99_8": ("upper ci 99.8 limit",),
    "count": ("count",), "denominator": ("denominator",), "note": ("value note",),
}
FINGERTIPS_NEEDS = ("id", "name", "area_code", "period", "value")

LG_INFORM = {
    "area_code": ("area code", "area_code", "areacode", "gss code", "ons code"),
    "area": ("area", "area name", "area_name", "areaname"),
    "period": ("period", "time period", "period label"),
    "value": ("value", "data value"),
    "metric_id": ("metric id", "metric_id", "metric type id", "metricid", "metrictypeid"),
    "metric": ("metric", "metric title", "metric type", "measure", "indicator", "metric name"),
    "count": ("count", "numerator"), "denominator": ("denominator",),
    "lower_95": ("lower 95% ci", "lower confidence limit", "lower ci", "lower"),
    "upper_95": ("upper 95% ci", "upper confidence limit", "upper ci", "upper"),
    "note": ("value note", "note", "value status"),
}
LG_INFORM_NEEDS = ("area_code", "period", "value")
_STATISTICS = ("count", "denominator", "lower_95", "upper_95", "lower_99_8", "upper_99_8")


def read_public_data(sheet: Sheet, ctx: ImportContext, plan: ImportPlan) -> Outcome | None:
    """Read the sheet when its headings are a Fingertips or LG Inform file's; None otherwise."""
    found = _find_header(sheet)
    if found is None:
        return None
    header_row, columns, source = found
    reader = _PublicReader(sheet, ctx, plan, columns, source)
    return reader.read(header_row)


def _normal(text: object) -> str:
    return " ".join(str(text or "").strip().lower().replace("\ufeff", "").split())


def _find_header(sheet: Sheet) -> tuple[int, dict[str, int], str] | None:
    for offset, cells in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):
        headings = [_normal(cell) for cell in cells]
        fingertips = _columns(headings, FINGERTIPS)
        if all(name in fingertips for name in FINGERTIPS_NEEDS):
            return sheet.first_row + offset, fingertips, "Fingertips"
        lg = _columns(headings, LG_INFORM)
        if all(name in lg for name in LG_INFORM_NEEDS) and ("metric" in lg or "metric_id" in lg):
            return sheet.first_row + offset, lg, "LG Inform"
    return None


def _columns(headings: list[str], known: dict[str, tuple[str, ...]]) -> dict[str, int]:
    columns = {}
    for name, spellings in known.items():
        for index, heading in enumerate(headings):
            if heading in spellings:
                columns[name] = index
                break
    return columns


_RANGE = re.compile(r"^(?P<first>.+?)\s+-\s+(?P<last>.+)$")


def public_period(text: object) -> tuple[Period | None, bool]:
    """The period of a public data row, and whether it was a range stored as its last period.

    "2019/20", "2020", "2019/20 Q3" and "Q3 2019/20" are read as they are. A rolling range
    ("2018 - 20", "2016/17 - 18/19": spaces round the dash, as Fingertips writes them) is stored
    as its last year ("2020", "2018/19"): periods.py has no multi-year periods.
    """
    cleaned = " ".join(str(text or "").replace("\u2013", "-").split())
    match = _RANGE.match(cleaned)
    if match is None:
        return try_parse_period(cleaned), False
    first, last = match["first"], match["last"]
    period = try_parse_period(last)
    if period is None and re.fullmatch(r"\d{2}(?:/\d{2})?", last):
        century = re.match(r"(\d{2})\d{2}", first)
        period = try_parse_period(century.group(1) + last) if century else None
    if period is None or try_parse_period(first) is None and not re.match(r"\d{4}", first):
        return None, False
    return period, True


def _token(text: str) -> str:
    return base64.b32encode(hashlib.sha1(text.encode()).digest()).decode()[:4]


def _age_token(age: str) -> str:
    """ "65+ yrs" -> "65UP", "<75 yrs" -> "U75", "18-64 yrs" -> "18-64"; "" for all ages."""
    text = _normal(age)
    if text in ("", "all ages", "all"):
        return ""
    text = re.sub(r"\b(yrs|years|year|yr|aged)\b", "", text).replace("+", "UP")
    text = text.replace("<", "U").replace(">", "O")
    token = re.sub(r"[^A-Za-z0-9\-]", "", text).upper()
    return token if 0 < len(token) <= 6 else "A" + _token(text)


def fingertips_code(indicator_id: str, sex: str, age: str, category: str) -> str | None:
    """The sub-indicator's code: "FT 90323" (persons, all ages), "FT 90323/F", "FT 90323/M/65UP";
    a category ("Deprivation decile: most deprived") adds a short stable token."""
    base = f"FT {indicator_id}"
    parts = []
    sex_word = _normal(sex)
    if sex_word not in ("", "persons", "person", "all", "total"):
        parts.append({"male": "M", "female": "F"}.get(sex_word) or "S" + _token(sex_word))
    if age_token := _age_token(age):
        parts.append(age_token)
    if category:
        parts.append("C" + _token(_normal(category)))
    code = "/".join([base, *parts])
    if len(code) > 20:
        code = f"{base}/X{_token(f'{sex}|{age}|{category}')}"
    return try_parse_code(code)


@dataclass
class _Areas:
    """What became of each area in the file: kept (as whom) or skipped (and why), with row counts."""

    kept: Counter = field(default_factory=Counter)
    skipped: dict[str, str] = field(default_factory=dict)  # "Medway (E06000035)" -> why
    skipped_rows: Counter = field(default_factory=Counter)


class _PublicReader:
    def __init__(self, sheet: Sheet, ctx: ImportContext, plan: ImportPlan,
                 columns: dict[str, int], source: str) -> None:
        self.sheet, self.ctx, self.plan, self.columns, self.source = sheet, ctx, plan, columns, source
        self.areas = _Areas()
        self.resolved: dict[tuple[str, str], object] = {}
        self.ranges: set[str] = set()
        self.indicators: set[str] = set()
        self.periods: set[Period] = set()

    def _cell(self, cells: list[object], name: str) -> object:
        index = self.columns.get(name)
        return cells[index] if index is not None and index < len(cells) else None

    def _text(self, cells: list[object], name: str) -> str:
        cell = self._cell(cells, name)
        if isinstance(cell, float) and cell.is_integer():
            cell = int(cell)
        return " ".join(str(cell).split()) if not is_blank(cell) else ""

    def read(self, header_row: int) -> Outcome:
        start = header_row - self.sheet.first_row + 1
        for offset, cells in enumerate(self.sheet.rows[start:]):
            if not blank_row(cells):
                self._row(header_row + 1 + offset, cells)
        self._notes()
        if not self.indicators:
            return Outcome(False, f"a {self.source} file with no rows for Kent, its districts, "
                                  f"England or the South East")
        kept = ", ".join(f"{count} {kind}{'s' if count > 1 else ''}"
                         for kind, count in sorted(self.areas.kept.items()))
        periods = ", ".join(p.label for p in sorted(self.periods))
        return Outcome(True, f"a {self.source} data file: {len(self.indicators)} indicators, "
                             f"areas kept: {kept}; periods {periods}")

    def _area(self, cells: list[object]) -> str | None:
        code, name = self._text(cells, "area_code"), self._text(cells, "area")
        key = (code, name)
        if key not in self.resolved:
            area = self.ctx.matcher.match(code) if code else None
            area = area or (self.ctx.matcher.match(name) if name else None)
            shown = f"{name} ({code})" if name and code else name or code
            if area is not None and area.kind in KEPT_KINDS:
                self.areas.kept[area.kind] += 1
                self.resolved[key] = area.name
            else:
                why = ("is outside Kent's 12 districts" if area is not None
                       else "is not Kent, one of its 12 districts, England or the South East")
                self.areas.skipped[shown] = why
                self.resolved[key] = shown
                return None
        found = self.resolved[key]
        if found in self.areas.skipped:
            self.areas.skipped_rows[found] += 1
            return None
        return found

    def _row(self, row: int, cells: list[object]) -> None:
        area = self._area(cells)
        if area is None:
            return
        value_index = self.columns["value"]
        origin = Origin(self.sheet.file_name, self.sheet.name, row, self.sheet.cell_ref(row, value_index))
        code, title = self._indicator(cells, origin)
        if code is None:
            return
        period_text = self._text(cells, "period")
        period, ranged = public_period(period_text)
        if period is None:
            self.plan.reject(origin, f'"{period_text}" in {self.sheet.cell_ref(row, self.columns["period"])} '
                                     f"is not a period vfk can read (such as 2019/20, 2020 or 2019/20 Q3).")
            return
        if ranged:
            self.ranges.add(f"{period_text} as {period.label}")
        value, text, missing = self._value(cells, origin)
        if value is None and missing is None:
            return
        statistics = {name: self._number(cells, name) for name in _STATISTICS}
        self.plan.add_figure(FigureRow(code, area, period.label, "value", value, text, missing,
                                       origin.file, origin.sheet, row, origin.cell, **statistics))
        self.indicators.add(code)
        self.periods.add(period)
        if code not in self.ctx.indicators and code not in self.plan.new_indicators:
            self.plan.new_indicators[code] = NewIndicator(code, title, None, origin)

    def _indicator(self, cells: list[object], origin: Origin) -> tuple[str | None, str]:
        if self.source == "Fingertips":
            number, name = self._text(cells, "id"), self._text(cells, "name")
            sex, age = self._text(cells, "sex"), self._text(cells, "age")
            category = ": ".join(filter(None, (self._text(cells, "category_type"),
                                               self._text(cells, "category"))))
            code = fingertips_code(number, sex, age, category)
            details = [part for part in (sex, age, category)
                       if _normal(part) not in ("", "persons", "all ages")]
            title = f"{name} ({', '.join(details)})" if details else name
            if code is None:
                self.plan.reject(origin, f'"{number}" is not a Fingertips indicator ID.')
            return code, title or str(code)
        metric_id, title = self._text(cells, "metric_id"), self._text(cells, "metric")
        if metric_id:
            code = try_parse_code(f"LGI {metric_id}")
        else:
            code = try_parse_code(title) or self._known_title(title) or f"LGI {_token(title)}"
        if code is None:
            self.plan.reject(origin, f'"{metric_id}" is not an LG Inform metric ID.')
        return code, title or str(code)

    def _known_title(self, title: str) -> str | None:
        wanted = _normal(title)
        return next((c for c, t in self.ctx.indicators.items() if _normal(t) == wanted), None)

    def _value(self, cells: list[object], origin: Origin) -> tuple[float | None, str | None, str | None]:
        note = self._text(cells, "note")
        parsed = parse_value(self._cell(cells, "value"))
        if parsed.problem:
            self.plan.reject(origin, f"{parsed.problem} in {origin.cell}.")
            return None, None, None
        if parsed.value is not None:
            return parsed.value, parsed.text, None
        if "suppress" in note.lower() or note.strip() in ("*", "x", "c"):
            return None, note, SUPPRESSED
        return None, parsed.text or note or None, parsed.missing or NOT_AVAILABLE

    def _number(self, cells: list[object], name: str) -> float | None:
        if name not in self.columns:
            return None
        return parse_value(self._cell(cells, name)).value

    def _notes(self) -> None:
        where = self.sheet.file_name + (f', sheet "{self.sheet.name}"' if self.sheet.name else "")
        skipped = sorted(self.areas.skipped.items())
        for shown, why in skipped[:NOTED_AREAS]:
            rows = self.areas.skipped_rows[shown] + 1
            self.plan.notes.append(f"{where}: {shown} {why}; its {rows} row{'s' * (rows > 1)} "
                                   f"were skipped.")
        if len(skipped) > NOTED_AREAS:
            rest = [shown for shown, _ in skipped[NOTED_AREAS:]]
            self.plan.notes.append(f"{where}: {len(rest)} more areas outside Kent were skipped "
                                   f"({', '.join(rest[:10])}{' …' if len(rest) > 10 else ''}).")
        if self.ranges:
            self.plan.notes.append(f"{where}: periods of several years are stored as their last "
                                   f"year ({'; '.join(sorted(self.ranges)[:5])}).")
        if self.source == "Fingertips":
            self.plan.notes.append(f"{where}: a Fingertips file; each sex, age and category is a "
                                   f"sub-indicator of its own (FT 90323/F is females), with its "
                                   f"count, denominator and confidence limits kept.")
