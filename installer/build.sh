#!/usr/bin/env bash
# Build the Linux bundle (dist/vfk_desktop: vfk-desktop and vfk over one _internal folder), then run
# the frozen checks on it (installer/check_bundle.py) and print its size and the build time.
#
#   installer/build.sh              build and check
#   installer/build.sh --archive    … then pack dist/vfk_desktop-VERSION-linux-ARCH.tar.gz
#   installer/build.sh --check-only check the bundle already in dist/
#
# Python: $VFK_BUILD_PYTHON, else .venv/bin/python (./scripts/test sets it up with PyInstaller).
# Folders: $VFK_DIST (default dist/) and $VFK_WORK (default build/pyinstaller).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${VFK_BUILD_PYTHON:-$ROOT/.venv/bin/python}"
DIST="${VFK_DIST:-$ROOT/dist}"
WORK="${VFK_WORK:-$ROOT/build/pyinstaller}"
BUNDLE="$DIST/vfk_desktop"
archive=0
build=1

say() { printf '==> %s\n' "$*" >&2; }
usage() { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; }

for argument in "$@"; do
    case "$argument" in
        --archive) archive=1 ;;
        --check-only) build=0 ;;
        -h|--help) usage; exit 0 ;;
        *) say "unknown option: $argument"; usage >&2; exit 2 ;;
    esac
done

[ -x "$PYTHON" ] || { say "No Python at $PYTHON: run ./scripts/test once, or set VFK_BUILD_PYTHON."; exit 1; }
# The package is taken from this checkout, whatever copy the environment has installed.
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
version="$("$PYTHON" "$ROOT/installer/buildinfo.py")"

if [ "$build" = 1 ]; then
    "$PYTHON" -c 'import PyInstaller' 2>/dev/null ||
        { say "PyInstaller is missing: $PYTHON -m pip install -e \"$ROOT[build]\""; exit 1; }
    command -v objdump >/dev/null || { say "PyInstaller needs objdump: sudo apt-get install binutils"; exit 1; }
    say "Building vfk_desktop $version into $BUNDLE"
    started=$(date +%s)
    "$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$DIST" --workpath "$WORK" \
        "$ROOT/installer/vfk_desktop.spec"
    "$PYTHON" "$ROOT/installer/trim.py" "$BUNDLE"
    cp "$ROOT/installer/linux/install.sh" "$BUNDLE/install.sh"
    built=$(( $(date +%s) - started ))
fi

[ -x "$BUNDLE/vfk-desktop" ] || { say "No bundle in $BUNDLE: build it first."; exit 1; }
"$PYTHON" "$ROOT/installer/check_bundle.py" "$BUNDLE"

size_mb=$(du -sm "$BUNDLE" | cut -f1)
say "Bundle: $BUNDLE, $size_mb MB${built:+, built in $built s}"
if [ "$archive" = 1 ]; then
    name="vfk_desktop-$version-linux-$(uname -m)"
    tar -C "$DIST" --transform "flags=r;s,^vfk_desktop,$name," -czf "$DIST/$name.tar.gz" vfk_desktop
    say "Archive: $DIST/$name.tar.gz, $(du -m "$DIST/$name.tar.gz" | cut -f1) MB"
fi
