"""A code the catalogue lacks is refused by every writer and reader in one sentence, nothing changed."""

import pytest

from tests.support.files import contents
from vfk_desktop.domain.errors import UnknownIndicator
from vfk_desktop.domain.model import Priority
from vfk_desktop.facts.fare import indicator_facts
from vfk_desktop.store import edits
from vfk_desktop.store.local_priorities import LocalPriority, save_local_priority

SENTENCE = "NI 77 is not in the indicator catalogue."


def test_an_edit_to_an_indicator_the_catalogue_lacks_is_refused(sample_store, sample_db):
    before = contents(sample_db)
    with pytest.raises(UnknownIndicator, match=SENTENCE):
        edits.set_priority(sample_store, "Dover", "NI 77", "2009/10", Priority.HIGH)
    with pytest.raises(UnknownIndicator, match=SENTENCE):
        edits.set_commentary(sample_store, "Dover", "NI 77", "2009/10", "A comment")
    linked = LocalPriority(None, "Dover", 1, "Cleaner streets", indicators=("NI 195", "NI 77", "NI 88"))
    with pytest.raises(UnknownIndicator, match="NI 77, NI 88 is not in the indicator catalogue."):
        save_local_priority(sample_store, linked)
    assert contents(sample_db) == before


def test_the_facts_of_an_indicator_the_catalogue_lacks_are_refused(sample_store):
    with pytest.raises(UnknownIndicator, match=SENTENCE):
        indicator_facts(sample_store, "Dover", "NI 77")
