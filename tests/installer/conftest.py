"""The installer's scripts live in installer/ (not a package): make them importable by name."""

import sys

from tests.conftest import REPO

INSTALLER = REPO / "installer"
if str(INSTALLER) not in sys.path:
    sys.path.insert(0, str(INSTALLER))
