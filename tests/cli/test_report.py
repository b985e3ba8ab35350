"""`vfk report`: the Board pack as a PDF from the command line, refusals in one line."""

from __future__ import annotations

import subprocess

from tests.conftest import run_cli


def test_report_writes_the_board_pack(sample_db, tmp_path):
    out = tmp_path / "pack.pdf"
    done = run_cli("report", "--locality", "tunbridge wells", "--out", str(out), db=sample_db)
    assert done.returncode == 0, done.stderr
    assert "Tunbridge Wells: Board pack written to" in done.stdout
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "How does Tunbridge Wells fare in Kent?" in text and "Priority rankings" in text


def test_report_refusals_are_one_line(sample_db, tmp_path):
    cases = [
        (["--locality", "Atlantis", "--out", str(tmp_path / "a.pdf")], "Atlantis"),
        (["--locality", "TWBC", "--out", str(tmp_path / "a.xlsx")], "ending .pdf"),
        (["--locality", "TWBC", "--out", str(tmp_path / "no" / "a.pdf")], "does not exist"),
    ]
    for args, words in cases:
        done = run_cli("report", *args, db=sample_db)
        assert done.returncode == 1 and words in done.stderr
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert run_cli("report", "--locality", "TWBC", "--out", "x.pdf", "--paper", "A3",
                   db=sample_db).returncode == 2
