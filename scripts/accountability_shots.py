"""The README's pictures of accountability: the Actions page, the Indicator page's leads, targets,
forecast and comment history, the Local priorities and Vision pages' roll-ups, at 1366 x 728.

    python scripts/accountability_shots.py DATABASE OUT_FOLDER   (under Xvfb; a sample database)
"""

import datetime as dt
import sys
from pathlib import Path

from vfk_desktop.app import make_application
from vfk_desktop.domain.actions import Action, ActionStatus, Note
from vfk_desktop.store import accountability as acc
from vfk_desktop.store.actions import save_action
from vfk_desktop.store.connection import open_store
from vfk_desktop.store.edits import set_commentary, set_figure
from vfk_desktop.ui.main_window import MainWindow

PLACE = "Tunbridge Wells"
ACTIONS = [
    ("Level 2 skills: adult learning outreach in Sherwood", "R Patel (KCC Skills)",
     (dt.date.today() + dt.timedelta(days=120)).isoformat(),
     ActionStatus.ON_TRACK, ("NI 163",), "First cohort of 40 enrolled"),
    ("Brief alcohol interventions in A&E", "Dr J Hale (West Kent PCT)", "2010-01-31",
     ActionStatus.AT_RISK, ("NI 39",), "Funding for the nurse post delayed to April"),
    ("Affordable homes: bring forward the Knights Wood scheme", "S Green (TWBC Housing)", "2010-03-31",
     ActionStatus.NOT_STARTED, ("NI 155", "NI 154"), None),
    ("Stop smoking clinics in GP surgeries", "Dr J Hale (West Kent PCT)", "2009-12-31",
     ActionStatus.DONE, ("NI 123",), "Twelve surgeries now run clinics"),
]


def prepare(store) -> None:
    for title, owner, due, status, codes, note in ACTIONS:
        notes = (Note("2010-01-12T10:30:00+00:00", owner.split(" (")[0], note),) if note else ()
        due_date = dt.date.fromisoformat(due)
        save_action(store, Action(None, PLACE, title, owner, due_date, status, codes, notes))
    acc.set_lead(store, PLACE, "NI 39", acc.Lead("Dr J Hale", "West Kent PCT", "PHB"))
    acc.set_lead(store, PLACE, "NI 163", acc.Lead("R Patel", "KCC Skills", None))
    for quarter, value in (("2009/10 Q1", 270), ("2009/10 Q2", 520)):
        set_figure(store, PLACE, "NI 154", quarter, "value", str(value))
    set_figure(store, "Kent", "NI 154", "2009/10", "target", "1,000")
    acc.set_profile(store, PLACE, "NI 154", "2009/10", acc.StoredProfile("cumulative"))
    set_commentary(store, PLACE, "NI 154", "2009/10 Q2", "Two large sites delayed by the market.")
    set_commentary(store, PLACE, "NI 154", "2009/10 Q2",
                   "Two large sites delayed; Knights Wood now expected in Q4.")


def main(database: Path, out: Path) -> None:
    app = make_application()
    store = open_store(database)
    prepare(store)
    window = MainWindow(store, PLACE)
    window.resize(1366, 728)
    window.show()
    out.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(10):
            app.processEvents()

    for name, file in (("Actions", "actions"), ("Local priorities", "local-priorities-rollups"),
                       ("Vision", "vision-rollups")):
        page = window.show_page(name)
        if name == "Local priorities":
            page.view.selectRow(1)
        settle()
        window.grab().save(str(out / f"{file}.png"))
    page = window.show_page("Indicator")
    page.show_indicator("NI 154")
    settle()
    for row in range(page.history_model.rowCount()):
        if page.history_model.row_at(row).period.label == "2009/10 Q2":
            page.history_view.selectRow(row)
    settle()
    window.grab().save(str(out / "indicator-accountability.png"))
    window.session.undo_stack.clear()
    window.close()
    store.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
