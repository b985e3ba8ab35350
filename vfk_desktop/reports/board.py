"""`vfk report` and File → Export PDF: the whole Board pack for a locality, as a PDF file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.periods import Period
from vfk_desktop.reports.pack import SECTIONS, build_pack
from vfk_desktop.reports.printing import PackPrinter, PageSetup, write_pdf
from vfk_desktop.store.connection import Store

Progress = Callable[[float, str], None]


def write_report(store: Store, locality: str, path: Path, period: Period | None = None,
                 setup: PageSetup | None = None, sections: tuple[str, ...] = SECTIONS,
                 progress: Progress | None = None) -> int:
    """Write locality's Board pack to path (a .pdf); returns the number of pages.
    Needs a QGuiApplication (offscreen is fine)."""
    path = Path(path)
    if path.suffix.lower() != ".pdf":
        raise VfkError(f"{path.name}: the Board pack is written as a PDF; give a file name ending .pdf.")
    if progress:
        progress(0.1, "Gathering the figures")
    pack = build_pack(store, locality, period, sections)
    return write_pdf(PackPrinter(pack), path, setup or PageSetup(), progress)
