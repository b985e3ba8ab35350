"""The Indicator page's leads, target choice and profile, and the comment's author, time and history."""

from tests.ui.conftest import answer_modal
from vfk_desktop.facts.accounts import leads_for
from vfk_desktop.facts.fare import fare_row
from vfk_desktop.store import accountability as acc


def test_leads_and_the_target_followed_are_saved_then_undone(window, qtbot):
    page = window.show_page("Indicator")
    page.show_indicator("NI 163")
    panel, store = page.accountability, window.session.store
    assert panel.group.currentData() == "KEB"  # Economic Success: the Kent Economic Board leads
    assert panel.officer.text() == ""
    panel.officer.setText("A Officer")
    panel.partner.setText("West Kent College")
    panel.group.setCurrentIndex(panel.group.findData("KCT"))
    panel.save.click()
    assert panel.saved.text() == "Saved ✓"
    lead = leads_for(store, "Tunbridge Wells")["NI 163"]
    assert (lead.officer, lead.partner, lead.working_group, lead.group_from_matrix) == (
        "A Officer", "West Kent College", "KCT", False)
    assert lead.summary == "A Officer (West Kent College) · KCT"
    window.session.undo_stack.undo()
    lead = leads_for(store, "Tunbridge Wells")["NI 163"]
    assert (lead.officer, lead.working_group, lead.group_from_matrix) == (None, "KEB", True)
    assert panel.officer.text() == ""
    window.session.undo_stack.redo()
    assert leads_for(store, "Tunbridge Wells")["NI 163"].officer == "A Officer"

    panel.follows.setCurrentIndex(panel.follows.findData("local"))
    panel.save.click()
    assert acc.target_choice(store, "Tunbridge Wells", "NI 163") == "local"
    window.session.undo_stack.undo()
    assert acc.target_choice(store, "Tunbridge Wells", "NI 163") == "kent"
    assert fare_row(store, "Tunbridge Wells", "NI 163").target_followed == "kent"


def test_a_comment_keeps_its_author_time_and_earlier_versions(window, qtbot):
    page = window.show_page("Indicator")
    page.show_indicator("NI 39")
    period = page.chosen().period.label
    before = acc.comment_versions(window.session.store, "Tunbridge Wells", "NI 39", period)
    page.comment.setPlainText("First version")
    page.save_commentary()
    assert page.comment_history.label.text().startswith("Saved ✓ by ")
    page.comment.setPlainText("Second version")
    page.save_commentary()
    versions = acc.comment_versions(window.session.store, "Tunbridge Wells", "NI 39", period)
    assert [v.text for v in versions][:2] == ["Second version", "First version"]
    assert len(versions) == len(before) + 2 and all(v.author and v.at for v in versions[:2])
    assert page.comment_history.earlier.isEnabled()
    page.comment_history.show_versions()
    text = page.comment_history.versions_dialog.layout().itemAt(0).widget().toPlainText()
    assert "Second version" in text and "First version" in text and "Current:" in text
    page.comment_history.versions_dialog.close()
    window.session.undo_stack.undo()
    assert acc.comment_versions(window.session.store, "Tunbridge Wells", "NI 39", period)[0].text \
        == "First version"


def test_a_profile_is_set_from_the_panel_and_undone(window, qtbot):
    page = window.show_page("Indicator")
    page.show_indicator("NI 154")  # compared at 2008/09: its year can be profiled
    panel, store = page.accountability, window.session.store
    assert panel.year == "2008/09" and panel.method.isEnabled()
    panel.method.setCurrentText("typed")
    panel.quarters.setText("100, 250, 400, 600")
    panel.save.click()
    assert acc.profile_of(store, "Tunbridge Wells", "NI 154", "2008/09") == acc.StoredProfile(
        "typed", (100, 250, 400, 600))
    panel.method.setCurrentText("typed")
    panel.quarters.setText("100, 250")
    seen = answer_modal(lambda box: box.accept())
    panel.save.click()  # refused in a message box; nothing changes
    assert seen and "four quarterly targets" in seen[0]
    assert acc.profile_of(store, "Tunbridge Wells", "NI 154", "2008/09").quarters == (100, 250, 400, 600)
    window.session.undo_stack.undo()
    assert acc.profile_of(store, "Tunbridge Wells", "NI 154", "2008/09") is None
