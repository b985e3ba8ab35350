"""This database's sync high-water marks for each county store, kept in its meta table.

published: the county store's highest revision of our own rows after our last publish (a row
revised above it was changed there by someone else since). pulled: the highest revision a pull
brought. local: the newest local import or edit when we last pulled (a row written by a later one
is local work a pull must not overwrite). pulled_at: when the county picture was last pulled.
areas: the fingerprint of each other district's local priorities and actions as the last pull left
them (a copy that no longer matches was changed here).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from vfk_desktop.county.connection import without_password

if TYPE_CHECKING:
    from vfk_desktop.store.connection import Store

KEY = "county_sync"


@dataclass
class Marks:
    """This database's high-water marks for one county store: what it last published and pulled, and when."""

    published: int | None = None
    published_at: str | None = None
    pulled: int = 0
    pulled_at: str | None = None
    local: int = 0
    # district -> fingerprint of its local priorities and actions as the last pull left them here
    areas: dict[str, str] = field(default_factory=dict)


def _all(store: Store) -> dict[str, dict]:
    text = store.meta(KEY)
    try:
        found = json.loads(text) if text else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def marks(store: Store, url: str) -> Marks:
    saved = _all(store).get(without_password(url), {})
    known = set(Marks.__dataclass_fields__)
    return Marks(**{name: value for name, value in saved.items() if name in known})


def save_marks(store: Store, url: str, new: Marks) -> None:
    """Call inside the store's transaction."""
    every = _all(store)
    every[without_password(url)] = asdict(new)
    store.set_meta(KEY, json.dumps(every, sort_keys=True))


def last_pulled(store: Store) -> str | None:
    """When any county store was last pulled into this database (ISO time), for the status bar."""
    times = [str(saved["pulled_at"]) for saved in _all(store).values()
             if isinstance(saved, dict) and saved.get("pulled_at")]
    return max(times) if times else None
