"""Loading the reference data in resources/ into a database (what `vfk init` does every time)."""

from __future__ import annotations

import csv
from pathlib import Path

from vfk_desktop.domain.codes import parse_code
from vfk_desktop.domain.model import Polarity
from vfk_desktop.paths import resources_dir
from vfk_desktop.store.connection import Store


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return [
            {key: (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(handle)
        ]


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def load_reference(store: Store, folder: Path | None = None) -> None:
    """Insert or refresh every reference table from folder (default: the bundled resources)."""
    folder = folder or resources_dir()
    with store.atomic():
        _load_areas(store, read_csv(folder / "localities.csv"))
        db = store.db
        db["themes"].upsert_all(
            ({"id": int(r["id"]), "name": r["name"], "position": int(r["id"])}
             for r in read_csv(folder / "themes.csv")),
            pk="id",
        )
        db["ambitions"].upsert_all(
            ({"id": int(r["id"]), "title": r["title"], "summary": r["summary"]}
             for r in read_csv(folder / "ambitions.csv")),
            pk="id",
        )
        db["kpqs"].upsert_all(
            ({"ambition_id": int(r["ambition"]), "number": int(r["number"]),
              "question": r["question"]} for r in read_csv(folder / "kpqs.csv")),
            pk=("ambition_id", "number"),
        )
        _load_indicators(store, read_csv(folder / "indicators.csv"))
        if (folder / "value_types.csv").exists():
            _load_value_types(store, read_csv(folder / "value_types.csv"))
        _load_delivery_plans(store, read_csv(folder / "delivery_plans.csv"))
        store.conn.execute("DELETE FROM psb_reds")
        db["psb_reds"].insert_all(
            {"report_date": r["report_date"], "indicator": parse_code(r["code"]),
             "title": r["title"]} for r in read_csv(folder / "psb_reds.csv")
        )
        _load_working_groups(store, folder)
        _load_kpq_links(store, folder / "kpq_indicators.csv")


def _load_areas(store: Store, rows: list[dict[str, str]]) -> None:
    conn = store.conn
    for position, row in enumerate(rows, 1):
        conn.execute(
            "INSERT INTO areas (name, kind, position) VALUES (?, ?, ?) ON CONFLICT (name) "
            "DO UPDATE SET kind = excluded.kind, position = excluded.position",
            (row["name"], row["kind"], position),
        )
    conn.execute("DELETE FROM area_aliases")
    ids = dict(conn.execute("SELECT name, id FROM areas"))
    conn.executemany(
        "INSERT OR REPLACE INTO area_aliases (alias, area_id) VALUES (?, ?)",
        [(alias, ids[row["name"]]) for row in rows for alias in _split(row["aliases"])],
    )


def _load_indicators(store: Store, rows: list[dict[str, str]]) -> None:
    themes = dict(store.conn.execute("SELECT name, id FROM themes"))
    for row in rows:
        polarity = Polarity.parse(row["polarity"]) if row["polarity"] else None
        record = {
            "code": parse_code(row["code"]),
            "title": row["title"],
            "theme_id": themes.get(row["theme"]),
            "unit": row["unit"] or None,
            "polarity": polarity.value if polarity else None,
            "ka2": int(row["ka2"] or 0),
            "source": row["source"] or None,
        }
        if row["tolerance"]:
            record["tolerance"] = float(row["tolerance"])
        store.db["indicators"].upsert(record, pk="code")


def _load_value_types(store: Store, rows: list[dict[str, str]]) -> None:
    """What kind of figure each National Indicator is, its multiplier where known, and its
    small-number rule for publication where it is not the default."""
    store.conn.executemany(
        "UPDATE indicators SET value_type = ?, multiplier = ?, suppress_up_to = ? WHERE code = ?",
        [(row["value_type"] or None, float(row["multiplier"]) if row["multiplier"] else None,
          int(row["suppress_up_to"]) if row.get("suppress_up_to") else None, parse_code(row["code"]))
         for row in rows])


def _load_delivery_plans(store: Store, rows: list[dict[str, str]]) -> None:
    conn = store.conn
    conn.execute("DELETE FROM delivery_plan_ambitions")
    conn.execute("DELETE FROM delivery_plan_areas")
    conn.execute("DELETE FROM delivery_plans")
    areas = dict(conn.execute("SELECT name, id FROM areas"))
    for row in rows:
        cursor = conn.execute(
            "INSERT INTO delivery_plans (title, organisation, sector, primary_ambition, status, link) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (row["title"], row["organisation"] or None, row["sector"],
             int(row["primary_ambition"]) if row["primary_ambition"] else None,
             row["status"] or None, row["link"] or None),
        )
        plan_id = cursor.lastrowid
        served = {int(a) for a in _split(row["also_ambitions"])}
        if row["primary_ambition"]:
            served.add(int(row["primary_ambition"]))
        conn.executemany(
            "INSERT INTO delivery_plan_ambitions (plan_id, ambition_id) VALUES (?, ?)",
            [(plan_id, ambition) for ambition in sorted(served)],
        )
        conn.executemany(
            "INSERT INTO delivery_plan_areas (plan_id, area_id) VALUES (?, ?)",
            [(plan_id, areas[name]) for name in _split(row["localities"])],
        )


def _load_working_groups(store: Store, folder: Path) -> None:
    conn = store.conn
    conn.execute("DELETE FROM working_group_outcomes")
    for position, row in enumerate(read_csv(folder / "working_groups.csv"), 1):
        conn.execute(
            "INSERT INTO working_groups (code, name, position) VALUES (?, ?, ?) ON CONFLICT (code) "
            "DO UPDATE SET name = excluded.name, position = excluded.position",
            (row["code"], row["name"], position),
        )
    conn.executemany(
        "INSERT INTO working_group_outcomes (lead, supporter, outcome, position) VALUES (?, ?, ?, ?)",
        [
            (row["lead"], row["supporter"] or None, row["outcome"], position)
            for position, row in enumerate(read_csv(folder / "working_group_outcomes.csv"), 1)
        ],
    )


def _load_kpq_links(store: Store, path: Path) -> None:
    """The Annex 1 starting set of indicators for each key performance question; once only, so an
    officer's own links are never overwritten."""
    if not path.exists() or store.conn.execute("SELECT 1 FROM kpq_indicators LIMIT 1").fetchone():
        return
    known = {code for (code,) in store.conn.execute("SELECT code FROM indicators")}
    store.conn.executemany(
        "INSERT OR IGNORE INTO kpq_indicators (ambition_id, number, indicator) VALUES (?, ?, ?)",
        [(int(r["ambition"]), int(r["number"]), code) for r in read_csv(path)
         for code in (parse_code(c) for c in r["indicators"].split(";") if c.strip()) if code in known])
