"""The fare table as CSV: UTF-8 with a byte-order mark, so Excel opens "▲", "–" and "£" correctly.

Numbers are plain (70.9, 1212) so a spreadsheet reads them as numbers. Text that a spreadsheet
would run as a formula (starting with =, +, -, @, a tab or a return) is written after an
apostrophe, which Excel and LibreOffice take as "this is text"; the importer drops it again.
"""

from __future__ import annotations

import csv
from pathlib import Path

from vfk_desktop.domain.model import json_number
from vfk_desktop.facts.records import ReturnFacts
from vfk_desktop.io.writers.ka2_return import status_text
from vfk_desktop.io.writers.output import check_suffix, replacing, write_failed

HEADERS = ("District", "Code", "Indicator", "Theme", "Priority", "Period", "Value", "Unit",
           "Kent target", "Target period", "Kent figure", "Kent best", "Kent worst", "Rank", "Of",
           "Polarity", "Status", "RAG", "Direction", "Count", "Denominator", "Lower 95%", "Upper 95%",
           "Lower 99.8%", "Upper 99.8%", "Kent figure source", "vs Kent", "vs Kent (99.8%)",
           "vs England", "Quartile", "Recent trend", "Commentary")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str | None) -> str:
    """value for a CSV cell, never read as a formula."""
    if not value:
        return ""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _number(value: float | None, given: str | None = None) -> str | float | int:
    found = json_number(value)
    return found if found is not None else safe_text(given)


def _statistics(row) -> list[str | float | int]:
    """Count, denominator, limits, Kent's source, significance words, quartile and trend."""
    stats = row.statistics
    limits = [_number(x) for spread in (stats.ci95, stats.ci998)
              for x in ((round(spread.low, 4), round(spread.high, 4)) if spread else (None, None))]
    words = [found.value if found else "" for found in (stats.vs_kent, stats.vs_kent_998,
                                                         stats.vs_england)]
    return [_number(stats.count), _number(stats.denominator), *limits, stats.kent_value_source or "",
            *words, _number(stats.quartile), stats.trend.shown if stats.trend else ""]


def write_fare_csv(facts: ReturnFacts, path: Path) -> int:
    """Write "How does the district fare in Kent?" to path (.csv); returns the number of rows."""
    path = Path(path)
    check_suffix(path, (".csv",), "the fare table")
    locality, rows = facts.locality, facts.rows
    with replacing(path) as temporary:
        try:
            with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
                out = csv.writer(handle)
                out.writerow(HEADERS)
                for item in rows:
                    row = item.fare
                    out.writerow([
                        safe_text(locality), safe_text(row.code), safe_text(row.title),
                        safe_text(row.theme), row.priority.value if row.priority else "",
                        row.period.label if row.period else "",
                        _number(row.value, row.value_text), safe_text(row.unit),
                        _number(row.kent_target, row.kent_target_text),
                        row.target_period.label if row.target_period else "",
                        _number(row.kent_value), _number(row.kent_best), _number(row.kent_worst),
                        _number(row.rank), _number(row.of),
                        row.polarity.contract or "" if row.polarity else "", status_text(row),
                        row.rag.value if row.rag else "",
                        row.direction.value if row.direction else "", *_statistics(row),
                        safe_text(item.commentary),
                    ])
        except OSError as error:
            raise write_failed(path, error) from error
    return len(rows)
