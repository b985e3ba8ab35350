"""The installed `vfk-desktop`: PyInstaller's entry point; the window starts in vfk_desktop.window_start."""

import sys

from vfk_desktop.window_start import main

sys.exit(main())
