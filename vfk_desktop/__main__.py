"""`python -m vfk_desktop` opens the window."""

import sys

from vfk_desktop.app import main

sys.exit(main())
