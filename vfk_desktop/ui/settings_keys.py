"""Every key the window keeps in QSettings, in one place: a misspelt key would silently forget a choice."""

from __future__ import annotations

WINDOW_GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
LAST_LOCALITY = "locality/last"
LAST_PERIOD = "period/last"
IMPORT_FOLDER = "import/folder"
EXPORT_FOLDER = "export/folder"
REPORT_FOLDER = "report/folder"
REPORT_PAPER = "report/paper"
REPORT_LANDSCAPE = "report/landscape"
RECENT_DATABASES = "recent/databases"
RECENT_FILES = "recent/files"
