"""When a sheet cannot be understood, the officer says which column holds what; the answer is saved
as a profile and used for every later file whose header row is the same."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop.domain.columns import Role
from vfk_desktop.domain.import_plan import UnreadSheet

CHOICES = (
    ("(leave out)", None), ("Locality", Role.AREA), ("Indicator code", Role.CODE),
    ("Indicator title", Role.TITLE), ("Period", Role.PERIOD), ("Value", Role.VALUE),
    ("Kent target", Role.KENT_TARGET), ("Target period", Role.TARGET_PERIOD),
    ("Kent figure", Role.KENT_VALUE), ("Kent best", Role.BEST), ("Kent worst", Role.WORST),
    ("Priority", Role.PRIORITY), ("Commentary", Role.COMMENTARY), ("Unit", Role.UNIT),
)


class MappingDialog(QDialog):
    def __init__(self, sheet: UnreadSheet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Which column holds what?")
        self.sheet = sheet
        where = f"{sheet.path.name}" + (f", sheet “{sheet.sheet}”" if sheet.sheet else "")
        intro = QLabel(f"{where}: vfk could not tell what the columns of row {sheet.header_row} hold. "
                       f"Choose for each; files with the same headers will be read this way from now on.",
                       self)
        intro.setWordWrap(True)
        self.name = QLineEdit(f"{sheet.path.stem} layout", self)
        self.name.setAccessibleName("Name of this layout")
        form = QFormLayout()
        form.addRow("&Name", self.name)
        self.combos: dict[int, QComboBox] = {}
        for index, header in enumerate(sheet.headers):
            if not header:
                continue
            combo = QComboBox(self)
            combo.setAccessibleName(f"Column {header}")
            for text, role in CHOICES:
                combo.addItem(text, role.name if role else None)
            self.combos[index] = combo
            form.addRow(header, combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def choose(self, header: str, role: Role) -> None:
        """Pick role for the column headed `header` (used by keyboard users' tests too)."""
        index = list(self.sheet.headers).index(header)
        combo = self.combos[index]
        combo.setCurrentIndex(combo.findData(role.name))

    def mapping(self) -> dict[int, str]:
        return {index: combo.currentData() for index, combo in self.combos.items() if combo.currentData()}
