"""An import plan: every figure, ranking and comment a set of files would write, and every problem.

The readers build a plan; the store applies it, and nothing touches the database until the plan has
no rejected row.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vfk_desktop.domain.codes import code_sort_key
from vfk_desktop.domain.localities import LocalityMatcher
from vfk_desktop.domain.model import format_number

# a planned row's key: (indicator, area, period, kind) for a figure, its fields in order for the others
PlanKey = tuple[str, ...]

STATISTICS = ("count", "denominator", "lower_95", "upper_95", "lower_99_8", "upper_99_8")


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a figure came from: file name, sheet (None for CSV), cell ("E17")."""

    file: str
    sheet: str | None
    row: int
    cell: str


@dataclass(slots=True, unsafe_hash=True)  # not frozen: a frozen init doubled the cost of 200,000 rows
class FigureRow:
    """One figure an import would write (value, target, best or worst), and where it came from."""

    indicator: str
    area: str
    period: str
    kind: str  # "value", "target", "best" or "worst"
    value: float | None
    text: str | None
    missing: str | None
    file: str  # where it came from (kept inline: an import can plan 200,000 of these)
    sheet: str | None
    row: int
    cell: str
    # Public data files (Fingertips, LG Inform) give these beside the value; other readers leave them.
    count: float | None = None
    denominator: float | None = None
    lower_95: float | None = None
    upper_95: float | None = None
    lower_99_8: float | None = None
    upper_99_8: float | None = None
    # What kind of figure the value is, where the row's unit or the value's heading says
    # ("Rate per 1,000": "rate", 1000); else the catalogue's applies.
    value_type: str | None = None
    multiplier: float | None = None

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.indicator, self.area, self.period, self.kind)

    @property
    def origin(self) -> Origin:
        return Origin(self.file, self.sheet, self.row, self.cell)

    @property
    def shown(self) -> str:
        return format_number(self.value) if self.value is not None else (self.text or "blank")


@dataclass(frozen=True)
class RankingRow:
    """One priority an import would write: a district's band for an indicator in a ranking round."""

    area: str
    indicator: str
    round: str
    priority: str
    origin: Origin

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.area, self.indicator, self.round)


@dataclass(frozen=True)
class CommentaryRow:
    """One comment an import would write on a district's indicator for a period."""

    indicator: str
    area: str
    period: str
    text: str
    origin: Origin

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.indicator, self.area, self.period)


@dataclass(frozen=True)
class NewIndicator:
    """An indicator the catalogue does not know yet, which the import would add."""

    code: str
    title: str
    unit: str | None
    origin: Origin


@dataclass(frozen=True)
class Problem:
    """A rejected or skipped row, as the JSON report lists it."""

    file: str
    sheet: str | None
    row: int | None
    reason: str
    cell: str | None = field(default=None, compare=False)  # the cell at fault, where one is

    def to_json(self) -> dict[str, object]:
        return {"file": self.file, "sheet": self.sheet, "row": self.row, "reason": self.reason}

    def sentence(self) -> str:
        place = self.file
        if self.sheet:
            place += f', sheet "{self.sheet}"'
        if self.row:
            place += f", row {self.row}"
        return f"{place}: {self.reason}"


@dataclass(frozen=True)
class FileInfo:
    """A file an import read, as the import log records it: its name, size and checksum."""

    path: Path
    name: str
    size: int
    sha256: str

    @classmethod
    def of(cls, path: Path, data: bytes) -> FileInfo:
        return cls(path, path.name, len(data), hashlib.sha256(data).hexdigest())


# ((code, period label) pairs, places) -> {(code, period label): {place: figure}}: what the database
# holds of those places there
HeldFigures = Callable[[list[tuple[str, str]], tuple[str, ...]], dict[tuple[str, str], dict[str, Any]]]
# (code, place) pairs -> the values stored for each (kind "value", any period)
StoredValues = Callable[[list[tuple[str, str]]], dict[tuple[str, str], list[float]]]


@dataclass
class ImportContext:
    """What a reader must know of the store to check rows: places, indicators and their units."""

    matcher: LocalityMatcher
    indicators: dict[str, str]  # code -> title
    units: dict[str, str | None] = field(default_factory=dict)
    add_indicators: bool = False
    profiles: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # header signature -> columns
    held: HeldFigures | None = None  # the database's own figures, for the Kent check (kent_check.py)
    stored: StoredValues | None = None  # a place's stored figures, for fractions (fraction_check.py)
    _titles: dict[str, str] | None = field(default=None, repr=False)

    def code_for_title(self, text: str) -> str | None:
        """The code whose catalogue title is text, written the same or closely (difflib)."""
        key = _title_key(text)
        if len(key) < 12 or len(key.split()) < 3:
            return None
        if self._titles is None:
            self._titles = {_title_key(t): c for c, t in self.indicators.items() if t}
        if key in self._titles:
            return self._titles[key]
        close = difflib.get_close_matches(key, self._titles, n=2, cutoff=0.85)
        if len(close) == 2 and self._titles[close[0]] != self._titles[close[1]] and (
                difflib.SequenceMatcher(None, key, close[0]).ratio()
                - difflib.SequenceMatcher(None, key, close[1]).ratio() < 0.02):
            return None  # two titles as close as each other: not a match to trust
        return self._titles[close[0]] if close else None

    def suggest_code(self, code: str, title: str | None = None) -> str | None:
        if title:
            titles = {t.lower(): c for c, t in self.indicators.items()}
            close = difflib.get_close_matches(title.lower(), titles, n=1, cutoff=0.75)
            if close:
                return titles[close[0]]
        close = difflib.get_close_matches(code, self.indicators, n=1, cutoff=0.7)
        return close[0] if close else None


@dataclass(frozen=True)
class UnreadSheet:
    """A sheet that could not be understood, with the row that looks most like its header: the
    window offers to map its columns by hand (saved as a profile for files headed the same)."""

    path: Path
    sheet: str | None
    header_row: int
    headers: tuple[str, ...]
    sample: tuple[tuple[object, ...], ...] = ()  # the first rows under the header, as read
    sample_rows: tuple[int, ...] = ()  # their row numbers


@dataclass(frozen=True)
class RowCopy:
    """A row as the file gave it, with its sheet's headings and what the reader made of it."""

    headings: tuple[str, ...]
    cells: tuple[object, ...]
    letters: tuple[str, ...]  # the column letter of each cell
    locality: str | None = None
    code: str | None = None
    period: str | None = None
    value_columns: tuple[int, ...] = ()  # where the row's figures are

    def given(self, cell: str | None) -> object:
        """The value as given: the refused cell's, when it is a figure, else the row's first figure."""
        letter = cell.rstrip("0123456789") if cell else None
        at = self.letters.index(letter) if letter in self.letters else None
        if at is None or at not in self.value_columns:
            at = self.value_columns[0] if self.value_columns else None
        return self.cells[at] if at is not None and at < len(self.cells) else None


@dataclass
class ImportPlan:
    """Everything a set of files would write, and every row refused or skipped, before it is applied."""

    files: list[FileInfo] = field(default_factory=list)
    figures: dict[PlanKey, FigureRow] = field(default_factory=dict)
    rankings: dict[PlanKey, RankingRow] = field(default_factory=dict)
    commentary: dict[PlanKey, CommentaryRow] = field(default_factory=dict)
    new_indicators: dict[str, NewIndicator] = field(default_factory=dict)
    rejected: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    sheets_read: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unread: list[UnreadSheet] = field(default_factory=list)
    _once: dict[str, list[int]] = field(default_factory=dict, repr=False)  # key -> [index, rows]
    # a refused or skipped row as the file gave it, for the report and the refused-rows workbook
    row_copies: dict[tuple[str, str | None, int], RowCopy] = field(default_factory=dict)
    # blank cells of partners' sheets (figure keys): reported as skipped, never replacing a figure
    blank_figures: set[PlanKey] = field(default_factory=set)
    conflicts: set[PlanKey] = field(default_factory=set)  # keys given two different figures
    # plain numbers below 1 of percentage indicators: fractions of what was meant? (fraction_check.py)
    fraction_candidates: list[PlanKey] = field(default_factory=list)

    @property
    def row_count(self) -> int:
        return len(self.figures) + len(self.rankings) + len(self.commentary)

    def reject(self, origin: Origin | None, reason: str, file: str = "", sheet: str | None = None,
               row: int | None = None, once: str | None = None) -> None:
        """Refuse a row; once: a key (an unknown code) said once however many rows repeat it."""
        cell = None
        if origin is not None:
            file, sheet, row, cell = origin.file, origin.sheet, origin.row, origin.cell
        if once is not None:
            self._once[once] = [len(self.rejected), 1]
        self.rejected.append(Problem(file, sheet, row, " ".join(reason.split()), cell))  # one line

    def count_again(self, key: str) -> bool:
        """True (and the first problem's count raised) when key was refused once already."""
        seen = self._once.get(key)
        if seen is None:
            return False
        seen[1] += 1
        index, count = seen
        first = self.rejected[index]
        reason = first.reason.split(" [")[0]
        self.rejected[index] = Problem(first.file, first.sheet, first.row,
                                       f"{reason} [{count} rows give {key}]", first.cell)
        return True

    def skip(self, origin: Origin, reason: str) -> None:
        self.skipped.append(Problem(origin.file, origin.sheet, origin.row, " ".join(reason.split()),
                                    origin.cell))

    def skip_column(self, where: str, reason: str) -> None:
        """A column left out (an area outside Kent), where it is: reported once, as a note."""
        self.notes.append(f"{where}: the {reason}; skipped.")

    def add_figure(self, figure: FigureRow) -> None:
        key = (figure.indicator, figure.area, figure.period, figure.kind)
        earlier = self.figures.get(key)
        if earlier is None:
            self.figures[key] = figure
            return
        if (earlier.value, earlier.missing) == (figure.value, figure.missing):
            return
        what = {"value": "", "target": " target", "best": " Kent best", "worst": " Kent worst"}
        self.conflicts.add(key)
        self.reject(
            figure.origin,
            f"{figure.area} {figure.indicator} {figure.period}{what[figure.kind]} is "
            f"{figure.shown} in {figure.cell} but {earlier.shown} in "
            f"{_cell_of(earlier.origin, figure.origin)}: two different figures for one place "
            f"and period.",
        )

    def add_ranking(self, ranking: RankingRow) -> None:
        earlier = self.rankings.get(ranking.key)
        if earlier is not None and earlier.priority != ranking.priority:
            self.conflicts.add(ranking.key)
            self.reject(
                ranking.origin,
                f"{ranking.area} {ranking.indicator} is ranked {ranking.priority} here but "
                f"{earlier.priority} in {_cell_of(earlier.origin, ranking.origin)}.",
            )
            return
        self.rankings.setdefault(ranking.key, ranking)

    def add_commentary(self, comment: CommentaryRow) -> None:
        earlier = self.commentary.get(comment.key)
        if earlier is not None and earlier.text != comment.text:
            self.conflicts.add(comment.key)
            self.reject(
                comment.origin,
                f"two different comments for {comment.area} {comment.indicator} {comment.period} "
                f"(here and in {_cell_of(earlier.origin, comment.origin)}).",
            )
            return
        self.commentary.setdefault(comment.key, comment)

    def sorted_rejections(self) -> list[Problem]:
        return sorted(self.rejected, key=lambda p: (p.file, p.sheet or "", p.row or 0))

    def indicators_used(self) -> list[str]:
        codes = {key[0] for key in self.figures} | {key[1] for key in self.rankings}
        codes |= {key[0] for key in self.commentary}
        return sorted(codes, key=code_sort_key)


def _title_key(text: str) -> str:
    return " ".join(re.sub(r"[^\w%]+", " ", text.lower()).split())


def _cell_of(earlier: Origin, here: Origin) -> str:
    """How to name the earlier cell from where we are: "D12", or with its sheet or file."""
    if earlier.file != here.file:
        sheet = f', sheet "{earlier.sheet}"' if earlier.sheet else ""
        return f"{earlier.file}{sheet}, {earlier.cell}"
    if earlier.sheet != here.sheet:
        return f'sheet "{earlier.sheet}", {earlier.cell}'
    return earlier.cell
