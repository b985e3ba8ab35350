"""Roll-ups as the Vision and Local priorities pages show them: status counts, the worst status, and
each indicator code a link that opens the Indicator page; and the dialog that links indicators to a
key performance question."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from vfk_desktop.domain.codes import try_parse_code
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.rollup import RollUp, roll_up
from vfk_desktop.palette import NO_STATUS, RAG_COLOUR
from vfk_desktop.store.accountability import kpq_links
from vfk_desktop.store.vision import ambitions

LINK = "indicator:"


def code_links(rollup: RollUp) -> str:
    """Each code as a link, coloured by its status: "NI 39 ■ red, NI 163 ■ green"."""
    parts = []
    for code in rollup.codes:
        own = roll_up(code, (code,), rollup.rows)  # its row, or its sub-indicators' rows
        rag = own.worst
        colour = RAG_COLOUR[rag] if rag else NO_STATUS
        word = rag.value if rag else "no status"
        parts.append(f'<a href="{LINK}{escape(code)}">{escape(code)}</a> '
                     f'<span style="color:{colour}">■ {word}</span>')
    return ", ".join(parts) or "no indicator linked yet"


def badge(rollup: RollUp) -> str:
    colour = RAG_COLOUR[rollup.worst] if rollup.worst else NO_STATUS
    worst = f"worst {rollup.worst.value}" if rollup.worst else "no status yet"
    return f'<span style="color:{colour}"><b>{worst}</b></span> ({escape(rollup.summary())})'


def ambitions_html(found) -> str:
    """The three Ambitions, each with its roll-up and its five questions' roll-ups and links."""
    parts = ["<h3>Countywide Ambitions and their Key Performance Questions</h3>"]
    for ambition in found:
        parts.append(f"<p><b>Ambition {ambition.number}: {escape(ambition.title)}</b><br>"
                     f"{badge(ambition.whole)}</p><ol>")
        for question in ambition.questions:
            parts.append(f"<li>{escape(question.name)}<br>{badge(question)}<br>"
                         f"<small>{code_links(question)}</small></li>")
        parts.append("</ol>")
    return "".join(parts)


class KpqLinksDialog(QDialog):
    """Choose a key performance question and type the indicators that evidence it."""

    def __init__(self, store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Indicators for a key performance question")
        self.links = kpq_links(store)
        self.question = QComboBox(self)
        self.question.setAccessibleName("Key performance question")
        for ambition in ambitions(store):
            for number, text in enumerate(ambition.questions, 1):
                self.question.addItem(f"A{ambition.number} KPQ{number}: {text}", (ambition.number, number))
        self.codes = QLineEdit(self)
        self.codes.setAccessibleName("Indicators")
        self.codes.setPlaceholderText("NI 151, NI 171")
        self.question.currentIndexChanged.connect(self._show)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Question", self.question)
        form.addRow("&Indicators", self.codes)
        form.addRow(buttons)
        self.resize(720, 140)
        self._show()

    def _show(self, *_args) -> None:
        self.codes.setText(", ".join(self.links.get(self.question.currentData(), ())))

    def chosen(self) -> tuple[int, int, tuple[str, ...]]:
        codes = []
        for part in self.codes.text().replace(";", ",").split(","):
            if part.strip():
                code = try_parse_code(part.strip())
                if code is None:
                    raise VfkError(f'"{part.strip()}" is not an indicator code such as NI 151.')
                codes.append(code)
        return (*self.question.currentData(), tuple(dict.fromkeys(codes)))
