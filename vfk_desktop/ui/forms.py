"""A form of labelled fields, each field named for screen readers after its label."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget


def labelled_form(parent: QWidget, rows: list[tuple[str, QWidget] | tuple[str, QWidget, str]]) -> QFormLayout:
    """A QFormLayout on parent with a row per (label, field[, accessible name]); the name is the
    label without its shortcut mark ("Lead &officer" → "Lead officer") unless one is given."""
    form = QFormLayout(parent)
    for row in rows:
        label, field = row[0], row[1]
        field.setAccessibleName(row[2] if len(row) == 3 else label.replace("&", ""))
        form.addRow(label, field)
    return form
