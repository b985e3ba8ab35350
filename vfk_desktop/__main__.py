"""`python -m vfk_desktop` opens the window."""

import sys

from vfk_desktop.window_start import main

sys.exit(main())
