"""The Ambitions a local priority serves read the same on the page and in the Board pack: the
store's own titles, not names typed into a page."""

from vfk_desktop.facts.board import build_pack
from vfk_desktop.store.vision import ambitions


def test_the_local_priorities_page_and_the_pack_name_the_ambitions_as_the_store_does(window):
    store = window.session.store
    titles = {a.number: a.title for a in ambitions(store)}
    page = window.show_page("Local priorities")
    model = page.model
    shown = [model.index(r, 2).data() for r in range(model.rowCount())]
    pack = build_pack(store, "Tunbridge Wells", sections=("local",))
    assert shown and shown == ["; ".join(line.ambitions) or "none" for line in pack.local_priorities]
    assert any(f"1 {titles[1]}" in text for text in shown)
