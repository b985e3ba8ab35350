"""What an import did or would do: counts by kind, the rows refused, skipped or left out."""

from __future__ import annotations

from dataclasses import dataclass, field

from vfk_desktop.domain.import_plan import Problem


@dataclass
class ImportResult:
    """What an import did, or would do: rows inserted, updated, unchanged, skipped and refused."""

    import_id: int | None
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Problem] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    changes: list[dict[str, object]] = field(default_factory=list)  # updated rows: key, old, new
    dry_run: bool = False
    # with detailed=True: (table, the plan's key) -> ("insert" | "update" | "unchanged" | "blank",
    # old row)
    actions: dict[tuple[str, tuple], tuple[str, dict | None]] = field(default_factory=dict)
    blank: int = 0  # blank figure cells: no figure given (a stored figure is never replaced by one)
    by_table: dict[str, list[int]] = field(default_factory=dict)  # table -> [inserted, updated]
    partial: bool = False  # the good rows were written and the refused ones left out
    left_out: int = 0  # refused rows left out of a partial import

    @property
    def ok(self) -> bool:
        return not self.rejected or self.partial

    @property
    def skipped_count(self) -> int:
        return len(self.skipped) + self.blank

    def to_json(self) -> dict[str, object]:
        found = {
            "import_id": self.import_id,
            "inserted": self.inserted,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped_count,
            "rejected": [problem.to_json() for problem in self.rejected],
        }
        if self.partial:
            found["left_out"] = self.left_out
        return found

    def counts(self) -> str:
        """"3 figures (2 new, 1 updated), 1 comment (new), 4 unchanged, 2 skipped"."""
        parts = []
        for table, one, many in (("observations", "figure", "figures"), ("commentary", "comment",
                                 "comments"), ("rankings", "priority", "priorities")):
            new, updated = self.by_table.get(table, (0, 0))
            if new or updated:
                both = [f"{new:,} new" if new else "", f"{updated:,} updated" if updated else ""]
                parts.append(f"{new + updated:,} {one if new + updated == 1 else many} "
                             f"({', '.join(b for b in both if b)})")
        parts.append(f"{self.unchanged:,} unchanged")
        blank = f" ({self.blank:,} blank)" if self.blank else ""
        parts.append(f"{self.skipped_count:,} skipped{blank}")
        return ", ".join(parts)

    def summary(self) -> str:
        if self.rejected and not self.partial:
            first, count = self.rejected[0].sentence(), len(self.rejected)
            if count == 1:
                return f"Nothing was imported. {first}"
            return f"Nothing was imported: {count} problems to fix, the first: {first}"
        left = ""
        if self.partial:
            rows = "row was" if self.left_out == 1 else "rows were"
            left = f" {self.left_out:,} refused {rows} left out."
            if self.dry_run:
                left = f" {self.left_out:,} refused {rows.split()[0]} would be left out."
        if not (self.inserted or self.updated):
            head = "Nothing to change: every figure is already in the database"
            return f"{head} ({self.unchanged} unchanged).{left}"
        verb = "Would import" if self.dry_run else "Imported"
        tail = f" as import {self.import_id}" if self.import_id and not self.dry_run else ""
        return f"{verb}{tail}: {self.counts()}.{left}"
