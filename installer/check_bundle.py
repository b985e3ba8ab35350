"""The frozen checks: run the built programs as an officer would, on a fresh database, and check
what they answer against the seed figures.

    python installer/check_bundle.py dist/vfk_desktop [--keep DIR]

Each check runs the bundle's own `vfk` or `vfk-desktop` in a temporary folder with a private home
(no PYTHONPATH, nothing from the source tree), so a module, plugin or data file the build left out
shows up here. Exit 0 when every check passes; 1 otherwise, naming what failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import buildinfo  # noqa: E402

WINDOWS = sys.platform == "win32"
EXE = ".exe" if WINDOWS else ""
TIMEOUT_S = 180


class CheckFailed(Exception):
    pass


class Bundle:
    """The built folder, and a scratch folder its programs run in."""

    def __init__(self, folder: Path, scratch: Path) -> None:
        self.folder, self.scratch = folder, scratch
        self.db = scratch / "vfk.db"
        home = scratch / "home"
        self.env = {key: value for key, value in os.environ.items()
                    if key not in ("PYTHONPATH", "PYTHONHOME", "VFK_DB", "QT_QPA_PLATFORM", "QT_PLUGIN_PATH")}
        self.env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"),
                        XDG_CONFIG_HOME=str(home / "config"), XDG_STATE_HOME=str(home / "state"),
                        XDG_CACHE_HOME=str(home / "cache"))

    def program(self, name: str) -> Path:
        return self.folder / f"{name}{EXE}"

    def run(self, name: str, *args: str, prefix: tuple[str, ...] = (),
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        command = [*prefix, str(self.program(name)), *args]
        return subprocess.run(command, capture_output=True, cwd=self.scratch, timeout=TIMEOUT_S,
                              env={**self.env, **(env or {})})

    def vfk(self, *args: str) -> subprocess.CompletedProcess:
        """`vfk --db SCRATCH/vfk.db ARGS`; fails the check on a non-zero exit."""
        done = self.run(buildinfo.CLI_NAME, "--db", str(self.db), *args)
        if done.returncode != 0:
            raise CheckFailed(f"vfk {' '.join(args)} exited {done.returncode}: {_text(done.stderr)[-400:]}")
        return done


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def check_layout(bundle: Bundle) -> str:
    internal = bundle.folder / "_internal"
    for program in (buildinfo.GUI_NAME, buildinfo.CLI_NAME):
        _expect(bundle.program(program).is_file(), f"{bundle.program(program).name} is missing")
    for needed in ("resources/indicators.csv", "resources/icons/vfk-desktop-256.png",
                   "resources/vfk-desktop.desktop", "sample_data/kent_districts_sample.csv"):
        _expect((internal / needed).is_file(), f"_internal/{needed} is missing")
    _expect(not (internal / "pandas").exists(), "pandas was bundled; nothing in the app uses it")
    return "two programs, resources, icons and sample data; no pandas"


def check_version(bundle: Bundle) -> str:
    done = bundle.vfk("--version")
    expected = f"vfk_desktop {buildinfo.read().version}"
    said = _text(done.stdout).strip()
    _expect(said == expected, f"vfk --version said {said!r}, not {expected!r}")
    return expected


def check_smoke(bundle: Bundle) -> str:
    done = bundle.run(buildinfo.GUI_NAME, "--smoke")
    out = _text(done.stdout)
    _expect(done.returncode == 0,
            f"vfk-desktop --smoke exited {done.returncode}: {_text(done.stderr)[-600:]}")
    # A windowed Windows program may have no stdout; its exit status is then the answer.
    _expect(not out or "smoke test passed" in out, f"vfk-desktop --smoke said {out!r}")
    return out.strip() or "exit 0"


def check_init_sample(bundle: Bundle) -> str:
    done = bundle.vfk("init", "--sample")
    said = _text(done.stdout)  # figures, comments and priorities are counted apart
    _expect("672 figures (672 new), 3 comments (3 new), 35 priorities (35 new)" in said,
            f"init --sample said {said!r}")
    return "672 figures, 3 comments, 35 priorities"


def check_fare(bundle: Bundle) -> str:
    text = _text(bundle.vfk("fare", "--locality", "Tunbridge Wells").stdout)
    _expect("How does Tunbridge Wells fare in Kent?" in text and "■ Red (worse)" in text,
            "the fare table's text lacks its heading or its status symbols")
    rows = {row["code"]: row for row in json.loads(bundle.vfk("fare", "--locality", "TWBC", "--json").stdout)}
    ni163 = rows.get("NI 163", {})
    got = (ni163.get("value"), ni163.get("rank"), ni163.get("of"), ni163.get("rag"))
    _expect(got == (70.9, 6, 12, "red"), f"NI 163 is {got}, not (70.9, 6, 12, 'red') as the seed says")
    _expect(rows.get("NI 39", {}).get("value") == 1212, "NI 39 is not 1,212 as the seed says")
    return f"{len(rows)} rows; NI 163 70.9, 6th of 12, red"


def check_import(bundle: Bundle) -> str:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Returns"
    for row in (["District", "NI", "Period", "Value"], ["Dover", "39", "2009/10", 1400],
                ["Maidstone", "163", "2009", 71.2]):
        sheet.append(row)
    partner = bundle.scratch / "partner.xlsx"
    book.save(partner)
    report = json.loads(bundle.vfk("import", str(partner), "--json").stdout)
    _expect((report["inserted"], report["rejected"]) == (2, []), f"the import reported {report}")
    legacy = _legacy_workbook(bundle.scratch / "partner.xls")  # read in a child process: spawn works
    report = json.loads(bundle.vfk("import", str(legacy), "--json").stdout)
    _expect((report["inserted"], report["rejected"]) == (1, []), f"the .xls import reported {report}")
    _expect_reader_child(bundle)
    bad = bundle.scratch / "broken.xlsx"
    bad.write_text("this is not a workbook", encoding="utf-8")
    done = bundle.run(buildinfo.CLI_NAME, "--db", str(bundle.db), "import", str(bad))
    message = _text(done.stderr).strip()
    _expect(done.returncode == 1 and "broken.xlsx" in message and len(message.splitlines()) == 1
            and "Traceback" not in message, f"a broken file gave exit {done.returncode} and {message!r}")
    return f"xlsx: 2 figures; xls: 1; a broken file: {message}"


def _expect_reader_child(bundle: Bundle) -> None:
    """The files were read in a child process, within its limits, not in the program itself."""
    logs = list((bundle.scratch / "home").rglob("vfk.log"))
    if not logs and WINDOWS:  # the log is under %LOCALAPPDATA%, outside the private home
        return
    _expect(bool(logs), "the import left no log in the private home")
    text = "\n".join(log.read_text(encoding="utf-8") for log in logs)
    _expect("reader child started" in text and "could not be started" not in text,
            "the frozen program read the files in process: its reader child did not start")


def _legacy_workbook(path: Path) -> Path:
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Returns")
    for row, values in enumerate((["District", "NI", "Period", "Value"], ["Ashford", "39", "2009/10", 1500])):
        for column, value in enumerate(values):
            sheet.write(row, column, value)
    book.save(str(path))
    return path


def check_integrity(bundle: Bundle) -> str:
    out = _text(bundle.vfk("check").stdout).strip()
    _expect(out == "ok", f"vfk check said {out!r}")
    return "ok"


def check_charts_and_report(bundle: Bundle) -> str:
    png, svg, pdf = (bundle.scratch / name for name in ("ni163.png", "range.svg", "pack.pdf"))
    bundle.vfk("chart", "--locality", "TWBC", "--indicator", "163", "--kind", "districts", "--out", str(png))
    bundle.vfk("chart", "--locality", "TWBC", "--kind", "range", "--out", str(svg))
    said = _text(bundle.vfk("report", "--locality", "TWBC", "--out", str(pdf)).stdout)
    _expect(png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000,
            "the PNG chart is empty")
    _expect(b"<svg" in svg.read_bytes()[:2000] and b"<text" in svg.read_bytes(), "the SVG chart has no text")
    _expect(pdf.read_bytes()[:5] == b"%PDF-" and "pages)" in said, f"the report said {said!r}")
    return f"PNG {png.stat().st_size // 1024} KiB, SVG, PDF: {said.strip()}"


def check_window_on_x11(bundle: Bundle) -> str:
    """The real window on an X server (Xvfb): the xcb platform plugin and its libraries load."""
    xvfb = shutil.which("xvfb-run")
    if WINDOWS or xvfb is None:
        return "skipped (no xvfb-run)"
    shots = bundle.scratch / "shots"
    done = bundle.run(buildinfo.GUI_NAME, "--db", str(bundle.db), "--screenshots", str(shots),
                      prefix=(xvfb, "-a", "-s", "-screen 0 1400x900x24"), env={"QT_QPA_PLATFORM": "xcb"})
    _expect(done.returncode == 0,
            f"the window under Xvfb exited {done.returncode}: {_text(done.stderr)[-600:]}")
    pictures = sorted(shots.glob("*.png"))
    # the eight pages first (01-…png to 08-…png), then the dialogs, which may be small pictures
    _expect(len(pictures) >= 8 and all(p.stat().st_size > 20_000 for p in pictures[:8]),
            f"the window under Xvfb saved {len(pictures)} pages")
    return f"{len(pictures)} pages drawn on X11"


def check_county_store(bundle: Bundle) -> str:
    """psycopg and its libpq are in the bundle: a county store nobody answers at is one sentence."""
    done = bundle.run(buildinfo.CLI_NAME, "--db", str(bundle.db), "publish", "--locality", "TWBC",
                      "--county-url", "postgresql://vfk@127.0.0.1:9/county")
    message = _text(done.stderr).strip()
    _expect(done.returncode == 1 and "cannot be reached" in message and len(message.splitlines()) == 1
            and "Traceback" not in message, f"a publish to no server gave exit {done.returncode} and "
                                            f"{message!r}")
    return message


CHECKS: list[tuple[str, Callable[[Bundle], str]]] = [
    ("layout", check_layout), ("vfk --version", check_version), ("vfk-desktop --smoke", check_smoke),
    ("vfk init --sample", check_init_sample), ("vfk fare", check_fare), ("vfk import", check_import),
    ("vfk check", check_integrity), ("vfk chart and report", check_charts_and_report),
    ("vfk publish with no server", check_county_store),
    ("window on X11", check_window_on_x11),
]


def run_checks(folder: Path, scratch: Path) -> list[str]:
    """Every check in turn (later ones use the database earlier ones made); returns the failures."""
    bundle = Bundle(folder.resolve(), scratch)
    failures = []
    for name, check in CHECKS:
        started = time.perf_counter()
        try:
            said = check(bundle)
            print(f"  ok    {name:<22} {time.perf_counter() - started:5.1f} s  {said}", flush=True)
        except (CheckFailed, OSError, subprocess.SubprocessError, ValueError, KeyError) as error:
            print(f"  FAIL  {name:<22} {time.perf_counter() - started:5.1f} s  {error}", flush=True)
            failures.append(f"{name}: {error}")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the frozen checks on a built bundle.")
    parser.add_argument("bundle", type=Path, help="the one-folder bundle, e.g. dist/vfk_desktop")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="run in DIR and keep what the checks made")
    args = parser.parse_args(argv)
    print(f"Frozen checks of {args.bundle}:")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        failures = run_checks(args.bundle, args.keep.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="vfk-frozen-") as scratch:
            failures = run_checks(args.bundle, Path(scratch))
    print(f"{len(CHECKS) - len(failures)} of {len(CHECKS)} frozen checks passed.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
