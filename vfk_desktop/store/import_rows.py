"""Row by row, what an import does with each cell it read: new, updated, unchanged, skipped, refused.

`vfk import --dry-run --json` lists these as "rows"; the window's report shows the same actions.
Figures are plain numbers where the cell held one, else the text as given; null where there is none.
"""

from __future__ import annotations

from vfk_desktop.domain.import_plan import ImportPlan, Problem
from vfk_desktop.store.import_result import ImportResult

ACTIONS = {"insert": "new", "update": "updated", "unchanged": "unchanged", "blank": "skipped"}


def _figure(value: object, text: object) -> object:
    if value is not None:
        number = float(value)
        return int(number) if number.is_integer() else number
    return text if text not in (None, "") else None


def import_rows(plan: ImportPlan, result: ImportResult) -> list[dict[str, object]]:
    """One entry per cell read (apply_plan must have run with detailed=True)."""
    refused = {(p.file, p.sheet, p.row) for p in result.rejected}
    rows: list[dict[str, object]] = []

    def add(table: str, key: tuple, file: str, sheet: str | None, row: int, cell: str, place: str,
            code: str, period: str, new: object, old_of) -> None:
        found = result.actions.get((table, key))
        if found is None:  # a cell of a refused row: the refusal below speaks for it
            if (file, sheet, row) in refused or key in plan.conflicts:
                return
            found = ("insert", None)
        action, old = found
        reason = "blank" if action == "blank" else None
        rows.append({"action": ACTIONS[action], "file": file, "sheet": sheet, "cell": cell,
                     "locality": place, "code": code, "period": period,
                     "old": old_of(old) if old else None, "new": None if reason else new,
                     "reason": reason})

    for key, f in plan.figures.items():
        add("observations", key, f.file, f.sheet, f.row, f.cell, f.area, f.indicator, f.period,
            _figure(f.value, f.text), lambda old: _figure(old["value"], old["text"]))
    for key, r in plan.rankings.items():
        o = r.origin
        add("rankings", key, o.file, o.sheet, o.row, o.cell, r.area, r.indicator, r.round,
            r.priority, lambda old: old["priority"])
    for key, m in plan.commentary.items():
        o = m.origin
        add("commentary", key, o.file, o.sheet, o.row, o.cell, m.area, m.indicator, m.period,
            m.text, lambda old: old["text"])
    for action, problems in (("skipped", result.skipped), ("refused", result.rejected)):
        rows += [_problem(action, p, plan) for p in problems]
    return rows


def _problem(action: str, problem: Problem, plan: ImportPlan) -> dict[str, object]:
    copy = plan.row_copies.get((problem.file, problem.sheet, problem.row)) if problem.row else None
    given = copy.given(problem.cell) if copy else None
    return {"action": action, "file": problem.file, "sheet": problem.sheet, "cell": problem.cell,
            "locality": copy.locality if copy else None, "code": copy.code if copy else None,
            "period": copy.period if copy else None, "old": None,
            "new": _figure(given, None) if isinstance(given, (int, float)) and not isinstance(
                given, bool) else (str(given) if given not in (None, "") else None),
            "reason": problem.reason}
