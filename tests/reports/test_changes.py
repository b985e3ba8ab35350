"""What changed since the last Board: the fare table then (later imports and edits taken back in a
copy) against now; `vfk changes` and the pack's section say the same."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest

from tests.conftest import run_cli
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.facts.board import build_pack
from vfk_desktop.facts.changes import board_date, changes_since, record_board_date
from vfk_desktop.reports.html import Tables, pack_html
from vfk_desktop.store.connection import open_store
from vfk_desktop.store.edits import set_commentary, set_figure


def _edit_after_the_board(store) -> None:
    set_figure(store, "Tunbridge Wells", "NI 163", "2008", "value", "76")
    set_commentary(store, "Tunbridge Wells", "NI 47", "2008", "Speed cameras on the A264.")


def test_changes_since_an_import_are_figures_statuses_ranks_and_comments(sample_store):
    _edit_after_the_board(sample_store)
    words, changes = changes_since(sample_store, "Tunbridge Wells", "1")
    found = {(c.code, c.what): (c.before, c.after, c.period) for c in changes}
    assert words == "import 1"
    assert found[("NI 163", "changed figure")] == ("70.9", "76", "2008")
    assert found[("NI 163", "status change")] == ("■ Red (worse)", "● Green (better)", "2008")
    assert found[("NI 163", "rank move")][0] == "6 of 12" and found[("NI 163", "rank move")][1] != "6 of 12"
    assert found[("NI 47", "new comment")] == (None, "Speed cameras on the A264.", "2008")
    assert {c.code for c in changes} == {"NI 163", "NI 47"}


def test_changes_since_a_day_and_the_database_is_only_read(sample_db):
    with open_store(sample_db) as store:
        with store.atomic():
            store.conn.execute("UPDATE imports SET at = '2009-11-30T10:00:00+00:00' WHERE id = 1")
        _edit_after_the_board(store)
    before = hashlib.sha256(sample_db.read_bytes()).hexdigest()
    with open_store(sample_db) as store:
        words, changes = changes_since(store, "Tunbridge Wells", "2009-12-14")
        assert words == "14 December 2009" and len(changes) >= 4
        with pytest.raises(VfkError, match="neither a date"):
            changes_since(store, "Tunbridge Wells", "last week")
        with pytest.raises(VfkError, match="no import 99"):
            changes_since(store, "Tunbridge Wells", "99")
    assert hashlib.sha256(sample_db.read_bytes()).hexdigest() == before


def test_the_board_date_is_kept_and_the_pack_lists_the_changes(sample_store):
    assert build_pack(sample_store, "Tunbridge Wells").since is None
    record_board_date(sample_store, "Tunbridge Wells", dt.date(2009, 12, 14))
    assert board_date(sample_store, "Tunbridge Wells") == dt.date(2009, 12, 14)
    pack = build_pack(sample_store, "Tunbridge Wells")
    assert pack.since == "the Board of 14 December 2009" and pack.changes  # the sample came after it
    html = pack_html(pack, Tables())
    assert "What is new or changed since the Board of 14 December 2009" in html
    assert "Changed since the Board of 14 December 2009" in html  # on the cover too


def test_vfk_changes_json_rows_and_refusals(sample_db):
    with open_store(sample_db) as store:
        _edit_after_the_board(store)
    done = run_cli("changes", "--locality", "TWBC", "--since", "1", "--json", db=sample_db)
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert rows and all(list(r) == ["code", "title", "what", "before", "after", "period"] for r in rows)
    assert {"code": "NI 163", "what": "changed figure", "before": "70.9", "after": "76",
            "period": "2008"}.items() <= next(r for r in rows if r["what"] == "changed figure").items()
    refused = run_cli("changes", "--locality", "TWBC", db=sample_db)
    assert refused.returncode == 1 and "No Board date is recorded" in refused.stderr
    assert refused.stderr.count("\n") == 1
    recorded = run_cli("changes", "--locality", "TWBC", "--record-board", "2026-12-01", db=sample_db)
    assert recorded.returncode == 0 and "1 December 2026" in recorded.stdout
    text = run_cli("changes", "--locality", "TWBC", db=sample_db)
    assert text.returncode == 0 and "changes since 1 December 2026" in text.stdout
