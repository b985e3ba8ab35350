"""Undo commands for who answers for an indicator: actions, leads, which target the status follows,
target profiles and the indicators that evidence a key performance question."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from vfk_desktop.domain.actions import Action, ActionStatus
from vfk_desktop.store import accountability as acc
from vfk_desktop.store.actions import action, delete_action, save_action, update_action
from vfk_desktop.ui.undo import EditCommand


class SaveAction(EditCommand):
    """Add an action (id None) or change one."""

    def __init__(self, session, new: Action) -> None:
        super().__init__(session, f"{'Add' if new.id is None else 'Edit'} the action “{new.title}”")
        self.new = new
        self.old = action(session.store, new.id) if new.id is not None else None

    def forward(self) -> None:
        self.new = replace(self.new, id=save_action(self.session.store, self.new))

    def backward(self) -> None:
        if self.old is None:
            delete_action(self.session.store, self.new.id)
        else:
            save_action(self.session.store, self.old)


class DeleteAction(EditCommand):
    def __init__(self, session, old: Action) -> None:
        super().__init__(session, f"Delete the action “{old.title}”")
        self.old = old

    def forward(self) -> None:
        delete_action(self.session.store, self.old.id)

    def backward(self) -> None:
        save_action(self.session.store, self.old)


class UpdateAction(EditCommand):
    """A new status or due date, or a progress note: the action as it was comes back on undo."""

    def __init__(self, session, action_id: int, status: ActionStatus | None = None,
                 note: str | None = None, due: dt.date | None = None) -> None:
        self.old = action(session.store, action_id)
        what = "Add a note to" if note else "Update"
        super().__init__(session, f"{what} the action “{self.old.title}”")
        self.change = {"status": status, "note": note, "due": due}
        self.done: Action | None = None

    def forward(self) -> None:
        if self.done is None:
            self.done = update_action(self.session.store, self.old.id, **self.change)
        else:  # redo: the same note, with its first time and author
            save_action(self.session.store, self.done)

    def backward(self) -> None:
        save_action(self.session.store, self.old)


class SetLead(EditCommand):
    def __init__(self, session, code: str, lead: acc.Lead | None) -> None:
        super().__init__(session, f"Set the leads of {code}")
        self.locality, self.code, self.new = session.locality, code, lead
        self.old = acc.lead_of(session.store, self.locality, code)

    def forward(self) -> None:
        acc.set_lead(self.session.store, self.locality, self.code, self.new)

    def backward(self) -> None:
        acc.set_lead(self.session.store, self.locality, self.code, self.old)


class SetTargetChoice(EditCommand):
    def __init__(self, session, code: str, follows: str) -> None:
        super().__init__(session, f"Make {code} follow the {follows} target")
        self.locality, self.code, self.new = session.locality, code, follows
        self.old = acc.target_choice(session.store, self.locality, code)

    def forward(self) -> None:
        acc.set_target_choice(self.session.store, self.locality, self.code, self.new)

    def backward(self) -> None:
        acc.set_target_choice(self.session.store, self.locality, self.code, self.old)


class SetProfile(EditCommand):
    def __init__(self, session, code: str, year: str, profile: acc.StoredProfile | None) -> None:
        super().__init__(session, f"Profile the {year} target of {code}")
        self.locality, self.code, self.year, self.new = session.locality, code, year, profile
        self.old = acc.profile_of(session.store, self.locality, code, year)

    def forward(self) -> None:
        acc.set_profile(self.session.store, self.locality, self.code, self.year, self.new)

    def backward(self) -> None:
        acc.set_profile(self.session.store, self.locality, self.code, self.year, self.old)


class SetKpqIndicators(EditCommand):
    def __init__(self, session, ambition: int, number: int, codes: tuple[str, ...]) -> None:
        super().__init__(session, f"Link indicators to KPQ{number} of Ambition {ambition}")
        self.key, self.new = (ambition, number), codes
        self.old = acc.kpq_links(session.store).get(self.key, ())

    def forward(self) -> None:
        acc.set_kpq_indicators(self.session.store, *self.key, self.new)

    def backward(self) -> None:
        acc.set_kpq_indicators(self.session.store, *self.key, self.old)
