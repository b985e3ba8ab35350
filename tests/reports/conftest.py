"""The Word paper and the slides for the sample, written once per test session, and LibreOffice run
as a real client with a private profile."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from vfk_desktop.facts.board import build_pack
from vfk_desktop.reports.board import write_paper
from vfk_desktop.store.connection import open_store


@pytest.fixture(scope="session")
def papers(qapp, sample_template, tmp_path_factory) -> dict[str, Path]:
    """{"docx": paper, "pptx": slides, "pack": the BoardPack they were written from}."""
    folder = tmp_path_factory.mktemp("papers")
    database = folder / "vfk.db"
    shutil.copy(sample_template, database)
    with open_store(database) as store:
        pack = build_pack(store, "Tunbridge Wells")
    out = {"pack": pack}
    for suffix in ("docx", "pptx"):
        out[suffix] = folder / f"Tunbridge Wells.{suffix}"
        write_paper(pack, out[suffix])
    return out


@pytest.fixture(scope="session")
def office_pdf(tmp_path_factory):
    """Turn a .docx or .pptx into a PDF with LibreOffice, as an officer's own office suite would."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (scripts/setup.sh test installs it)")
    profile = tmp_path_factory.mktemp("lo-profile")

    def convert(document: Path) -> Path:
        outdir = tmp_path_factory.mktemp("lo-out")
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(outdir), str(document)],
                       check=True, capture_output=True, timeout=240)
        return outdir / (document.stem + ".pdf")

    return convert


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
