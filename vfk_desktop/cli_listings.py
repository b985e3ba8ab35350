"""`vfk localities`, `vfk periods` and `vfk indicators`: what the database holds, as text or JSON."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vfk_desktop.store.connection import Store


Opener = Callable[[argparse.Namespace], "Store"]


def cmd_localities(args: argparse.Namespace, _open: Opener) -> int:
    from vfk_desktop import textout
    from vfk_desktop.store.queries import areas_with_aliases

    with _open(args) as store:
        rows = areas_with_aliases(store)
    if args.json:
        print(json.dumps([{"name": name, "kind": kind, "aliases": aliases} for name, kind, aliases in rows],
                         indent=2, ensure_ascii=False))
    else:
        print(textout.localities(rows))
    return 0


def cmd_periods(args: argparse.Namespace, _open: Opener) -> int:
    from vfk_desktop import textout
    from vfk_desktop.domain.reporting import reporting_year_of
    from vfk_desktop.store.queries import value_counts_by_period

    with _open(args) as store:
        held = value_counts_by_period(store)
    rows = [{"period": p.label, "kind": p.kind.value, "reporting_year": reporting_year_of(p).label,
             "values": values, "places": places}
            for p, (values, places) in sorted(held.items(), reverse=True)]
    print(json.dumps(rows, indent=2, ensure_ascii=False) if args.json else textout.periods(rows))
    return 0


def cmd_indicators(args: argparse.Namespace, _open: Opener) -> int:
    from vfk_desktop import textout
    from vfk_desktop.domain.codes import code_sort_key
    from vfk_desktop.store.queries import catalogue, ka2_codes, value_counts_by_indicator

    with _open(args) as store:
        found, ka2 = catalogue(store), set(ka2_codes(store))
        counts = value_counts_by_indicator(store)
    rows = [{"code": i.code, "title": i.title, "theme": i.theme, "unit": i.unit,
             "polarity": i.polarity.contract if i.polarity else None, "ka2": code in ka2,
             "values": counts.get(code, 0)}
            for code, i in sorted(found.items(), key=lambda item: code_sort_key(item[0]))]
    print(json.dumps(rows, indent=2, ensure_ascii=False) if args.json else textout.indicators(rows))
    return 0
