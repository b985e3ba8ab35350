"""The installed `vfk`: the command line (PyInstaller's entry point; the commands live in vfk_desktop.cli)."""

import sys

from vfk_desktop.cli import main

sys.exit(main())
