"""On the Indicator page: who leads the indicator, which target its status follows, how the year's
target is profiled and where the year is heading; and under the comment, who saved it and when, with
its earlier versions a click away. Every change is an undo command."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from vfk_desktop.domain.fare import FareRow
from vfk_desktop.domain.model import format_number
from vfk_desktop.domain.periods import PeriodKind
from vfk_desktop.domain.profiles import METHODS, financial_year_of
from vfk_desktop.facts.accounts import leads_for, target_choices
from vfk_desktop.store import accountability as acc
from vfk_desktop.store.vision import working_groups
from vfk_desktop.ui.errors import shown
from vfk_desktop.ui.forms import labelled_form
from vfk_desktop.ui.undo import push
from vfk_desktop.ui.undo_accounts import SetLead, SetProfile, SetTargetChoice

NO_PROFILE = "not profiled"
FOLLOWS_TEXT = {"kent": "the Kent target", "local": "the local target"}


def when_text(at: str | None) -> str:
    return (at or "")[:16].replace("T", " ")


class AccountabilityPanel(QGroupBox):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__("Who answers for it", parent)
        self.session = session
        self.code: str | None = None
        self.year: str | None = None
        self.officer = QLineEdit(self)
        self.partner = QLineEdit(self)
        self.group = QComboBox(self)
        self.group.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.group.setMinimumContentsLength(18)  # a group's long name is read whole in the list
        for code, name in working_groups(session.store).groups:
            self.group.addItem(f"{code} – {name}", code)
        self.follows = QComboBox(self)
        for key, text in FOLLOWS_TEXT.items():
            self.follows.addItem(text, key)
        self.method = QComboBox(self)
        self.method.addItems([NO_PROFILE, *METHODS])
        self.quarters = QLineEdit(self)
        self.quarters.setPlaceholderText("typed: Q1, Q2, Q3, Q4")
        self.forecast = QLabel(self)
        self.forecast.setWordWrap(True)
        self.saved = QLabel(self)
        self.save = QPushButton("Save &leads and targets", self)
        self.save.clicked.connect(self.save_changes)
        form = labelled_form(self, [("Lead &officer", self.officer), ("Lead &partner", self.partner),
                                    ("&Working group", self.group), ("Status &follows", self.follows),
                                    ("&Profile", self.method, "Target profile"),
                                    ("", self.quarters, "Quarterly targets"), ("Forecast", self.forecast)])
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved, 1)
        buttons.addWidget(self.save)
        form.addRow(buttons)

    def show_for(self, code: str, row: FareRow | None) -> None:
        self.code = code
        store, locality = self.session.store, self.session.locality
        lead = leads_for(store, locality)[code]
        self.officer.setText(lead.officer or "")
        self.partner.setText(lead.partner or "")
        self.group.setCurrentIndex(max(self.group.findData(lead.working_group), 0))
        self.group.setToolTip("From the working groups' matrix (its theme)" if lead.group_from_matrix
                              else "Chosen for this indicator")
        self.follows.setCurrentIndex(self.follows.findData(target_choices(store, locality).get(code, "kent")))
        period = row.period if row else None
        self.year = financial_year_of(period).label if period and period.kind in (
            PeriodKind.FINANCIAL_QUARTER, PeriodKind.FINANCIAL_YEAR) else None
        if row is not None and row.forecast is not None:
            self.year = row.forecast.period.label
        profile = acc.profile_of(store, locality, code, self.year) if self.year else None
        self.method.setCurrentText(profile.method if profile else NO_PROFILE)
        self.method.setEnabled(self.year is not None)
        self.method.setToolTip(f"How the {self.year} target is spread over its quarters" if self.year
                               else "Choose a financial year or quarter to profile its target")
        self.quarters.setText(", ".join(format_number(q) for q in profile.quarters if q is not None)
                              if profile and profile.method == "typed" else "")
        self.forecast.setText(_forecast_text(row))
        self.save.setEnabled(not self.session.readonly)
        self.saved.clear()

    def save_changes(self) -> None:
        if self.code is None:
            return
        store, locality, code = self.session.store, self.session.locality, self.code
        stack = self.session.undo_stack
        with shown(self, "Leads and targets"):
            commands = []
            lead = acc.Lead(self.officer.text().strip() or None, self.partner.text().strip() or None,
                            self.group.currentData())
            old = leads_for(store, locality)[code]
            if (lead.officer, lead.partner, lead.working_group) != (old.officer, old.partner,
                                                                    old.working_group):
                commands.append(SetLead(self.session, code, lead))
            follows = self.follows.currentData()
            if follows != target_choices(store, locality).get(code, "kent"):
                commands.append(SetTargetChoice(self.session, code, follows))
            if self.year is not None:
                profile = self._profile()
                if profile != acc.profile_of(store, locality, code, self.year):
                    commands.append(SetProfile(self.session, code, self.year, profile))
            if not commands:
                self.saved.setText("Nothing to save.")
                return
            stack.beginMacro(f"Save the leads and targets of {code}")
            try:
                for command in commands:
                    push(self.session, command)
            finally:
                stack.endMacro()
            self.saved.setText("Saved ✓")

    def _profile(self) -> acc.StoredProfile | None:
        method = self.method.currentText()
        if method == NO_PROFILE:
            return None
        if method != "typed":
            return acc.StoredProfile(method)
        from vfk_desktop.domain.errors import VfkError
        from vfk_desktop.domain.values import parse_value

        values = [parse_value(p.strip()).value for p in self.quarters.text().split(",") if p.strip()]
        if len(values) != 4 or any(v is None for v in values):
            raise VfkError("Type the four quarterly targets as numbers, such as 50, 150, 300, 400.")
        return acc.StoredProfile("typed", tuple(values))


def _forecast_text(row: FareRow | None) -> str:
    if row is None or row.forecast is None:
        return "No quarters of a year still open: no forecast."
    found = row.forecast
    return (f"{found.period.label} year end: {format_number(round(found.value, 1))} ({found.method}), "
            f"{found.verdict}")


class CommentHistory(QWidget):
    """ "Saved by jsmith on 2 Dec 2026 15:40 · Earlier versions (2)…" under the comment box."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.key: tuple[str, str] | None = None
        self.label = QLabel(self)
        self.label.setObjectName("comment_saved")
        self.label.setWordWrap(True)  # "Saved by … on …" wraps rather than widening the page
        self.earlier = QPushButton("Earlier &versions…", self)
        self.earlier.clicked.connect(self.show_versions)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.earlier)

    def show_for(self, code: str, period: str, just_saved: bool = False) -> None:
        self.key = (code, period)
        versions = acc.comment_versions(self.session.store, self.session.locality, code, period)
        current = versions[0] if versions else None
        if current is None:
            self.label.setText("No comment yet." if not just_saved else "Saved ✓ (the comment is removed)")
        else:
            verb = "Saved ✓ by" if just_saved else ("Typed by" if current.how == "edit" else "Imported by")
            self.label.setText(f"{verb} {current.author or 'unknown'} on {when_text(current.at)}")
        self.earlier.setText(f"Earlier &versions ({max(len(versions) - 1, 0)})…")
        self.earlier.setEnabled(len(versions) > 1)

    def show_versions(self) -> None:
        if self.key is None:
            return
        versions = acc.comment_versions(self.session.store, self.session.locality, *self.key)
        dialog = QDialog(self)
        dialog.setWindowTitle(f"Comment on {self.key[0]}, {self.key[1]}: every version")
        text = QTextBrowser(dialog)
        text.setAccessibleName("Versions")
        parts = []
        for number, version in enumerate(versions):
            head = "Current" if number == 0 else "Earlier"
            parts.append(f"<p><b>{head}: {version.author or 'unknown'}, {when_text(version.at)}</b><br>"
                         f"{_escape(version.text)}</p>")
        text.setHtml("".join(parts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.resize(560, 420)
        self.versions_dialog = dialog  # tests read it
        dialog.open()


def _escape(text: str | None) -> str:
    from html import escape

    return escape(text or "").replace("\n", "<br>")
