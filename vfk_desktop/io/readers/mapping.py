"""From a sheet's header to a mapping: what each column holds, for which place and period.

Every layout is one mapping of columns to roles, each column optionally bound to a place or period:

    long              District | NI | Period | Value | Kent target …
    wide by locality  NI | Indicator | Ashford | Canterbury | … | Kent      (period: column, sheet, title)
    wide by period    NI | Indicator | 2006/07 | 2007/08 | 2008/09        (place: column, sheet, title)
    fare in Kent      NI | Indicator | Priority | Year | Tunbridge Wells | Kent 2010/11 Target | Kent best …

Headers may span two or three rows ("Tunbridge" over "Wells"; "Kent" / "2010/11" / "Target").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vfk_desktop.domain.codes import try_parse_code
from vfk_desktop.domain.columns import ColumnSpec, Role, headers_signature
from vfk_desktop.domain.localities import KENT, LocalityMatcher, normalise_name
from vfk_desktop.domain.periods import try_parse_period
from vfk_desktop.domain.values import parse_number_text
from vfk_desktop.io.readers.headers import Header, read_header
from vfk_desktop.io.readers.sheets import is_blank

MEASURES = (Role.VALUE, Role.KENT_TARGET, Role.LOCAL_TARGET, Role.BEST, Role.WORST,
            Role.PRIORITY, Role.COMMENTARY)
MAX_HEADER_ROWS = 3


@dataclass
class Mapping:
    header_rows: tuple[int, ...]
    columns: list[ColumnSpec]
    skipped_columns: list[tuple[int, str]] = field(default_factory=list)  # (index, why)
    headers_found: list[str] = field(default_factory=list)
    from_profile: bool = False

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
            return "districts across the top"
        if sum(1 for c in self.columns if c.role is Role.VALUE and c.period) >= 2:
            return "periods across the top"
        if self.first(Role.AREA):
            return "one row per locality, indicator and period"
        if len(self.districts_bound) == 1:
            return f"{self.districts_bound[0]}'s figures beside Kent's (a \"fare in Kent\" table)"
        return "one row per indicator"

    def signature(self) -> str:
        return headers_signature(self.headers_found)


def spec_for(index: int, header: Header, matcher: LocalityMatcher) -> ColumnSpec | str | None:
    """The column's spec; a sentence when it names a place outside Kent; None when unknown."""
    role, area, period = header.role, None, header.period
    if role is Role.KENT_VALUE:
        role, area = Role.VALUE, KENT
    elif role is None and header.words:
        place = matcher.match(header.words)
        if place is None:
            return None
        if place.kind == "outside":
            return f"column of {place.name}, which is outside Kent's 12 districts"
        role, area = Role.VALUE, place.name
    elif role is None and period is not None:
        role = Role.VALUE
    elif role is None:
        return None
    return ColumnSpec(index, role, area, period, header.text)


def mapping_of(cells: list[object], rows: tuple[int, ...], matcher: LocalityMatcher) -> Mapping:
    columns, skipped = [], []
    for index, cell in enumerate(cells):
        if is_blank(cell):
            continue
        spec = spec_for(index, read_header(cell), matcher)
        if isinstance(spec, str):
            skipped.append((index, spec))
        elif spec is not None:
            columns.append(spec)
    # A role named twice (other than place or period columns) keeps its first column.
    seen, unique = set(), []
    for spec in columns:
        key = (spec.role, spec.area, spec.period)
        if key in seen and spec.role is not Role.VALUE:
            continue
        seen.add(key)
        unique.append(spec)
    texts = [" ".join(str(c).split()) if not is_blank(c) else "" for c in cells]
    return Mapping(rows, unique, skipped, texts)


def usable(mapping: Mapping) -> bool:
    """A header names an indicator column and at least one column of figures."""
    return mapping.code is not None and bool(mapping.measures()) and mapping.score >= 2


def continuation(cells: list[object], code_index: int | None) -> bool:
    """A row that continues a header above it: text only, and no indicator code in the code column."""
    texts = [c for c in cells if not is_blank(c)]
    if not texts or any(not isinstance(c, str) for c in texts):
        return False
    if any(try_parse_period(c) is None and _is_number_text(c) for c in texts):
        return False
    code_cell = cells[code_index] if code_index is not None and code_index < len(cells) else None
    return is_blank(code_cell) or try_parse_code(code_cell) is None


def _is_number_text(text: str) -> bool:
    return parse_number_text(text) is not None


def merge_rows(rows: list[list[object]]) -> list[object]:
    width = max(len(r) for r in rows)
    merged = []
    for index in range(width):
        parts = [str(r[index]).strip() for r in rows if index < len(r) and not is_blank(r[index])]
        merged.append(" ".join(parts) if parts else None)
    return merged


def header_at(numbered: list[tuple[int, list[object]]], position: int, matcher: LocalityMatcher,
              profiles: dict[str, list[dict]] | None = None) -> tuple[int, Mapping] | None:
    """A usable header starting at numbered[position], with up to two continuation rows merged in.

    Returns the position of the header's last row and the mapping; None when the row is no header.
    """
    number, cells = numbered[position]
    profile = _profile_mapping(cells, number, profiles)
    if profile is not None:
        return position, profile
    mapping = mapping_of(cells, (number,), matcher)
    if not mapping.columns:
        return None
    last = position
    code_index = mapping.code.index if mapping.code else None
    for extra in range(1, MAX_HEADER_ROWS):
        if position + extra >= len(numbered) or not continuation(numbered[position + extra][1],
                                                                  code_index):
            break
        span = numbered[position:position + extra + 1]
        merged = mapping_of(merge_rows([row for _, row in span]), tuple(n for n, _ in span), matcher)
        if merged.score < mapping.score or not usable(merged):
            break
        mapping, last = merged, position + extra
    return (last, mapping) if usable(mapping) else None


def find_mapping(numbered: list[tuple[int, list[object]]], matcher: LocalityMatcher,
                 profiles: dict[str, list[dict]] | None = None) -> tuple[int, Mapping] | None:
    """The best header among the given rows: the one naming the most columns."""
    best: tuple[int, Mapping] | None = None
    for position in range(len(numbered)):
        found = header_at(numbered, position, matcher, profiles)
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
