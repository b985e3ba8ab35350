"""The Board pack's Actions and leads section and its rolled-up local priorities."""

import datetime as dt

from vfk_desktop.domain.actions import Action, ActionStatus
from vfk_desktop.facts.board import build_pack
from vfk_desktop.reports.html import Tables, pack_html
from vfk_desktop.store import accountability as acc
from vfk_desktop.store.actions import save_action


def test_the_pack_names_the_unanswered_reds_their_leads_and_the_actions(sample_store):
    pack = build_pack(sample_store, "Tunbridge Wells")
    reds = [row.code for row, _ in pack.leads]
    assert reds and list(pack.unanswered) == reds
    acc.set_lead(sample_store, "Tunbridge Wells", reds[0], acc.Lead("R Patel", "KCC Skills", None))
    save_action(sample_store, Action(None, "Tunbridge Wells", "Skills & jobs <fair>", "R Patel",
                                     dt.date(2010, 1, 31), ActionStatus.ON_TRACK, (reds[0],)))
    pack = build_pack(sample_store, "Tunbridge Wells")
    assert reds[0] not in pack.unanswered
    assert dict((row.code, lead) for row, lead in pack.leads)[reds[0]] == "R Patel (KCC Skills) · KEB"
    html = pack_html(pack, Tables())
    section = html[html.index("Actions and leads</h1>"):]
    assert "Skills &amp; jobs &lt;fair&gt;" in section and "overdue" in section
    assert "R Patel (KCC Skills) · KEB" in section
    assert all(line.statuses for line in pack.local_priorities)
    assert pack.local_priorities[1].statuses.startswith("worst red: ")  # the economy: NI 163 is red
    assert pack.local_priorities[1].statuses in html
