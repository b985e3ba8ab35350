#!/bin/sh
# Install vfk_desktop for you alone, without administrator rights. Run it from the unpacked folder:
#
#   ./install.sh              install, or upgrade an earlier install
#   ./install.sh --uninstall  remove the program; your database, its backups and your settings stay
#
# The program goes to ~/.local/lib/vfk_desktop, the commands vfk-desktop and vfk to ~/.local/bin,
# the menu entry and icons under ~/.local/share. Your data lives apart, in ~/.local/share/vfk_desktop,
# so an upgrade or an uninstall never touches it.
set -eu

HERE="$(cd "$(dirname "$0")" && pwd)"
DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
APP_DIR="${VFK_INSTALL_DIR:-$HOME/.local/lib/vfk_desktop}"
BIN_DIR="$HOME/.local/bin"
DESKTOP_FILE="$DATA_HOME/applications/vfk-desktop.desktop"
ICONS_DIR="$DATA_HOME/icons/hicolor"
USER_DATA="$DATA_HOME/vfk_desktop"
SIZES="16 24 32 48 64 128 256 512"
PROGRAMS="vfk-desktop vfk"

say() { printf '%s\n' "$*"; }
fail() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$DATA_HOME/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$ICONS_DIR" 2>/dev/null || true
    fi
}

ours() {  # is this path a link into the installed program?
    [ -L "$1" ] && case "$(readlink "$1")" in "$APP_DIR"/*) return 0 ;; esac
    return 1
}

link_programs() {
    mkdir -p "$BIN_DIR"
    for program in $PROGRAMS; do
        target="$BIN_DIR/$program"
        if [ -e "$target" ] && ! [ -L "$target" ]; then
            say "Left $target alone: it is not a link this installer made. Run $APP_DIR/$program instead."
            continue
        fi
        ln -sfn "$APP_DIR/$program" "$target"
    done
}

install_menu_entry() {
    resources="$APP_DIR/_internal/resources"
    mkdir -p "$(dirname "$DESKTOP_FILE")"
    # The menu runs the program by its full path: ~/.local/bin is not on every desktop's PATH.
    sed "s|^Exec=.*|Exec=\"$APP_DIR/vfk-desktop\"|" "$resources/vfk-desktop.desktop" > "$DESKTOP_FILE"
    chmod 644 "$DESKTOP_FILE"
    for size in $SIZES; do
        mkdir -p "$ICONS_DIR/${size}x${size}/apps"
        cp "$resources/icons/vfk-desktop-$size.png" "$ICONS_DIR/${size}x${size}/apps/vfk-desktop.png"
    done
    mkdir -p "$ICONS_DIR/scalable/apps"
    cp "$resources/icons/vfk-desktop.svg" "$ICONS_DIR/scalable/apps/vfk-desktop.svg"
}

install_program() {
    [ -x "$HERE/vfk-desktop" ] && [ -x "$HERE/vfk" ] && [ -f "$HERE/_internal/resources/vfk-desktop.desktop" ] ||
        fail "run me from the unpacked vfk_desktop folder (vfk-desktop, vfk and _internal beside me)."
    if [ "$HERE" != "$APP_DIR" ]; then
        mkdir -p "$(dirname "$APP_DIR")"
        rm -rf "$APP_DIR.new" "$APP_DIR.old"
        cp -R -P "$HERE" "$APP_DIR.new"  # copy first: an interrupted upgrade leaves the old one working
        [ -d "$APP_DIR" ] && mv "$APP_DIR" "$APP_DIR.old"
        mv "$APP_DIR.new" "$APP_DIR"
        rm -rf "$APP_DIR.old"
    fi
    link_programs
    install_menu_entry
    refresh_menus
    version="$("$APP_DIR/vfk" --version 2>/dev/null || echo vfk_desktop)"
    say "Installed $version in $APP_DIR."
    say "Open it from your applications menu (vfk_desktop), or run: vfk-desktop"
    say "Your database will be $USER_DATA/vfk.db (created with sample data on first start)."
    case ":$PATH:" in
        *":$BIN_DIR:"*) ;;
        *) say "Note: $BIN_DIR is not on your PATH; add it to run vfk and vfk-desktop by name." ;;
    esac
}

uninstall_program() {
    for program in $PROGRAMS; do
        if ours "$BIN_DIR/$program"; then rm -f "$BIN_DIR/$program"; fi
    done
    rm -f "$DESKTOP_FILE" "$ICONS_DIR/scalable/apps/vfk-desktop.svg"
    for size in $SIZES; do
        rm -f "$ICONS_DIR/${size}x${size}/apps/vfk-desktop.png"
    done
    rm -rf "$APP_DIR" "$APP_DIR.new" "$APP_DIR.old"
    refresh_menus
    say "vfk_desktop is uninstalled."
    if [ -d "$USER_DATA" ]; then
        say "Your database and its backups are kept in $USER_DATA; delete that folder yourself if you no longer need them."
    fi
}

case "${1:-}" in
    "") install_program ;;
    --uninstall) uninstall_program ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' ;;
    *) printf 'install.sh: unknown option %s (use --uninstall or nothing)\n' "$1" >&2; exit 2 ;;
esac
