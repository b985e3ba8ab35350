#!/usr/bin/env bash
# Regenerate the README's pictures from a fresh sample database: every page of the window under Xvfb
# (a real X server, so fonts and styles are those an officer sees; offscreen when Xvfb is missing),
# the charts from `vfk chart`, and pages of the Board pack from `vfk report` (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh app >/dev/null
out=docs/images/window
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.venv/bin/vfk --db "$work/sample.db" init --sample >/dev/null
export XDG_CONFIG_HOME="$work/config"   # start from default settings, not the last session's
run=(.venv/bin/vfk-desktop --db "$work/sample.db" --locality "Tunbridge Wells" --screenshots "$out")
if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1366x768x24" "${run[@]}"  # a laptop: the pictures are 1366 × 728
else
    QT_QPA_PLATFORM=offscreen "${run[@]}"
fi
shot=(.venv/bin/python scripts/import_report_shot.py "$work/sample.db" "$work" "$out/08-import-report.png")
if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1366x768x24" "${shot[@]}"
else
    QT_QPA_PLATFORM=offscreen "${shot[@]}"
fi
.venv/bin/vfk --db "$work/accounts.db" init --sample >/dev/null
acc=(env PYTHONPATH=. .venv/bin/python scripts/accountability_shots.py "$work/accounts.db" docs/images/accounts)
if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1600x1000x24" "${acc[@]}"
else
    QT_QPA_PLATFORM=offscreen "${acc[@]}"
fi
vfk=(.venv/bin/vfk --db "$work/sample.db")
mkdir -p docs/images/charts docs/images/report
"${vfk[@]}" chart --locality "Tunbridge Wells" --indicator "NI 39" --kind districts --out docs/images/charts/districts-ni39.png
"${vfk[@]}" chart --locality "Tunbridge Wells" --indicator "NI 163" --kind districts --out docs/images/charts/districts-ni163.png
"${vfk[@]}" chart --locality "Tunbridge Wells" --indicator "NI 155" --kind districts --out docs/images/charts/districts-ni155.png
"${vfk[@]}" chart --locality "Tunbridge Wells" --kind range --out docs/images/charts/range.png
"${vfk[@]}" chart --locality "Tunbridge Wells" --indicator "NI 39" --kind trend --out docs/images/charts/trend-ni39.png
"${vfk[@]}" chart --locality "Tunbridge Wells" --kind priorities --out docs/images/charts/priorities.png
"${vfk[@]}" chart --locality "Tunbridge Wells" --indicator "NI 39" --kind spc --out docs/images/charts/spc-ni39.png
# the Overview and the Indicator page on a larger screen as well (the laptop's are in window/)
mkdir -p docs/images/sizes
big=(.venv/bin/vfk-desktop --db "$work/sample.db" --locality "Tunbridge Wells" --screenshots "$work/big"
     --size 1600x1000)
if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1920x1080x24" "${big[@]}"
else
    QT_QPA_PLATFORM=offscreen "${big[@]}"
fi
cp "$work/big/01-overview.png" docs/images/sizes/overview-1600x1000.png
cp "$work/big/02-indicator.png" docs/images/sizes/indicator-1600x1000.png
"${vfk[@]}" report --locality "Tunbridge Wells" --out "$work/pack.pdf"
rm -f docs/images/report/*.png
pdftoppm -png -r 60 -f 1 -l 5 "$work/pack.pdf" docs/images/report/page
# the Word paper and the slides, as LibreOffice (standing in for Word and PowerPoint) shows them
"${vfk[@]}" report --locality "Tunbridge Wells" --out "$work/paper.docx"
"${vfk[@]}" report --locality "Tunbridge Wells" --out "$work/slides.pptx"
soffice "-env:UserInstallation=file://$work/office-profile" --headless --convert-to pdf --outdir "$work" \
    "$work/paper.docx" "$work/slides.pptx" >/dev/null
mkdir -p docs/images/papers
rm -f docs/images/papers/*.png
pdftoppm -png -r 50 -f 1 -l 3 "$work/paper.pdf" docs/images/papers/word
pdftoppm -png -r 40 -f 2 -l 9 "$work/slides.pdf" docs/images/papers/slide
ls "$out" docs/images/charts docs/images/report docs/images/papers
