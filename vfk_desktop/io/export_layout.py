"""What vfk's own exports look like, shared by the writers that make them and the reader that
takes them back: sheet names, column headings and the document properties that mark the file.

The Data sheet's headings are words the ordinary importer already understands (a long table:
District | NI | Period | Value | Kent target …), so a Data sheet copied into another workbook, or
saved as CSV, still imports (though, read as a partner's table, a district's comment or own target
row then also records its value as "not available"). The custom document properties tell the
importer that a workbook is ours, so it reads the Data sheet a record a row, takes the Return
sheet's edits, and leaves the sheets made for people.
"""

from __future__ import annotations

# custom document properties (File > Info > Properties > Advanced in Excel)
MADE_BY = "vfk_export"  # what the workbook is: KA2_RETURN or COUNTY_WORKBOOK
LOCALITY = "vfk_locality"  # the district a KA2 return is for
DATA_SHEET_NAME = "vfk_data_sheet"
RETURN_SHEET_NAME = "vfk_return_sheet"

KA2_RETURN = "KA2 return"
COUNTY_WORKBOOK = "county workbook"

COVER_SHEET = "Cover"
RETURN_SHEET = "Return"
SUMMARY_SHEET = "High priority reds"
DATA_SHEET = "Data"

# The Data sheet: one row per stored figure, ranking or comment, with where it came from.
DATA_HEADERS = (
    "District", "NI", "Indicator", "Period", "Value", "Kent target", "Local target", "Kent best",
    "Kent worst", "As given", "Ranking period", "Priority", "Commentary", "Unit", "Source file",
    "Source sheet", "Source cell", "Import no.", "Recorded on", "Recorded by",
    # beside a value, what its file gave with it (read back by the same column words as any file)
    "Count", "Denominator", "Lower 95% limit", "Upper 95% limit", "Lower 99.8% limit",
    "Upper 99.8% limit",
)
DATA_STATISTICS = DATA_HEADERS.index("Count")  # the first of the six
AS_GIVEN = "As given"  # a figure's text as its source wrote it ("1,212", "102%"), beside the number
# the column each kind of record puts its figure (or priority, or comment) in
DATA_COLUMN_OF_KIND = {
    "value": DATA_HEADERS.index("Value"),
    "target": DATA_HEADERS.index("Kent target"),  # a district's own target goes in "Local target"
    "best": DATA_HEADERS.index("Kent best"),
    "worst": DATA_HEADERS.index("Kent worst"),
    "priority": DATA_HEADERS.index("Priority"),
    "commentary": DATA_HEADERS.index("Commentary"),
}
LOCAL_TARGET_COLUMN = DATA_HEADERS.index("Local target")

# The Return sheet: one row per indicator, as the district sends it to the county.
RETURN_HEADERS = (
    "Theme", "Code", "Indicator", "Priority", "Ranking period", "Period", "Value", "Unit",
    "Kent target", "Target period", "Status", "RAG", "Direction", "Kent figure", "Kent best",
    "Kent worst", "Rank", "Of", "Quartile", "vs Kent", "95% interval", "Recent trend", "Commentary",
    "Commented by", "Lead",
)
RETURN_CODE = RETURN_HEADERS.index("Code")
RETURN_PRIORITY = RETURN_HEADERS.index("Priority")
RETURN_ROUND = RETURN_HEADERS.index("Ranking period")
RETURN_PERIOD = RETURN_HEADERS.index("Period")
RETURN_COMMENTARY = RETURN_HEADERS.index("Commentary")

# The KA2 return's Actions sheets: each action a row, each progress note a row; read back as they are.
ACTIONS_SHEET = "Actions"
ACTION_NOTES_SHEET = "Action notes"
ACTIONS_SHEET_NAME = "vfk_actions_sheet"
ACTION_HEADERS = ("ID", "Action", "Owner", "Due", "Status", "Overdue", "Indicators", "Latest note")
ACTION_NOTE_HEADERS = ("ID", "At", "Author", "Note")
