"""Indicator codes, written one canonical way: "NI 163", "NI 120f", or a local code such as "LPI 7".

National Indicators are numbered 1 to 199; a letter suffix marks a sub-indicator ("NI 120f" for
females, "NI 187i"). Partners write them "NI163", "ni 163", "163", "NI 120 f" or "NI-187(i)".
"""

from __future__ import annotations

import re

from vfk_desktop.domain.errors import BadCode

_NI = re.compile(
    r"""^(?:N\.?\s*I\.?)?        # optional NI prefix, dots allowed
        [\s\-_.:]*               # separators after the prefix
        0*(?P<number>\d{1,3})    # the number, leading zeros dropped
        \s*\(?\s*(?P<suffix>[a-z]{1,4})?\s*\)?$   # optional sub-indicator letters
    """,
    re.IGNORECASE | re.VERBOSE,
)
_LOCAL = re.compile(r"^[A-Za-z][A-Za-z0-9&/\-_. ]{0,19}$")
NI_RANGE = range(1, 200)


def try_parse_code(text: object) -> str | None:
    """The canonical code for text, or None when it is not a code."""
    if isinstance(text, bool) or text is None:
        return None
    if isinstance(text, (int, float)):
        if isinstance(text, float) and not text.is_integer():
            return None
        text = str(int(text))
    cleaned = " ".join(str(text).split())
    if not cleaned:
        return None
    match = _NI.match(cleaned)
    if match:
        number = int(match["number"])
        if number not in NI_RANGE:
            return None
        return f"NI {number}{(match['suffix'] or '').lower()}"
    if _LOCAL.match(cleaned) and any(ch.isdigit() for ch in cleaned) and cleaned.count(" ") <= 2:
        return cleaned.upper()
    return None


def parse_code(text: object) -> str:
    """The canonical code for text; raises BadCode when it is not one."""
    code = try_parse_code(text)
    if code is None:
        raise BadCode(str(text))
    return code


def is_national(code: str) -> bool:
    return code.startswith("NI ")


def parent_code(code: str) -> str | None:
    """"NI 120f" -> "NI 120"; None for a code without a sub-indicator suffix."""
    if not is_national(code):
        return None
    stem = code.rstrip("abcdefghijklmnopqrstuvwxyz")
    return stem if stem != code else None


def code_sort_key(code: str) -> tuple[int, int, str]:
    """National Indicators first, by number then suffix; local codes after, alphabetically."""
    if is_national(code):
        number = code[3:].rstrip("abcdefghijklmnopqrstuvwxyz")
        return (0, int(number), code[3 + len(number):])
    return (1, 0, code)
