#!/usr/bin/env bash
# Regenerate the README's pictures of the window: a fresh sample database, every page, under Xvfb
# (a real X server, so fonts and styles are those an officer sees; offscreen when Xvfb is missing).
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
    xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}"
else
    QT_QPA_PLATFORM=offscreen "${run[@]}"
fi
ls "$out"
