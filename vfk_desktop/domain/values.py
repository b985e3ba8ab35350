"""Cell values as partners write them: "1,212" -> 1212, "102%" -> 102, "N/a" -> no value, never 0."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

NOT_AVAILABLE = "not available"
SUPPRESSED = "suppressed"
ERROR = "error"

_NOT_AVAILABLE_WORDS = {
    "n/a", "na", "n.a.", "n.a", "..", "...", "-", "–", "—", "nd", "no data", "not available",
    "tbc", "awaited", "not yet available", "nya", "n/k", "not known", "unknown", "?",
    # the Government Statistical Service's shorthand in brackets (also "[c]" and "[low]" below),
    # and Eurostat's ":"
    "[x]", "[z]", "[w]", ":",
}
_SUPPRESSED_WORDS = {"*", "x", "c", "s", "supp", "suppressed", "~", "<5", "<3", "[c]", "[low]"}
# a figure with a mark after it: provisional, revised, estimated, a footnote ("45.2p", "46.1 [r]", "48*")
_MARKED = re.compile(r"^(?P<figure>.*?\d%?)\s*(?:\[(?:p|r|e|u|d|f|b|note \d+)\]|(?<=\d)[pre]|\*|†)$", re.I)
EXCEL_ERRORS = {
    "#N/A": "Excel could not find the value (#N/A)",
    "#DIV/0!": "the cell divides by zero (#DIV/0!)",
    "#REF!": "the cell refers to a deleted cell (#REF!)",
    "#VALUE!": "the cell's formula has a wrong kind of value (#VALUE!)",
    "#NAME?": "the cell's formula uses an unknown name (#NAME?)",
    "#NUM!": "the cell's formula gives an impossible number (#NUM!)",
    "#NULL!": "the cell's formula names ranges that do not meet (#NULL!)",
    "#GETTING_DATA": "the cell was still loading data (#GETTING_DATA)",
    "#SPILL!": "the cell's formula could not spill (#SPILL!)",
    "#CALC!": "the cell's formula could not be calculated (#CALC!)",
}
# ASCII digits only: Python's \d and float() also read Arabic-Indic ("٣٤") and full-width ("３４")
# digits, which no partner's performance return uses; such a cell is refused, never guessed at.
_NUMBER = re.compile(
    r"""^(?P<sign>[-+−])?\s*[£$€]?\s*
        (?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
        \s*(?P<percent>%)?$""",
    re.VERBOSE | re.ASCII,
)
# A figure is at most 15 significant digits (what a spreadsheet keeps exactly) and below a thousand
# million million in size: no count, rate or percentage of a district comes near, and anything larger
# (400 nines, "1" and 309 zeros) is a damaged cell that would otherwise be stored as infinity.
SIGNIFICANT_DIGITS = 15
IMPOSSIBLE = 1e15


@dataclass(frozen=True)
class CellValue:
    """A parsed cell: a number, or no number with the reason and the text as given."""

    value: float | None
    text: str | None = None  # as given, when it was text ("1,212", "N/a")
    missing: str | None = None  # NOT_AVAILABLE, SUPPRESSED or ERROR when value is None
    problem: str | None = None  # set when the cell is not a value at all (a sentence fragment)

    @property
    def blank(self) -> bool:
        return self.value is None and self.text is None and self.problem is None


BLANK = CellValue(None, None, NOT_AVAILABLE)


def parse_value(cell: object, percent_format: bool = False) -> CellValue:
    """Read one cell as a figure.

    percent_format: the cell is a number formatted as a percentage in the workbook, so 0.709 is
    70.9 (per cent, as indicators are written).
    """
    if cell is None:
        return BLANK
    if isinstance(cell, bool):
        return CellValue(None, str(cell), problem=f'"{cell}" is not a number')
    if isinstance(cell, (int, float)):
        number = float(cell) if abs(cell) < IMPOSSIBLE else math.inf  # a huge int cannot overflow here
        if math.isnan(number):
            return CellValue(None, str(cell), problem=f'"{cell}" is not a finite number')
        problem = impossible(number, clip(str(cell)))
        if problem:
            return CellValue(None, clip(str(cell)), problem=problem)
        return CellValue(per_cent(number) if percent_format else number)
    if isinstance(cell, (dt.date, dt.datetime, dt.time)):
        return CellValue(None, str(cell), problem=f"a date ({cell}) where a number was expected")
    text = str(cell).strip()
    if not text:
        return BLANK
    upper = text.upper()
    if upper in EXCEL_ERRORS:
        return CellValue(None, text, ERROR)
    lowered = text.lower()
    if lowered in _NOT_AVAILABLE_WORDS:
        return CellValue(None, text, NOT_AVAILABLE)
    if lowered in _SUPPRESSED_WORDS:
        return CellValue(None, text, SUPPRESSED)
    parsed = parse_number_text(text)
    marked = _MARKED.match(text) if parsed is None else None
    if marked:  # the figure is read, and its text keeps the mark
        parsed = parse_number_text(marked["figure"])
    if parsed is None:
        if any(ch.isdigit() and not ch.isascii() for ch in text):
            return CellValue(None, text, problem=f'"{clip(text)}" is written with digits other than '
                                                 f'0-9; type the figure with the digits 0-9')
        return CellValue(None, text, problem=f'"{clip(text)}" is not a number')
    problem = impossible(parsed, text)
    if problem:
        return CellValue(None, text, problem=problem)
    return CellValue(parsed, text)


_DECIMAL_COMMA = re.compile(
    r"""^(?P<sign>[-+−])?\s*[£$€]?\s*
        (?P<digits>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|,\d+)
        \s*(?P<percent>%)?$""",
    re.VERBOSE | re.ASCII,
)


def parse_decimal_comma_text(text: str) -> CellValue:
    """A figure from a file that may write decimal commas ("4,25", "1.212,5"), as CSV files
    separated by semicolons do. A figure the two conventions read differently ("1.212": 1212 or
    1.212; "4,250") is a problem, never a guess; one only a decimal comma reads is read so."""
    usual = parse_value(text)
    match = _DECIMAL_COMMA.match(text.replace("\u00a0", " ").strip())
    if match is None:
        return usual
    digits = match["digits"].replace(".", "").replace(",", ".")
    number = float(digits) * (-1 if match["sign"] in ("-", "−") else 1)
    if usual.value is None and not usual.missing:
        problem = impossible(number, text)
        return CellValue(None, text, problem=problem) if problem else CellValue(number, text)
    if usual.value is not None and usual.value != number:
        shown = f"{usual.value:,.15g}" if usual.value >= 1000 else f"{usual.value:.15g}"
        return CellValue(None, text, problem=(
            f'"{clip(text)}" could be {number:.15g} or {shown} (files separated by semicolons often '
            f"write a dot between thousands and a comma for decimals; write it without a "
            f"separator between thousands)"))
    return usual


def per_cent(fraction: float) -> float:
    """0.453 shown as 45.3 % -> 45.3: the product rounded to the digits a spreadsheet keeps, so the
    binary 0.453 * 100 (45.300000000000004) is not stored."""
    return float(f"{fraction * 100:.{SIGNIFICANT_DIGITS}g}")


def impossible(number: float, text: str | None = None) -> str | None:
    """Why a number cannot be a figure (too large, too many digits), or None when it can be."""
    if not math.isfinite(number) or abs(number) >= IMPOSSIBLE:
        shown = clip(text or str(number))
        return f'"{shown}" is too large to be a figure (a figure is below {IMPOSSIBLE:,.0f})'
    if text is not None and len(text) > SIGNIFICANT_DIGITS:  # shorter cannot hold more digits
        digits = re.sub(r"[^0-9]", "", text).lstrip("0").rstrip("0")
        if len(digits) > SIGNIFICANT_DIGITS:
            return (f'"{clip(text)}" has more than {SIGNIFICANT_DIGITS} significant digits, more '
                    f'than a spreadsheet keeps exactly')
    return None


def parse_number_text(text: str) -> float | None:
    """ "1,212" -> 1212.0, "70.9 %" -> 70.9, "−3" -> -3.0; None for anything else."""
    match = _NUMBER.match(text.replace("\u00a0", " ").strip())
    if not match:
        return None
    digits = match["digits"].replace(",", "")
    if len(digits) > 400:  # far beyond any figure; float() of a long run of digits is slow
        return math.inf
    number = float(digits)
    return -number if match["sign"] in ("-", "−") else number


def clip(text: str, limit: int = 40) -> str:
    """A cell's text quoted in a sentence: on one line, and not too long."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
