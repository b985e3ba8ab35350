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


def test_chart_writes_png_and_svg(sample_db, tmp_path):
    for kind, suffix in (("districts", "png"), ("trend", "svg"), ("range", "png"), ("priorities", "png")):
        out = tmp_path / f"{kind}.{suffix}"
        done = run_cli("chart", "--locality", "TWBC", "--indicator", "163", "--kind", kind, "--out", str(out),
                       db=sample_db)
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 1000 and done.stderr == ""
    assert "Tunbridge Wells" in (tmp_path / "trend.svg").read_text()


def test_chart_refusals_are_one_line(sample_db, tmp_path):
    out = str(tmp_path / "c.png")
    cases = [
        (["--kind", "districts", "--out", out], "needs --indicator"),
        (["--kind", "districts", "--indicator", "32", "--out", out], "No district has a value for NI 32"),
        (["--kind", "trend", "--indicator", "999", "--out", out], '"999" is not an indicator code'),
        (["--kind", "trend", "--indicator", "77", "--out", out], 'NI 77 is not in the indicator catalogue'),
        (["--kind", "range", "--out", str(tmp_path / "c.gif")], ".png or .svg"),
    ]
    for args, words in cases:
        done = run_cli("chart", "--locality", "TWBC", *args, db=sample_db)
        assert done.returncode == 1 and words in done.stderr, done.stderr
        assert done.stderr.count("\n") == 1


def test_report_writes_the_word_paper_and_the_slides(sample_db, tmp_path):
    import docx
    from pptx import Presentation

    for name, said in (("paper.docx", "Board paper written to"), ("slides.pptx", "Slides written to")):
        out = tmp_path / name
        done = run_cli("report", "--locality", "TWBC", "--out", str(out), db=sample_db)
        assert done.returncode == 0 and said in done.stdout, done.stderr
    paper = docx.Document(str(tmp_path / "paper.docx"))
    cells = {c.text for t in paper.tables for r in t.rows for c in r.cells}
    assert {"NI 39", "1,212", "1,009", "1,798"} <= cells
    assert len(Presentation(str(tmp_path / "slides.pptx")).slides) >= 6
    refused = run_cli("report", "--locality", "TWBC", "--out", str(tmp_path / "paper.odt"), db=sample_db)
    assert refused.returncode == 1 and "ending .pdf or .docx or .pptx" in refused.stderr


MONTHS = ["Apr 2009", "May 2009", "Jun 2009", "Jul 2009", "Aug 2009", "Sep 2009", "Oct 2009", "Nov 2009",
          "Dec 2009", "Jan 2010", "Feb 2010", "Mar 2010", "Apr 2010", "May 2010", "Jun 2010"]


def test_spc_chart_of_a_monthly_series(sample_db, tmp_path):
    values = [30, 32, 31, 29, 33, 30, 31, 32, 30, 31, 29, 30, 38, 39, 40]
    monthly = tmp_path / "monthly.csv"
    monthly.write_text("District,Indicator,Period,Value\n" + "".join(
        f"Tunbridge Wells,NI 111,{m},{v}\n" for m, v in zip(MONTHS, values, strict=True)))
    assert run_cli("import", str(monthly), db=sample_db).returncode == 0
    out = tmp_path / "spc.svg"
    done = run_cli("chart", "--locality", "TWBC", "--indicator", "111", "--kind", "spc", "--out", str(out),
                   db=sample_db)
    assert done.returncode == 0, done.stderr
    svg = out.read_text()
    assert "special cause: concern" in svg and "consistently missed" in svg  # lower is better; 15.6
    assert "Only" not in svg  # 15 points: no warning
    # the trend labels the compared kind of period (years); the months are drawn in time, unlabelled
    trend = tmp_path / "trend.svg"
    assert run_cli("chart", "--locality", "TWBC", "--indicator", "111", "--kind", "trend", "--out",
                   str(trend), db=sample_db).returncode == 0
    assert "2008/09" in trend.read_text() and "May 2009" not in trend.read_text()


def test_spc_and_trend_say_why_when_there_is_nothing_to_draw(sample_db, tmp_path):
    for kind, words in (("spc", "an SPC chart needs a series"), ("trend", "No figures over time for NI 32")):
        done = run_cli("chart", "--locality", "TWBC", "--indicator", "32", "--kind", kind, "--out",
                       str(tmp_path / "c.png"), db=sample_db)
        assert done.returncode == 1 and words in done.stderr, done.stderr
        assert done.stderr.count("\n") == 1 and not (tmp_path / "c.png").exists()


def test_spine_funnel_and_map_charts_are_written_as_png_and_svg(sample_db, tmp_path):
    from PySide6.QtGui import QImage

    kinds = (("spine", []), ("funnel", ["--indicator", "21"]), ("map", ["--indicator", "163"]))
    for kind, indicator in kinds:
        for suffix in ("png", "svg"):
            out = tmp_path / f"{kind}.{suffix}"
            done = run_cli("chart", "--locality", "TWBC", "--kind", kind, *indicator, "--out", str(out),
                           db=sample_db)
            assert done.returncode == 0 and done.stderr == "", done.stderr
            assert out.stat().st_size > 1000
        image = QImage(str(tmp_path / f"{kind}.png"))
        width = {"spine": 2000, "funnel": 1800, "map": 1800}[kind]  # twice the drawing size
        assert image.width() == width and image.height() > 600, kind
        assert "Tunbridge" in (tmp_path / f"{kind}.svg").read_text()


def test_a_funnel_without_denominators_is_refused_in_a_sentence(sample_db, tmp_path):
    out = str(tmp_path / "f.png")
    for args, words in ((["--indicator", "186"], "NI 186 is a ratio, not a proportion or a rate"),
                        ([], "A funnel chart needs --indicator")):
        done = run_cli("chart", "--locality", "TWBC", "--kind", "funnel", *args, "--out", out, db=sample_db)
        assert done.returncode == 1 and words in done.stderr and done.stderr.count("\n") == 1
