"""The installed `vfk`: the command line (PyInstaller's entry point; the commands live in vfk_desktop.cli)."""

from vfk_desktop.cli import run

run()
