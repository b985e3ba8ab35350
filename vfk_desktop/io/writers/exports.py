"""The exports as the CLI and the window start them, from facts they gathered: chosen by the file's
extension, logged.

    .xlsx for a locality -> its KA2 return      .csv for a locality -> its fare table
    .xlsx for the county -> the county workbook
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from vfk_desktop.domain.periods import Period
from vfk_desktop.facts.records import CountyFacts, ReturnFacts
from vfk_desktop.io.writers.output import Cancelled, ExportName, Progress
from vfk_desktop.logs import logger


@dataclass(frozen=True)
class Exported:
    """A file an export wrote: what it is, where, and how many indicators and rows it holds."""

    kind: str  # "KA2 return", "fare table", "county workbook"
    path: Path
    indicators: int
    records: int  # rows on the Data sheet (0 for CSV)

    def sentence(self, locality: str | None = None) -> str:
        data = f", {self.records:,} rows of data" if self.records else ""
        what = f"{locality}: {self.kind}" if locality else self.kind[:1].upper() + self.kind[1:]
        return f"{what} written to {self.path} ({self.indicators} indicators{data})."


def check_locality_name(path: Path) -> None:
    """Refuse, before any gathering, a district's export that is neither .xlsx nor .csv."""
    if Path(path).suffix.lower() not in (".xlsx", ".csv"):
        raise ExportName(f"{Path(path).name}: a district is exported as .xlsx (its KA2 return) or .csv "
                         f"(its fare table); give a file name ending .xlsx or .csv.")


def export_locality(facts: ReturnFacts, path: Path, progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> Exported:
    """The KA2 return (.xlsx) or the fare table (.csv) of the facts' district."""
    path = Path(path)
    check_locality_name(path)
    locality, period = facts.locality, facts.period
    suffix = path.suffix.lower()
    started = time.perf_counter()
    if suffix == ".xlsx":
        from vfk_desktop.io.writers.ka2_return import write_ka2_return

        indicators, records = write_ka2_return(facts, path, progress, cancelled)
        done = Exported("KA2 return", path, indicators, records)
    else:
        from vfk_desktop.io.writers.fare_csv import write_fare_csv

        done = Exported("fare table", path, write_fare_csv(facts, path), 0)
    _log(done, locality, period, started)
    return done


def export_county(facts: CountyFacts, path: Path, progress: Progress | None = None,
                  cancelled: Cancelled | None = None) -> Exported:
    from vfk_desktop.io.writers.county_workbook import write_county_workbook

    path = Path(path)
    started = time.perf_counter()
    indicators, records = write_county_workbook(facts, path, progress, cancelled)
    done = Exported("county workbook", path, indicators, records)
    _log(done, None, facts.period, started)
    return done


def _log(done: Exported, locality: str | None, period: Period | None, started: float) -> None:
    logger().info("export %s: %s, period %s, to %s (%d indicators, %d data rows, %.1f s)", done.kind,
                  locality or "all districts", period.label if period else "latest", done.path,
                  done.indicators, done.records, time.perf_counter() - started)
