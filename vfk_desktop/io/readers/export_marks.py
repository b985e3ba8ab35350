"""Knowing a workbook vfk_desktop exported, from its custom document properties.

Kept apart from own_export.py so the reader child, which only opens files, stays quick to start.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass

from defusedxml import ElementTree

from vfk_desktop.io import export_layout as layout

_CUSTOM = "docProps/custom.xml"
_PROPERTY = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}property"


@dataclass(frozen=True)
class OwnExport:
    """A workbook vfk_desktop exported, as its document properties say: its layout and the sheets to read."""

    made_by: str  # layout.KA2_RETURN or layout.COUNTY_WORKBOOK
    data_sheet: str
    return_sheet: str | None = None
    locality: str | None = None

    def sheets(self, names: list[str]) -> list[str]:
        """The sheets to read, Data first: the Return sheet's edits apply on top of it."""
        wanted = [self.data_sheet] + ([self.return_sheet] if self.return_sheet and self.locality else [])
        return [name for name in wanted if name in names]


def own_export(archive: zipfile.ZipFile | None, names: list[str]) -> OwnExport | None:
    """What vfk_desktop export this workbook is, from its custom properties; None if it is none."""
    if archive is None or _CUSTOM not in archive.namelist():
        return None
    try:
        root = ElementTree.fromstring(archive.read(_CUSTOM))
    except (ElementTree.ParseError, ValueError, KeyError, zipfile.BadZipFile, OSError):
        return None
    found = {item.get("name"): "".join(item.itertext()).strip() for item in root.iter(_PROPERTY)}
    data = found.get(layout.DATA_SHEET_NAME)
    if found.get(layout.MADE_BY) not in (layout.KA2_RETURN, layout.COUNTY_WORKBOOK) or data not in names:
        return None
    return OwnExport(found[layout.MADE_BY], data, found.get(layout.RETURN_SHEET_NAME),
                     found.get(layout.LOCALITY))
