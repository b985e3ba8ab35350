"""Columns the officer chose: `--map HEADING=ROLE`, `--profile NAME`, `--indicator CODE`.

A choice becomes a profile held in memory (or saved), keyed like any saved profile by the heading row
it was made for, so the readers read the file exactly as they read one headed as a saved profile.
An indicator given for a sheet with no indicator column is a column vfk adds to each row after the
heading row ("given" in the profile's JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from vfk_desktop.domain.codes import try_parse_code
from vfk_desktop.domain.columns import ColumnSpec, Role, headers_signature, normalise_header
from vfk_desktop.domain.errors import UsageError
from vfk_desktop.domain.localities import KENT
from vfk_desktop.io.readers.sheets import Sheet, blank_row, is_blank

SEARCH_ROWS = 30
ROLE_NAMES = ", ".join(f'"{role.value}"' for role in Role)


def parse_role(text: str) -> Role:
    wanted = " ".join(text.split()).lower()
    for role in Role:
        if wanted in (role.value.lower(), role.name.lower(), role.name.lower().replace("_", " ")):
            return role
    raise UsageError(f'"{text}" is not a column role; the roles are {ROLE_NAMES}.')


def parse_map(items: list[str]) -> list[tuple[str, Role]]:
    """["Rate per 1,000=value"] -> [("Rate per 1,000", Role.VALUE)]; the role follows the LAST "="."""
    pairs = []
    for item in items:
        heading, equals, role = item.rpartition("=")
        if not equals or not heading.strip() or not role.strip():
            raise UsageError(f'--map "{item}" should be HEADING=ROLE, e.g. --map "Area=locality".')
        pairs.append((heading.strip(), parse_role(role)))
    return pairs


def parse_indicator(text: str | None) -> str | None:
    if text is None:
        return None
    code = try_parse_code(text)
    if code is None:
        raise UsageError(f'--indicator "{text}" is not an indicator code (e.g. "NI 16" or "163").')
    return code


@dataclass(frozen=True)
class Chosen:
    """A mapping found in one sheet's heading row."""

    headings: list[str]  # the row's headings, as found
    specs: list[ColumnSpec]
    indicator: str | None

    @property
    def signature(self) -> str:
        return headers_signature(self.headings)

    def profile_json(self) -> list[dict]:
        found = [spec.to_json() for spec in self.specs]
        if self.indicator:
            found.append({"index": len(self.headings), "role": Role.CODE.name, "area": None,
                          "period": None, "header": "", "given": self.indicator})
        return found


def texts_of(cells: list[object]) -> list[str]:
    return [" ".join(str(c).split()) if not is_blank(c) else "" for c in cells]


def choose_columns(sheets: list[tuple[str, Sheet]], pairs: list[tuple[str, Role]],
                   indicator: str | None) -> list[Chosen]:
    """The mapping in each file (sheets: (file name, sheet) in order): a UsageError when a file has
    no row holding every heading named (said first: a heading mistyped is the likelier slip), or
    when nothing says which indicator the figures are."""
    wanted = [normalise_header(heading) for heading, _ in pairs]
    found: dict[str, Chosen] = {}
    for file in dict.fromkeys(name for name, _ in sheets):
        best: tuple[int, list[str]] | None = None
        matched = False
        for name, sheet in sheets:
            if name != file:
                continue
            for cells in _head(sheet):
                texts = texts_of(cells)
                normal = [normalise_header(t) for t in texts]
                hits = sum(1 for w in wanted if w in normal)
                if hits == len(wanted):
                    chosen = _chosen(texts, normal, pairs, indicator)
                    found.setdefault(chosen.signature, chosen)
                    matched = True
                    break
                score = (hits, sum(1 for t in texts if t))
                if best is None or score > best[0]:
                    best = (score, texts)
        if not matched:
            texts = best[1] if best else []
            normal = [normalise_header(t) for t in texts]
            absent = next(h for (h, _), w in zip(pairs, wanted, strict=True) if w not in normal)
            shown = ", ".join(f'"{t}"' for t in texts if t) or "none"
            raise UsageError(f'{file} has no column headed "{absent}"; its headings are {shown}.')
    if not any(role in (Role.CODE, Role.TITLE) for _, role in pairs) and not indicator:
        raise UsageError("Say which column holds the indicator code (--map \"HEADING=indicator code\") "
                         "or give the indicator with --indicator CODE.")
    return list(found.values())


def _head(sheet: Sheet) -> list[list[object]]:
    return [row for row in sheet.rows if not blank_row(row)][:SEARCH_ROWS]


def _chosen(texts: list[str], normal: list[str], pairs: list[tuple[str, Role]],
            indicator: str | None) -> Chosen:
    specs = []
    for heading, role in pairs:
        index = normal.index(normalise_header(heading))
        if role is Role.KENT_VALUE:
            specs.append(ColumnSpec(index, Role.VALUE, area=KENT, header=texts[index]))
        else:
            specs.append(ColumnSpec(index, role, header=texts[index]))
    has_code = any(s.role in (Role.CODE, Role.TITLE) for s in specs)
    return Chosen(texts, sorted(specs, key=lambda s: s.index), None if has_code else indicator)


def pairs_of_profile(specs: list[dict]) -> tuple[list[tuple[str, Role]], str | None]:
    """A saved profile as --map pairs and its indicator, to apply it to a file headed alike."""
    pairs, indicator = [], None
    for spec in specs:
        if spec.get("given"):
            indicator = str(spec["given"])
            continue
        role = Role[str(spec["role"])]
        if role is Role.VALUE and spec.get("area") == KENT:
            role = Role.KENT_VALUE
        if spec.get("header"):
            pairs.append((str(spec["header"]), role))
    return pairs, indicator


def with_given_indicator(sheet: Sheet, profiles: dict[str, list[dict]]) -> Sheet:
    """The sheet with the profile's given indicator added to each row after its heading row."""
    if not profiles or not any(s.get("given") for specs in profiles.values() for s in specs):
        return sheet
    for offset, cells in enumerate(sheet.rows[:SEARCH_ROWS * 4]):
        if blank_row(cells):
            continue
        specs = profiles.get(headers_signature(texts_of(cells)))
        given = next((s for s in specs or () if s.get("given")), None)
        if given is None:
            continue
        at, code = int(given["index"]), str(given["given"])
        rows = list(sheet.rows[:offset + 1])
        for row in sheet.rows[offset + 1:]:
            rows.append(row if blank_row(row) else [*row[:at], *[None] * (at - len(row)), code])
        return replace(sheet, rows=rows, letters=[])
    return sheet
