# Shared set-up for ./scripts/run and ./scripts/test (sourced, not run): system libraries for Qt,
# a virtual environment in .venv, and the package installed into it. Re-running is quick: each
# step is skipped when it is already done.
#   source scripts/setup.sh app    # what the window needs
#   source scripts/setup.sh test   # what the test suite needs (headless)

VFK_PURPOSE="${1:-app}"
VFK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VFK_VENV="$VFK_ROOT/.venv"

# Qt's own libraries (offscreen), then what a real window on X11 adds, then test tools.
VFK_APT_QT="libglib2.0-0 libgl1 libegl1 libx11-6 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 fonts-dejavu-core"
VFK_APT_WINDOW="libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libx11-xcb1"
# LibreOffice: tests open the exports and turn the Word paper and slides into PDF; binutils: PyInstaller's objdump, for the installer tests.
VFK_APT_TEST="poppler-utils xvfb xauth libreoffice-calc-nogui libreoffice-writer-nogui libreoffice-impress-nogui binutils postgresql"

vfk_say() { printf '==> %s\n' "$*" >&2; }

vfk_python() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
           "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            echo "$candidate"; return 0
        fi
    done
    return 1
}

vfk_system_packages() {
    [ "$(uname -s)" = "Linux" ] || return 0
    command -v dpkg-query >/dev/null 2>&1 || { vfk_say "Not a Debian/Ubuntu system: install Qt 6's runtime libraries yourself."; return 0; }
    local wanted="$VFK_APT_QT"
    [ "$VFK_PURPOSE" = "app" ] && wanted="$wanted $VFK_APT_WINDOW"
    [ "$VFK_PURPOSE" = "test" ] && wanted="$wanted $VFK_APT_WINDOW $VFK_APT_TEST"
    local python; python="$(vfk_python || true)"
    if [ -z "$python" ]; then
        wanted="$wanted python3 python3-venv"
    elif ! "$python" -c 'import ensurepip' >/dev/null 2>&1; then
        wanted="$wanted python3-venv"
    fi
    # PyInstaller bundles the shared libpython, which Debian ships apart from its python3.X
    if [ "$VFK_PURPOSE" = "test" ] && [ -n "$python" ] && [ "$(command -v "$python")" = "/usr/bin/$python" ]; then
        wanted="$wanted lib$("$python" -c 'import sys; print("python%d.%d" % sys.version_info[:2])')"
    fi
    local missing="" package
    for package in $wanted; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing="$missing $package"
    done
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = "0" ]; then
        vfk_say "Installing system packages:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # shellcheck disable=SC2086
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
    else
        vfk_say "These system packages are missing:$missing"
        vfk_say "Install them with:  sudo apt-get update && sudo apt-get install -y$missing"
        vfk_say "(continuing: the app or some tests may fail until they are installed)"
    fi
}

vfk_venv() {
    local python
    python="$(vfk_python)" || { vfk_say "Python 3.11 or newer is needed (none found on PATH)."; return 1; }
    if [ ! -x "$VFK_VENV/bin/python" ]; then
        vfk_say "Creating $VFK_VENV with $python"
        "$python" -m venv "$VFK_VENV"
        "$VFK_VENV/bin/python" -m pip install -q --upgrade pip
    fi
    local stamp="$VFK_VENV/.installed-$VFK_PURPOSE-$(cat "$VFK_ROOT/pyproject.toml" | cksum | cut -d' ' -f1)"
    if [ ! -f "$stamp" ]; then
        vfk_say "Installing vfk_desktop and its dependencies into $VFK_VENV"
        local extras=""
        [ "$VFK_PURPOSE" = "test" ] && extras="[test,build]"
        "$VFK_VENV/bin/python" -m pip install -q -e "$VFK_ROOT$extras"
        rm -f "$VFK_VENV"/.installed-"$VFK_PURPOSE"-*
        touch "$stamp"
    fi
}

vfk_system_packages
vfk_venv
