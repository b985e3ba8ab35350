"""Locality names matched forgivingly: case, spaces, "&"/"and", "BC", "Borough Council", former names.

The names and aliases themselves are reference data (resources/localities.csv, kept in the store);
this module only knows how to compare them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from vfk_desktop.domain.errors import UnknownLocality, VfkError

DISTRICT_COUNT = 12
KENT = "Kent"

_SUFFIXES = (
    "borough council", "district council", "city council", "county council", "council",
    "borough", "district", "bc", "dc", "cc", "lsp", "la",
)


def normalise_name(text: object) -> str:
    """A key for comparing names: "TUNBRIDGE WELLS BC" and "Tunbridge  Wells" both give "tunbridge wells"."""
    name = str(text or "").lower().replace("&", " and ").replace("+", " and ")
    name = re.sub(r"[.,'’()\[\]\"*]", " ", name)
    name = re.sub(r"[\-_/]", " ", name)
    name = " ".join(name.split())
    if name.startswith("the "):
        name = name[4:]
    changed = True
    while changed:
        changed = False
        for suffix in _SUFFIXES:
            if name.endswith(" " + suffix):
                name = name[: -len(suffix) - 1].rstrip()
                changed = True
    return name


@dataclass(frozen=True)
class Area:
    """A place partners' files may name, and which kind of place it is for Kent's comparisons."""

    name: str
    # "district", "county", "comparator" (England, South East: kept to compare with, never ranked)
    # or "outside" (Medway, other areas: not part of Kent's 12, skipped)
    kind: str


class LocalityMatcher:
    """Resolves the spellings partners use to the 12 districts, Kent, or an area outside Kent."""

    def __init__(self, areas: Iterable[tuple[Area, Iterable[str]]]) -> None:
        self._by_key: dict[str, Area] = {}
        for area, aliases in areas:
            for spelling in (area.name, *aliases):
                key = normalise_name(spelling)
                if key:
                    self._by_key[key] = area
        self.districts = sorted(
            {a.name for a in self._by_key.values() if a.kind == "district"}
        )

    def spellings(self) -> list[tuple[str, Area]]:
        """Every normalised spelling with its area."""
        return list(self._by_key.items())

    def match(self, name: object) -> Area | None:
        return self._by_key.get(normalise_name(name))

    def suggest(self, name: object) -> str | None:
        """The closest district or Kent name, for "did you mean …?"."""
        import difflib  # only for suggestions: kept off start-up

        key = normalise_name(name)
        if not key:
            return None
        candidates = {k: a.name for k, a in self._by_key.items() if a.kind in ("district", "county")}
        close = difflib.get_close_matches(key, candidates, n=1, cutoff=0.6)
        if close:
            return candidates[close[0]]
        starts = sorted({a for k, a in candidates.items() if k.startswith(key) or key in k})
        return starts[0] if len(starts) == 1 else None

    def district(self, name: object) -> str:
        """The district's canonical name; UnknownLocality (with a suggestion) otherwise."""
        area = self.match(name)
        if area is not None and area.kind == "district":
            return area.name
        if area is not None and area.kind == "county":
            raise VfkError(
                f'"{name}" is the county as a whole; choose one of the 12 districts '
                f"({', '.join(self.districts)})."
            )
        if area is not None:
            raise VfkError(f'"{name}" is outside Kent; choose one of the 12 Kent districts.')
        started = self.starting_with(name)
        if len(started) == 1:  # "Tunbridge" is Tunbridge Wells, "sevenoaks dc" Sevenoaks
            return started[0]
        raise UnknownLocality(str(name), self.suggest(name))

    def starting_with(self, name: object) -> list[str]:
        """The districts whose name or a spelling of it starts with name, word by word."""
        key = normalise_name(name)
        if len(key) < 3:  # "T" could be Thanet, Tonbridge or Tunbridge
            return []
        return sorted({a.name for k, a in self._by_key.items()
                       if a.kind == "district" and (k == key or k.startswith(key + " "))})
