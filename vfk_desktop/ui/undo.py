"""Every edit is an undo command whose text reads well in the Edit menu ("Undo Set NI 163 to High").

`push(session, command)` does the work first, so a refusal (a read-only database, a bad figure)
reaches the user as a message and nothing lands on the stack; Ctrl+Z then makes the opposite edit.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from vfk_desktop.domain.model import Priority
from vfk_desktop.domain.periods import Period
from vfk_desktop.store import edits
from vfk_desktop.store.local_priorities import (
    LocalPriority,
    delete_local_priority,
    local_priorities,
    save_local_priority,
)


class EditCommand(QUndoCommand):
    def __init__(self, session, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._first = True

    def redo(self) -> None:
        if self._first:  # push() has done it already
            self._first = False
            return
        self.forward()

    def undo(self) -> None:
        self.backward()  # each command defines forward() and backward()


def push(session, command: EditCommand) -> None:
    command.forward()
    session.undo_stack.push(command)


class SetPriority(EditCommand):
    def __init__(self, session, code: str, round_: Period, priority: Priority | None) -> None:
        what = priority.value if priority else "not ranked"
        super().__init__(session, f"Set {code} to {what}")
        self.locality, self.code, self.round, self.new = session.locality, code, round_, priority
        self.old = edits.priority_of(session.store, self.locality, code, round_)

    def forward(self) -> None:
        edits.set_priority(self.session.store, self.locality, self.code, self.round, self.new)

    def backward(self) -> None:
        edits.set_priority(self.session.store, self.locality, self.code, self.round, self.old)


class ReplaceRound(EditCommand):
    """Copy one ranking round onto another, as one step."""

    def __init__(self, session, source: Period, target: Period) -> None:
        super().__init__(session, f"Copy the {source.label} ranking to {target.label}")
        self.locality, self.target = session.locality, target
        self.new = edits.ranking_round(session.store, self.locality, source)
        self.old = edits.ranking_round(session.store, self.locality, target)

    def forward(self) -> None:
        edits.replace_round(self.session.store, self.locality, self.target, self.new)

    def backward(self) -> None:
        edits.replace_round(self.session.store, self.locality, self.target, self.old)


class SetCommentary(EditCommand):
    def __init__(self, session, code: str, period: str, text: str | None) -> None:
        super().__init__(session, f"Edit the comment on {code} ({period})")
        self.locality, self.code, self.period, self.new = session.locality, code, period, text
        self.old = edits.commentary_of(session.store, self.locality, code, period)

    def forward(self) -> None:
        edits.set_commentary(self.session.store, self.locality, self.code, self.period, self.new)

    def backward(self) -> None:
        edits.set_commentary(self.session.store, self.locality, self.code, self.period, self.old)


class SetFigure(EditCommand):
    """A value, target or stated best/worst typed by hand."""

    def __init__(self, session, area: str, code: str, period: str, kind: str, text: str | None) -> None:
        super().__init__(session, f"Type the {kind} of {code} for {area}, {period}")
        self.key = (area, code, period, kind)
        self.new = text
        self.old = edits.figure_text(session.store, *self.key)

    def forward(self) -> None:
        edits.set_figure(self.session.store, *self.key, self.new)

    def backward(self) -> None:
        edits.set_figure(self.session.store, *self.key, self.old)


class SaveLocalPriority(EditCommand):
    """Add a local priority (id None) or change one."""

    def __init__(self, session, priority: LocalPriority) -> None:
        verb = "Add" if priority.id is None else "Edit"
        super().__init__(session, f"{verb} the local priority “{priority.title}”")
        self.new = priority
        self.old = next((p for p in local_priorities(session.store, priority.locality)
                         if p.id == priority.id), None) if priority.id is not None else None

    def forward(self) -> None:
        saved = save_local_priority(self.session.store, self.new)
        self.new = replace(self.new, id=saved)

    def backward(self) -> None:
        if self.old is None:
            delete_local_priority(self.session.store, self.new.id)
        else:
            save_local_priority(self.session.store, self.old)


class DeleteLocalPriority(EditCommand):
    def __init__(self, session, priority: LocalPriority) -> None:
        super().__init__(session, f"Delete the local priority “{priority.title}”")
        self.old = priority

    def forward(self) -> None:
        delete_local_priority(self.session.store, self.old.id)

    def backward(self) -> None:
        save_local_priority(self.session.store, self.old)


class MoveLocalPriority(EditCommand):
    """Swap a local priority with its neighbour in the list."""

    def __init__(self, session, first: LocalPriority, second: LocalPriority) -> None:
        super().__init__(session, f"Move “{first.title}”")
        self.first, self.second = first, second

    def forward(self) -> None:
        self._swap(self.first.position, self.second.position)

    def backward(self) -> None:
        self._swap(self.second.position, self.first.position)

    def _swap(self, first_position: int, second_position: int) -> None:
        store = self.session.store
        with store.atomic():
            save_local_priority(store, replace(self.first, position=second_position))
            save_local_priority(store, replace(self.second, position=first_position))
