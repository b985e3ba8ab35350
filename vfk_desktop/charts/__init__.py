"""Charts drawn with pyqtgraph from the domain's chart data (vfk_desktop.domain.charts).

pyqtgraph picks its Qt binding when first imported; we use PySide6, so say so before anything
imports it. Importing pyqtgraph costs most of a second: only chart code does, when first needed.
"""

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
