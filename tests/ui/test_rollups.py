"""Roll-ups on the Local priorities and Vision pages: the same counts as the Overview, codes that
open the Indicator page, and key performance question links edited with undo."""

from PySide6.QtCore import QUrl

from vfk_desktop.domain.codes import parent_code
from vfk_desktop.facts.rollups import ambition_rollups
from vfk_desktop.store.accountability import kpq_links
from vfk_desktop.ui.undo import push
from vfk_desktop.ui.undo_accounts import SetKpqIndicators


def overview_counts(window, codes) -> dict:
    """Statuses of the Overview's rows for codes, read from the Overview's own tables."""
    page = window.show_page("Overview")
    counts = {}
    for section in page.sections:
        model = section.model
        for r in range(model.rowCount()):
            row = model.row_at(r)
            if row.code in codes or parent_code(row.code) in codes:
                counts[row.rag] = counts.get(row.rag, 0) + 1
    return counts


def test_local_priority_counts_equal_the_overviews(window, qtbot, qtmodeltester):
    page = window.show_page("Local priorities")
    qtmodeltester.check(page.model)
    priorities = page.model.rows()
    assert priorities, "the sample has the LSP's priorities"
    statuses = page.model.column_index("Statuses")
    for number, priority in enumerate(priorities):
        rollup = page.model.rollups[priority.id]
        assert rollup.counts == overview_counts(window, set(priority.indicators)), priority.title
        assert page.model.index(number, statuses).data() == rollup.summary()
    assert sum(sum(page.model.rollups[p.id].counts.values()) for p in priorities) > 0


def test_ambition_and_question_counts_equal_the_overviews(window, qtbot):
    for ambition in ambition_rollups(window.session.store, "Tunbridge Wells"):
        assert ambition.whole.counts == overview_counts(window, set(ambition.whole.codes))
        for question in ambition.questions:
            assert question.counts == overview_counts(window, set(question.codes))
    assert any(q.counts for a in ambition_rollups(window.session.store, "Tunbridge Wells")
               for q in a.questions)


def test_codes_on_both_pages_open_the_indicator_page(window, qtbot):
    vision = window.show_page("Vision")
    assert "indicator:NI 151" in vision.ambition_tree.toHtml()
    vision.ambition_tree.anchorClicked.emit(QUrl("indicator:NI 151"))
    assert window.current_page_name() == "Indicator" and window.pages["Indicator"].code == "NI 151"
    local = window.show_page("Local priorities")
    local.view.selectRow(0)
    code = local.model.rows()[0].indicators[0]
    assert f'href="indicator:{code}"' in local.evidence.text()
    local.evidence.linkActivated.emit(f"indicator:{code}")
    assert window.current_page_name() == "Indicator" and window.pages["Indicator"].code == code


def test_question_links_are_edited_with_undo(window, qtbot):
    session = window.session
    before = kpq_links(session.store)[(1, 1)]
    assert before == ("NI 151", "NI 171")
    push(session, SetKpqIndicators(session, 1, 1, ("NI 152",)))
    assert kpq_links(session.store)[(1, 1)] == ("NI 152",)
    assert "indicator:NI 152" in window.show_page("Vision").ambition_tree.toHtml()
    session.undo_stack.undo()
    assert kpq_links(session.store)[(1, 1)] == before
