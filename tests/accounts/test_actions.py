"""Actions on indicators: rules worked out in the core, the store's change log, the command line."""

import datetime as dt
import json

import pytest

from tests.conftest import run_cli
from vfk_desktop.domain.actions import Action, ActionStatus, Note, unanswered_reds
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.facts.fare import fare_table
from vfk_desktop.store.actions import actions, delete_action, save_action, update_action

TODAY = dt.date(2010, 2, 1)


def an_action(**changes) -> Action:
    base = Action(None, "Tunbridge Wells", "Brief interventions in A&E", "J Smith", dt.date(2010, 3, 31),
                  ActionStatus.ON_TRACK, ("NI 39",))
    return Action(**{**base.__dict__, **changes})


def test_overdue_is_worked_out_from_the_due_date_and_never_for_done_actions():
    assert an_action().shown_status(TODAY) == "on track"
    assert an_action(due=dt.date(2010, 1, 31)).shown_status(TODAY) == "overdue"
    assert an_action(due=dt.date(2010, 1, 31), status=ActionStatus.DONE).shown_status(TODAY) == "done"
    assert an_action(due=None).shown_status(TODAY) == "on track"
    assert ActionStatus.parse("At-Risk") is ActionStatus.AT_RISK
    with pytest.raises(VfkError, match="not an action status"):
        ActionStatus.parse("late")


def test_every_high_priority_worse_than_target_without_an_open_action_is_named(sample_store):
    rows = fare_table(sample_store, "Tunbridge Wells")
    reds = [r.code for r in rows if r.priority and r.priority.value == "High" and r.vs_target
            and r.vs_target.value == "worse"]
    assert reds, "the sample has High priorities worse than target"
    assert unanswered_reds(rows, []) == reds
    answered = unanswered_reds(rows, [an_action(indicators=(reds[0],))])
    assert answered == reds[1:]
    done = an_action(indicators=(reds[0],), status=ActionStatus.DONE)
    assert unanswered_reds(rows, [done]) == reds


def test_save_update_and_delete_each_leave_a_change_log_entry(sample_store):
    new_id = save_action(sample_store, an_action(indicators=("NI 39", "NI 40")))
    update_action(sample_store, new_id, status=ActionStatus.AT_RISK, note="Funding delayed")
    found = actions(sample_store, "Tunbridge Wells")
    assert [a.id for a in found] == [new_id]
    assert found[0].status is ActionStatus.AT_RISK and found[0].indicators == ("NI 39", "NI 40")
    assert found[0].notes[0].text == "Funding delayed" and found[0].notes[0].author
    delete_action(sample_store, new_id)
    assert actions(sample_store, "Tunbridge Wells") == []
    log = sample_store.conn.execute(
        "SELECT old IS NULL, new IS NULL FROM change_log WHERE table_name = 'actions' ORDER BY id").fetchall()
    assert log == [(1, 0), (0, 0), (0, 1)]


def test_a_refused_action_leaves_the_database_as_it_was(sample_store):
    with pytest.raises(VfkError, match="not in the indicator catalogue"):
        save_action(sample_store, an_action(indicators=("NI 39", "NI 999")))
    with pytest.raises(VfkError, match="needs an owner"):
        save_action(sample_store, an_action(owner=" "))
    assert actions(sample_store) == []
    assert sample_store.conn.execute("SELECT count(*) FROM change_log WHERE table_name = 'actions'"
                                     ).fetchone() == (0,)


def test_a_saved_action_comes_back_exactly_with_its_notes(sample_store):
    notes = (Note("2010-01-05T09:00:00+00:00", "asmith", "Started"),
             Note("2010-02-01T10:00:00+00:00", "jsmith", "=SUM(A1) is text, not a formula"))
    new_id = save_action(sample_store, an_action(notes=notes))
    assert actions(sample_store, "Tunbridge Wells") == [an_action(id=new_id, notes=notes)]


def test_actions_from_the_command_line(tmp_path):
    db = tmp_path / "k.db"
    assert run_cli("init", "--sample", db=db).returncode == 0
    added = run_cli("action", "add", "--locality", "TWBC", "--indicator", "ni 39", "--indicator", "NI40",
                    "--title", "Brief interventions", "--owner", "J Smith", "--due", "2010-03-31", db=db)
    assert added.returncode == 0, added.stderr
    assert "Action 1 added for Tunbridge Wells" in added.stdout
    updated = run_cli("action", "update", "1", "--status", "done", "--note", "Finished early",
                      "--due", "2010-02-28", "--db", str(db))
    assert updated.returncode == 0, updated.stderr
    listed = run_cli("actions", "--locality", "Tunbridge Wells", "--json", db=db)
    rows = json.loads(listed.stdout)
    assert len(rows) == 1
    assert list(rows[0]) == ["id", "title", "owner", "due", "status", "indicators", "notes"]
    assert rows[0] | {"notes": None} == {"id": 1, "title": "Brief interventions", "owner": "J Smith",
                                         "due": "2010-02-28", "status": "done",
                                         "indicators": ["NI 39", "NI 40"], "notes": None}
    assert rows[0]["notes"][0]["text"] == "Finished early"
    assert set(rows[0]["notes"][0]) == {"at", "author", "text"}
    overdue = run_cli("action", "update", "1", "--status", "on track", db=db)
    assert overdue.returncode == 0
    listed = json.loads(run_cli("actions", "--locality", "TWBC", "--json", db=db).stdout)
    assert listed[0]["status"] == "overdue"


@pytest.mark.parametrize(("args", "message"), [
    (("action", "update", "7", "--note", "x"), "There is no action 7"),
    (("action", "add", "--locality", "TWBC", "--indicator", "NI 39", "--title", "t", "--owner", "o",
      "--due", "31/03/2010"), "is not a due date"),
    (("action", "add", "--locality", "Medway", "--indicator", "NI 39", "--title", "t", "--owner", "o",
      "--due", "2010-03-31"), "Medway"),
])
def test_refusals_are_one_sentence_and_change_nothing(tmp_path, args, message):
    db = tmp_path / "k.db"
    assert run_cli("init", db=db).returncode == 0
    done = run_cli(*args, db=db)
    assert done.returncode == 1 and message in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.count("\n") == 1
    assert json.loads(run_cli("actions", "--locality", "TWBC", "--json", db=db).stdout) == []


def test_actions_go_out_in_the_ka2_return_and_import_back_unchanged(tmp_path):
    out, db, fresh = tmp_path / "return.xlsx", tmp_path / "k.db", tmp_path / "fresh.db"
    for path in (db, fresh):
        assert run_cli("init", "--sample", db=path).returncode == 0
    for args in (("--indicator", "NI 39", "--title", "=HYPERLINK(\"x\") is text", "--owner", "J Smith",
                  "--due", "2010-03-31"),
                 ("--indicator", "NI 163", "--indicator", "NI 152", "--title", "Skills fair",
                  "--owner", "B Khan", "--due", "2099-06-30", "--status", "on track")):
        assert run_cli("action", "add", "--locality", "Tunbridge Wells", *args, db=db).returncode == 0
    assert run_cli("action", "update", "1", "--note", "First note", db=db).returncode == 0
    assert run_cli("action", "update", "1", "--note", "Second note, two\nlines", "--status", "at risk",
                   db=db).returncode == 0
    assert run_cli("export", "--locality", "Tunbridge Wells", "--out", str(out), db=db).returncode == 0

    from openpyxl import load_workbook

    book = load_workbook(out)
    sheet = book["Actions"]
    assert [c.value for c in sheet[3]] == ["ID", "Action", "Owner", "Due", "Status", "Overdue",
                                           "Indicators", "Latest note"]
    assert sheet["B4"].value == '=HYPERLINK("x") is text' and sheet["B4"].data_type == "s"
    assert sheet["F4"].value == "Yes" and sheet["G5"].value == "NI 163, NI 152"
    assert [c.value for c in book["Action notes"]["D"]][3:] == ["First note", "Second note, two\nlines"]

    before = run_cli("actions", "--locality", "TWBC", "--json", db=db).stdout
    imported = run_cli("import", str(out), db=fresh)
    assert imported.returncode == 0, imported.stderr
    assert "Actions of Tunbridge Wells: 2 added, 0 updated, 0 unchanged." in imported.stdout
    assert run_cli("actions", "--locality", "TWBC", "--json", db=fresh).stdout == before
    again = run_cli("import", str(out), db=fresh)
    assert "0 added, 0 updated, 2 unchanged" in again.stdout
    assert run_cli("actions", "--locality", "TWBC", "--json", db=fresh).stdout == before


def test_the_ka2_return_names_each_comment_author_and_each_lead(sample_store, tmp_path):
    from openpyxl import load_workbook

    from vfk_desktop.facts.exports import return_facts
    from vfk_desktop.io.writers.ka2_return import write_ka2_return
    from vfk_desktop.store import accountability as acc
    from vfk_desktop.store.edits import set_commentary
    from vfk_desktop.who import current_user

    acc.set_lead(sample_store, "Tunbridge Wells", "NI 39", acc.Lead("D Lead", "West Kent PCT", "PHB"))
    facts = return_facts(sample_store, "Tunbridge Wells")
    ni39 = next(r for r in facts.rows if r.fare.code == "NI 39")
    set_commentary(sample_store, "Tunbridge Wells", "NI 39", ni39.fare.period, "Worse in winter")
    out = tmp_path / "r.xlsx"
    write_ka2_return(return_facts(sample_store, "Tunbridge Wells"), out)
    sheet = load_workbook(out)["Return"]
    headings = [c.value for c in sheet[4]]
    row = next(r for r in sheet.iter_rows(min_row=5, values_only=True) if r[1] == "NI 39")
    found = dict(zip(headings, row, strict=True))
    assert found["Commentary"] == "Worse in winter"
    assert found["Commented by"].startswith(f"{current_user()}, 20")
    assert found["Lead"] == "D Lead (West Kent PCT) · PHB"
