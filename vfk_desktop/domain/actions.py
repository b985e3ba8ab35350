"""Actions a district takes on its indicators: who, by when, how it is going, and which reds have none.

An action's status is what its owner says (not started, on track, at risk, done); "overdue" is never
typed but worked out here from the due date, so the Actions page, `vfk actions` and the pack agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from vfk_desktop.domain.codes import parent_code
from vfk_desktop.domain.errors import VfkError
from vfk_desktop.domain.model import Priority, Status

if TYPE_CHECKING:
    from vfk_desktop.domain.fare import FareRow

OVERDUE = "overdue"


class ActionStatus(Enum):
    NOT_STARTED = "not started"
    ON_TRACK = "on track"
    AT_RISK = "at risk"
    DONE = "done"

    @classmethod
    def parse(cls, text: str) -> ActionStatus:
        wanted = " ".join(text.replace("_", " ").replace("-", " ").split()).lower()
        for status in cls:
            if status.value == wanted:
                return status
        raise VfkError(f'"{text}" is not an action status: use {", ".join(s.value for s in cls)}.')


@dataclass(frozen=True)
class Note:
    """One progress note, as its author typed it."""

    at: str  # ISO date and time
    author: str
    text: str

    def to_json(self) -> dict[str, str]:
        return {"at": self.at, "author": self.author, "text": self.text}


@dataclass(frozen=True)
class Action:
    """One action a district takes on its indicators: what, whose, due when, how it goes, and its notes."""

    id: int | None
    locality: str
    title: str
    owner: str
    due: dt.date | None
    status: ActionStatus = ActionStatus.NOT_STARTED
    indicators: tuple[str, ...] = ()
    notes: tuple[Note, ...] = field(default_factory=tuple)
    local_priority: int | None = None
    delivery_plan: int | None = None

    def shown_status(self, today: dt.date | None = None) -> str:
        """The owner's status, or "overdue" once the due date has passed and it is not done."""
        today = today or dt.date.today()
        if self.status is not ActionStatus.DONE and self.due is not None and self.due < today:
            return OVERDUE
        return self.status.value

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.shown_status(today) == OVERDUE

    def latest_note(self) -> Note | None:
        return self.notes[-1] if self.notes else None

    def to_json(self, today: dt.date | None = None) -> dict[str, object]:
        """The row as `vfk actions --json` gives it."""
        return {"id": self.id, "title": self.title, "owner": self.owner,
                "due": self.due.isoformat() if self.due else None,
                "status": self.shown_status(today), "indicators": list(self.indicators),
                "notes": [note.to_json() for note in self.notes]}


def parse_due(text: str) -> dt.date:
    """A due date as YYYY-MM-DD, refused in a sentence otherwise."""
    try:
        return dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise VfkError(f'"{text}" is not a due date: write it as YYYY-MM-DD, such as 2010-03-31.') from None


def check_action(action: Action) -> None:
    """Refuse an action that lacks what the Board will ask for."""
    if not action.title.strip():
        raise VfkError("An action needs a title.")
    if not action.owner.strip():
        raise VfkError(f"The action “{action.title}” needs an owner.")
    if not action.indicators:
        raise VfkError(f"The action “{action.title}” must be linked to at least one indicator.")


def covered_codes(actions: Iterable[Action]) -> set[str]:
    """Indicators that have an action still open (done ones no longer answer for a red)."""
    return {code for action in actions if action.status is not ActionStatus.DONE
            for code in action.indicators}


def unanswered_reds(rows: Iterable[FareRow], actions: Iterable[Action]) -> list[str]:
    """Codes of High priorities worse than target with no open action: what the Board will ask about.

    rows are fare rows (anything with code, priority and vs_target); a sub-indicator ("NI 120f") is
    answered by an action on its parent too.
    """
    covered = covered_codes(actions)
    return [row.code for row in rows
            if row.priority is Priority.HIGH and row.vs_target is Status.WORSE
            and row.code not in covered and (parent_code(row.code) or "") not in covered]
