"""What a publish or a pull did (or, with --dry-run, would do): said before anything is written."""

from __future__ import annotations

from dataclasses import dataclass, field

from vfk_desktop.domain.model import format_number

_NAMES = {"indicators": ("catalogue entry", "catalogue entries"), "figures": ("figure", "figures"),
          "rankings": ("priority", "priorities"), "commentary": ("comment", "comments"),
          "local_priorities": ("local priority", "local priorities"),
          "actions": ("action", "actions"),
          "local_work": ("local priorities and actions of", "local priorities and actions of")}


@dataclass
class Conflict:
    """A row changed both here and on the county store since the last sync: shown, not overwritten."""

    table: str
    key: tuple
    here: str
    county: str

    def sentence(self) -> str:
        return (f"{_NAMES[self.table][0]} {' / '.join(str(part) for part in self.key)}: "
                f"{self.here} here, {self.county} on the county store")

    def to_json(self) -> dict[str, object]:
        return {"table": self.table, "key": list(self.key), "here": self.here, "county": self.county}


@dataclass
class SyncReport:
    """What a publish or a pull did, or with a dry run would do: counts by table, conflicts and notes."""

    action: str  # "publish" or "pull"
    place: str  # who publishes, or the district pulling (None: a reader pulling everything)
    where: str
    dry_run: bool = False
    counts: dict[str, list[int]] = field(default_factory=dict)  # table -> [new, updated, unchanged]
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    import_id: int | None = None  # the local import a pull wrote (undo takes it back)

    def count(self, table: str, which: int) -> None:
        self.counts.setdefault(table, [0, 0, 0])[which] += 1

    @property
    def changed(self) -> int:
        return sum(new + updated for new, updated, _ in self.counts.values())

    def summary(self) -> str:
        verb = {("publish", True): "Would publish", ("publish", False): "Published",
                ("pull", True): "Would pull", ("pull", False): "Pulled"}[(self.action, self.dry_run)]
        direction = "to" if self.action == "publish" else "from"
        parts = []
        for table, (new, updated, unchanged) in self.counts.items():
            if new or updated or unchanged:
                single, plural = _NAMES[table]
                total = new + updated
                parts.append(f"{format_number(total)} {single if total == 1 else plural} "
                             f"({format_number(new)} new, {format_number(updated)} updated, "
                             f"{format_number(unchanged)} unchanged)")
        what = "; ".join(parts) if parts else "nothing"
        if self.changed == 0 and parts:
            what = "nothing new; " + what
        text = f"{verb} {what} {direction} the county store at {self.where}"
        text += f" for {self.place}." if self.action == "publish" and self.place else "."
        if self.conflicts:
            text += (f" {len(self.conflicts)} changed both here and on the county store since the "
                     f"last sync, left as they are: " + "; ".join(
                         c.sentence() for c in self.conflicts[:5])
                     + ("; …" if len(self.conflicts) > 5 else "") + ".")
        if self.import_id is not None:
            text += f" Recorded as import {self.import_id} (`vfk undo {self.import_id}` takes it back)."
        return " ".join([text, *self.notes])

    def to_json(self) -> dict[str, object]:
        return {
            "action": self.action, "place": self.place, "county_store": self.where,
            "dry_run": self.dry_run, "import_id": self.import_id,
            "tables": {table: {"new": new, "updated": updated, "unchanged": unchanged}
                       for table, (new, updated, unchanged) in self.counts.items()},
            "new": sum(c[0] for c in self.counts.values()),
            "updated": sum(c[1] for c in self.counts.values()),
            "unchanged": sum(c[2] for c in self.counts.values()),
            "conflicts": [c.to_json() for c in self.conflicts],
            "notes": self.notes,
        }
