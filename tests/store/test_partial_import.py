"""Leaving refused rows out: one transaction, one import, rows left out whole, blanks never replace."""

from tests.store.test_imports import do_import, dump, value_of, write
from vfk_desktop.store.imports import list_imports, undo_import

WIDE = ("NI,Period,Dover,Thanet,Swale\n"
        "NI 39,2009/10,1400,lots,1100\n"  # Thanet's figure is not a number: the row is refused
        "NI 16,2009/10,12,13,14\n")


def test_a_row_with_one_bad_cell_is_left_out_whole_and_the_rest_is_one_import(empty_store, tmp_path):
    path = write(tmp_path / "wide.csv", WIDE)
    before = dump(empty_store)
    refused = do_import(empty_store, path)
    assert not refused.ok and dump(empty_store) == before
    result = do_import(empty_store, path, skip_refused=True)
    assert result.ok and result.partial and result.left_out == 1
    assert result.inserted == 3 and "1 refused row was left out" in result.summary()
    assert value_of(empty_store, "Dover", "NI 16", "2009/10")[0] == 12
    assert value_of(empty_store, "Dover", "NI 39", "2009/10") is None  # its row was refused
    log = list_imports(empty_store)
    assert len(log) == 1 and log[0].inserted == 3
    undo_import(empty_store, result.import_id)
    assert value_of(empty_store, "Dover", "NI 16", "2009/10") is None


def test_nothing_passes_nothing_is_written(empty_store, tmp_path):
    path = write(tmp_path / "bad.csv", "District,NI,Period,Value\nNowhere,NI 39,2009/10,1\n")
    before = dump(empty_store)
    result = do_import(empty_store, path, skip_refused=True)
    assert not result.ok and not result.partial and dump(empty_store) == before


def test_a_blank_cell_is_skipped_and_never_replaces_a_stored_figure(empty_store, tmp_path):
    first = write(tmp_path / "one.csv", "District,NI,Period,Value\nDover,NI 39,2009/10,1400\n")
    assert do_import(empty_store, first).inserted == 1
    blank = write(tmp_path / "two.csv", "District,NI,Period,Value\nDover,NI 39,2009/10,\n"
                                        "Thanet,NI 39,2009/10,\n")
    result = do_import(empty_store, blank, detailed=True)
    assert (result.inserted, result.updated, result.blank, result.skipped_count) == (0, 0, 2, 2)
    assert {action for action, _ in result.actions.values()} == {"blank"}
    assert "2 skipped (2 blank)" in result.summary() or "Nothing to change" in result.summary()
    assert value_of(empty_store, "Dover", "NI 39", "2009/10")[0] == 1400


def test_comments_are_counted_apart_from_figures(empty_store, tmp_path):
    path = write(tmp_path / "c.csv", "District,NI,Period,Value,Commentary\n"
                                     "Dover,NI 39,2009/10,1400,Falling\nThanet,NI 39,2009/10,1300,\n")
    result = do_import(empty_store, path)
    assert "2 figures (2 new), 1 comment (1 new)" in result.summary()


def test_two_different_figures_for_one_place_and_period_are_both_left_out(empty_store, tmp_path):
    path = write(tmp_path / "twice.csv", "District,NI,Period,Value\nDover,NI 39,2009/10,1400\n"
                                         "Dover,NI 39,2009/10,1500\nThanet,NI 39,2009/10,1300\n")
    result = do_import(empty_store, path, skip_refused=True)
    assert result.partial and result.inserted == 1
    assert value_of(empty_store, "Dover", "NI 39", "2009/10") is None
    assert value_of(empty_store, "Thanet", "NI 39", "2009/10")[0] == 1300
