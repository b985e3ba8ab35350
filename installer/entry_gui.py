"""The installed `vfk-desktop`: the window (PyInstaller's entry point; the app lives in vfk_desktop.app)."""

import sys

from vfk_desktop.app import main

sys.exit(main())
