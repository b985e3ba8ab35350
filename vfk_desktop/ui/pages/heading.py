"""The large bold line at the top of every page."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def page_heading(parent: QWidget, text: str = "") -> QLabel:
    heading = QLabel(text, parent)
    heading.setObjectName("heading")
    heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
    return heading
