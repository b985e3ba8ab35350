"""From a sheet's header to a mapping: what each column holds, for which place and period.

Every layout is one mapping of columns to roles, each column optionally bound to a place or period:

    long              District | NI | Period | Value | Kent target …
    wide by locality  NI | Indicator | Ashford | Canterbury | … | Kent      (period: column, sheet, title)
    wide by period    NI | Indicator | 2006/07 | 2007/08 | 2008/09        (place: column, sheet, title)
    fare in Kent      NI | Indicator | Priority | Year | Tunbridge Wells | Kent 2010/11 Target | Kent best …

Headers may span two or three rows ("Tunbridge" over "Wells"; "Kent" / "2010/11" / "Target").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vfk_desktop.domain.codes import try_parse_code
from vfk_desktop.domain.columns import STATISTIC_ROLES, ColumnSpec, Role, headers_signature
from vfk_desktop.domain.localities import KENT, LocalityMatcher, normalise_name
from vfk_desktop.domain.periods import YEAR_RANGE, try_parse_period
from vfk_desktop.domain.values import parse_number_text
from vfk_desktop.io.readers.headers import Header, place_statistic, read_header
from vfk_desktop.io.readers.sheets import is_blank

MEASURES = (Role.VALUE, Role.KENT_TARGET, Role.LOCAL_TARGET, Role.BEST, Role.WORST,
            Role.PRIORITY, Role.COMMENTARY, *STATISTIC_ROLES)
MAX_HEADER_ROWS = 3


@dataclass
class Mapping:
    """What each column of a sheet holds, found from its header rows, and the columns left aside."""

    header_rows: tuple[int, ...]
    columns: list[ColumnSpec]
    skipped_columns: list[tuple[int, str]] = field(default_factory=list)  # (index, why)
    headers_found: list[str] = field(default_factory=list)
    from_profile: bool = False
    refused_columns: list[tuple[int, str]] = field(default_factory=list)  # (index, why): problems
    unknown_columns: list[tuple[int, str]] = field(default_factory=list)  # (index, heading text)

    def first(self, role: Role) -> ColumnSpec | None:
        return next((c for c in self.columns if c.role is role), None)

    @property
    def code(self) -> ColumnSpec | None:
        return self.first(Role.CODE) or self.first(Role.TITLE)

    @property
    def title(self) -> ColumnSpec | None:
        return self.first(Role.TITLE) if self.first(Role.CODE) else None

    def measures(self) -> list[ColumnSpec]:
        return [c for c in self.columns if c.role in MEASURES]

    @property
    def districts_bound(self) -> list[str]:
        return [c.area for c in self.columns if c.role is Role.VALUE and c.area and c.area != KENT]

    @property
    def score(self) -> int:
        return len(self.columns)

    def describe(self) -> str:
        if len(self.districts_bound) >= 2:
            return "wide by locality (districts across the top)"
        if sum(1 for c in self.columns if c.role is Role.VALUE and c.period) >= 2:
            return "wide by period (periods across the top)"
        if self.first(Role.AREA):
            return "one row per locality, indicator and period"
        if len(self.districts_bound) == 1:
            return f"{self.districts_bound[0]}'s figures beside Kent's (a \"fare in Kent\" table)"
        return "one row per indicator"

    def signature(self) -> str:
        return headers_signature(self.headers_found)


class Refused(str):
    """Why a column cannot be read: a problem for the officer, not a column quietly left out."""


def spec_for(index: int, header: Header, matcher: LocalityMatcher) -> ColumnSpec | str | None:
    """The column's spec; a sentence when it names a place outside Kent (Refused when it cannot be
    read at all); None when unknown."""
    if header.problem:
        return Refused(header.problem)
    role, area, period = header.role, None, header.period
    if role is Role.KENT_VALUE:
        role, area = Role.VALUE, KENT
    elif role is None and header.words:
        place = matcher.match(header.words)
        if place is None:
            return _statistic_of_place(index, header, matcher)
        if place.kind == "outside":
            return f"column of {place.name}, which is outside Kent's 12 districts"
        role, area = Role.VALUE, place.name
    elif role is None and period is not None:
        role = Role.VALUE
    elif role is None:
        return None
    return ColumnSpec(index, role, area, period, header.text)


def _statistic_of_place(index: int, header: Header, matcher: LocalityMatcher) -> ColumnSpec | str | None:
    """A wide table's column of one place's counts, denominators or limits ("Ashford numerator")."""
    found = place_statistic(header.words)
    place = matcher.match(found[0]) if found else None
    if found is None or place is None:
        return None
    if place.kind == "outside":
        return f"column of {place.name}, which is outside Kent's 12 districts"
    return ColumnSpec(index, found[1], place.name, header.period, header.text)


def mapping_of(cells: list[object], rows: tuple[int, ...], matcher: LocalityMatcher,
               wording: str = "") -> Mapping:
    columns, skipped, refused, unknown = [], [], [], []
    for index, cell in enumerate(cells):
        if is_blank(cell):
            continue
        header = read_header(cell, wording)
        spec = spec_for(index, header, matcher)
        if isinstance(spec, Refused):
            refused.append((index, str(spec)))
        elif isinstance(spec, str):
            skipped.append((index, spec))
        elif spec is not None:
            columns.append(spec)
        elif header.words:
            unknown.append((index, header.text))
    # A role named twice (other than place or period columns) keeps its first column.
    seen, unique = set(), []
    for spec in columns:
        key = (spec.role, spec.area, spec.period)
        if key in seen and spec.role is not Role.VALUE:
            continue
        seen.add(key)
        unique.append(spec)
    texts = [read_header(c).text if not is_blank(c) else "" for c in cells]
    return Mapping(rows, unique, skipped, texts, refused_columns=refused, unknown_columns=unknown)


def usable(mapping: Mapping, needs_code: bool = True) -> bool:
    """A header names an indicator column and at least one column of figures.

    Without needs_code (the sheet's name gives the indicator) a locality or period column, or
    columns bound to places or periods, is enough beside the figures.
    """
    if not mapping.measures():
        return False
    if mapping.code is not None:
        return mapping.score >= 2
    if needs_code:
        return False
    bound = [c for c in mapping.columns if c.role is Role.VALUE and (c.area or c.period)]
    return bool(mapping.first(Role.AREA) or mapping.first(Role.PERIOD) or len(bound) >= 2)


def _heading_value(cell: object) -> bool:
    """A year typed as a number, or a date: headings as Excel stores them."""
    if isinstance(cell, dt.date):
        return True
    return isinstance(cell, (int, float)) and not isinstance(cell, bool) and float(cell).is_integer() \
        and int(cell) in YEAR_RANGE


def continuation(cells: list[object], code_index: int | None) -> bool:
    """A row that continues a header above it: text only (or years and dates), and no indicator code
    in the code column."""
    texts = [c for c in cells if not is_blank(c)]
    if not texts or any(not isinstance(c, str) and not _heading_value(c) for c in texts):
        return False
    texts = [c for c in texts if isinstance(c, str)]
    if any(try_parse_period(c) is None and _is_number_text(c) for c in texts):
        return False
    code_cell = cells[code_index] if code_index is not None and code_index < len(cells) else None
    return is_blank(code_cell) or try_parse_code(code_cell) is None


def _is_number_text(text: str) -> bool:
    return parse_number_text(text) is not None


def merge_rows(rows: list[list[object]]) -> list[object]:
    """The header rows as one; a date heading stays a date (the rows' text says what it closes)."""
    width = max(len(r) for r in rows)
    rows = [_period_spread(row, rows[above + 1:], width) for above, row in enumerate(rows)]
    merged: list[object] = []
    for index in range(width):
        cells = [r[index] for r in rows if index < len(r) and not is_blank(r[index])]
        dates = [c for c in cells if isinstance(c, dt.date)]
        if dates:
            merged.append(dates[0])
            continue
        parts = list(dict.fromkeys(read_header(c).text for c in cells))  # "District" merged down: once
        merged.append(" ".join(parts) if parts else None)
    return merged


def _period_spread(row: list[object], below: list[list[object]], width: int) -> list[object]:
    """row with a heading repeated over the blank cells to its right while the headings below make
    it a period: "2009/10" merged (or left blank to its right) over "Q1" … "Q4"."""
    spread: list[object] = []
    carried = None
    for index in range(width):
        cell = row[index] if index < len(row) else None
        if not is_blank(cell):
            carried = None if isinstance(cell, dt.date) else cell
        elif carried is not None and _completes(carried, [r[index] for r in below if index < len(r)]):
            cell = carried
        else:
            carried = None
        spread.append(cell)
    return spread


def _completes(heading: object, below: list[object]) -> bool:
    """Whether the headings below make the one above a period: "2009/10" over "Q2"."""
    texts = [read_header(cell).text for cell in below if not is_blank(cell)]
    return bool(texts) and try_parse_period(" ".join([read_header(heading).text, *texts])) is not None


def wording_of(rows: list[list[object]]) -> str:
    """The text of header (and title) rows, for what a date heading closes."""
    return " ".join(c for row in rows for c in row if isinstance(c, str))


def header_at(numbered: list[tuple[int, list[object]]], position: int, matcher: LocalityMatcher,
              profiles: dict[str, list[dict]] | None = None,
              needs_code: bool = True) -> tuple[int, Mapping] | None:
    """A usable header starting at numbered[position], with up to two continuation rows merged in.

    Returns the position of the header's last row and the mapping; None when the row is no header.
    """
    number, cells = numbered[position]
    profile = _profile_mapping(cells, number, profiles)
    if profile is not None:
        return position, profile
    wording = ""
    if any(isinstance(c, dt.date) for row in numbered[position:position + MAX_HEADER_ROWS]
           for c in row[1]):
        wording = wording_of([row for _, row in numbered[max(0, position - 3):
                                                          position + MAX_HEADER_ROWS]])
    mapping = mapping_of(cells, (number,), matcher, wording)
    if not mapping.columns:
        return None
    last = position
    code_index = mapping.code.index if mapping.code else None
    for extra in range(1, MAX_HEADER_ROWS):
        if position + extra >= len(numbered) or not continuation(numbered[position + extra][1],
                                                                  code_index):
            break
        span = numbered[position:position + extra + 1]
        merged = mapping_of(merge_rows([row for _, row in span]), tuple(n for n, _ in span), matcher,
                            wording)
        if merged.score < mapping.score or not usable(merged, needs_code):
            break
        mapping, last = merged, position + extra
    return (last, mapping) if usable(mapping, needs_code) else None


def find_mapping(numbered: list[tuple[int, list[object]]], matcher: LocalityMatcher,
                 profiles: dict[str, list[dict]] | None = None,
                 needs_code: bool = True) -> tuple[int, Mapping] | None:
    """The best header among the given rows: the one naming the most columns."""
    best: tuple[int, Mapping] | None = None
    for position in range(len(numbered)):
        found = header_at(numbered, position, matcher, profiles, needs_code)
        if found is not None and found[1].from_profile:
            return found
        if found is not None and (best is None or found[1].score > best[1].score):
            best = found
    return best


def _profile_mapping(cells: list[object], number: int,
                     profiles: dict[str, list[dict]] | None) -> Mapping | None:
    if not profiles:
        return None
    texts = [" ".join(str(c).split()) if not is_blank(c) else "" for c in cells]
    saved = profiles.get(headers_signature(texts))
    if saved is None:
        return None
    return Mapping((number,), [ColumnSpec.from_json(s) for s in saved], [], texts, from_profile=True)


def find_place_in(text: str, matcher: LocalityMatcher) -> str | None:
    """A district (or Kent) named inside free text: "How does Tunbridge Wells fare in Kent?"."""
    words = f" {normalise_name(text)} "
    found = [(len(key), area) for key, area in matcher.spellings() if f" {key} " in words]
    districts = [f for f in found if f[1].kind == "district"]
    chosen = max(districts or [f for f in found if f[1].kind == "county"], default=None,
                 key=lambda f: f[0])
    return chosen[1].name if chosen else None
