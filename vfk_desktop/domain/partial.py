"""A partial import: the rows of a plan that pass, when the officer chose to leave the refused out.

A row with any refusal is left out whole (all its figures, its priority and its comment), so what is
written never mixes a row's good cells with its bad ones; where two rows give one place and period
two different figures, neither is written.
"""

from __future__ import annotations

from dataclasses import replace

from vfk_desktop.domain.import_plan import ImportPlan, PlanKey, Problem, RowCopy


def refused_rows(plan: ImportPlan) -> set[tuple[str, str | None, int | None]]:
    return {(p.file, p.sheet, p.row) for p in plan.rejected}


def left_out_count(plan: ImportPlan) -> int:
    """How many rows of the files are refused (a row with two problems is one row)."""
    return len(refused_rows(plan))


def passing_plan(plan: ImportPlan) -> ImportPlan:
    """The plan without its refused rows (and without the rejections): what a partial import writes."""
    refused = refused_rows(plan)
    whole_sheets = {(file, sheet) for file, sheet, row in refused if row is None}

    def passes(key: PlanKey, file: str, sheet: str | None, row: int) -> bool:
        return (file, sheet, row) not in refused and (file, sheet) not in whole_sheets \
            and (file, None) not in whole_sheets and key not in plan.conflicts

    good = replace(
        plan,
        figures={k: f for k, f in plan.figures.items() if passes(k, f.file, f.sheet, f.row)},
        rankings={k: r for k, r in plan.rankings.items()
                  if passes(k, r.origin.file, r.origin.sheet, r.origin.row)},
        commentary={k: m for k, m in plan.commentary.items()
                    if passes(k, m.origin.file, m.origin.sheet, m.origin.row)},
        rejected=[],
    )
    used = set(good.indicators_used())
    good.new_indicators = {code: n for code, n in plan.new_indicators.items() if code in used}
    return good


def refused_with_copies(plan: ImportPlan) -> list[tuple[Problem, RowCopy | None]]:
    """Each refusal with the row it refused, as the file gave it (None for a whole sheet)."""
    return [(p, plan.row_copies.get((p.file, p.sheet, p.row)) if p.row else None)
            for p in plan.sorted_rejections()]
