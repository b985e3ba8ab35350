"""Schema migrations: named functions applied in order, each in its own transaction, after a backup.

`PRAGMA user_version` holds how many have been applied, so a file from a newer app (a higher
number) is refused before anything is written. Never edit a released migration: add a new one.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from vfk_desktop import __version__
from vfk_desktop.domain.import_plan import STATISTICS
from vfk_desktop.store.database import Store, translate_errors
from vfk_desktop.store.version import SCHEMA_VERSION

migrations = Migrations("vfk")


@migrations(name="0001_initial")
def initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

        CREATE TABLE areas (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('district', 'county', 'outside')),
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE area_aliases (
            alias TEXT PRIMARY KEY,
            area_id INTEGER NOT NULL REFERENCES areas (id) ON DELETE CASCADE
        );

        CREATE TABLE ambitions (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            summary TEXT NOT NULL
        );
        CREATE TABLE kpqs (
            ambition_id INTEGER NOT NULL REFERENCES ambitions (id),
            number INTEGER NOT NULL,
            question TEXT NOT NULL,
            PRIMARY KEY (ambition_id, number)
        );
        CREATE TABLE themes (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            position INTEGER NOT NULL
        );

        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'import' CHECK (kind IN ('import', 'sample', 'edit')),
            inserted INTEGER NOT NULL DEFAULT 0,
            updated INTEGER NOT NULL DEFAULT 0,
            unchanged INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0,
            rejected INTEGER NOT NULL DEFAULT 0,
            undone_at TEXT,
            note TEXT
        );
        CREATE TABLE import_files (
            import_id INTEGER NOT NULL REFERENCES imports (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            path TEXT,
            size INTEGER,
            sha256 TEXT,
            PRIMARY KEY (import_id, position)
        );

        CREATE TABLE indicators (
            code TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            theme_id INTEGER REFERENCES themes (id),
            unit TEXT,
            polarity TEXT CHECK (polarity IN ('higher', 'lower', 'neither')),
            tolerance REAL CHECK (tolerance IS NULL OR tolerance >= 0),
            ka2 INTEGER NOT NULL DEFAULT 0,
            source TEXT,
            added_by_import INTEGER REFERENCES imports (id)
        );

        CREATE TABLE observations (
            indicator TEXT NOT NULL REFERENCES indicators (code),
            area_id INTEGER NOT NULL REFERENCES areas (id),
            period TEXT NOT NULL,
            -- checks spelled with OR: SQLite evaluates "x IN (list)" so slowly that it doubled
            -- the time to insert 200,000 rows (bench/import_bench.py)
            kind TEXT NOT NULL
                CHECK (kind = 'value' OR kind = 'target' OR kind = 'best' OR kind = 'worst'),
            value REAL,
            text TEXT,
            missing TEXT CHECK (missing IS NULL OR missing = 'not available'
                                OR missing = 'suppressed' OR missing = 'error'),
            import_id INTEGER REFERENCES imports (id),
            file TEXT,
            sheet TEXT,
            cell TEXT,
            PRIMARY KEY (area_id, indicator, period, kind)
        ) WITHOUT ROWID;

        CREATE TABLE rankings (
            area_id INTEGER NOT NULL REFERENCES areas (id),
            indicator TEXT NOT NULL REFERENCES indicators (code),
            round TEXT NOT NULL,
            priority TEXT NOT NULL CHECK (priority IN ('High', 'Medium', 'Low')),
            import_id INTEGER REFERENCES imports (id),
            file TEXT,
            sheet TEXT,
            cell TEXT,
            PRIMARY KEY (area_id, indicator, round)
        );

        CREATE TABLE commentary (
            indicator TEXT NOT NULL REFERENCES indicators (code),
            area_id INTEGER NOT NULL REFERENCES areas (id),
            period TEXT NOT NULL,
            text TEXT NOT NULL,
            import_id INTEGER REFERENCES imports (id),
            file TEXT,
            sheet TEXT,
            cell TEXT,
            PRIMARY KEY (indicator, area_id, period)
        );

        CREATE TABLE change_log (
            id INTEGER PRIMARY KEY,
            import_id INTEGER REFERENCES imports (id),
            at TEXT NOT NULL,
            user TEXT NOT NULL,
            table_name TEXT NOT NULL,
            key TEXT NOT NULL,
            old TEXT,
            new TEXT
        );
        CREATE INDEX change_log_by_import ON change_log (import_id);

        CREATE TABLE local_priorities (
            id INTEGER PRIMARY KEY,
            area_id INTEGER NOT NULL REFERENCES areas (id),
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            description TEXT
        );
        CREATE TABLE local_priority_ambitions (
            priority_id INTEGER NOT NULL REFERENCES local_priorities (id) ON DELETE CASCADE,
            ambition_id INTEGER NOT NULL REFERENCES ambitions (id),
            PRIMARY KEY (priority_id, ambition_id)
        );
        CREATE TABLE local_priority_indicators (
            priority_id INTEGER NOT NULL REFERENCES local_priorities (id) ON DELETE CASCADE,
            indicator TEXT NOT NULL REFERENCES indicators (code),
            PRIMARY KEY (priority_id, indicator)
        );

        CREATE TABLE delivery_plans (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL UNIQUE,
            organisation TEXT,
            sector TEXT NOT NULL,
            primary_ambition INTEGER REFERENCES ambitions (id),
            status TEXT,
            link TEXT
        );
        CREATE TABLE delivery_plan_ambitions (
            plan_id INTEGER NOT NULL REFERENCES delivery_plans (id) ON DELETE CASCADE,
            ambition_id INTEGER NOT NULL REFERENCES ambitions (id),
            PRIMARY KEY (plan_id, ambition_id)
        );
        CREATE TABLE delivery_plan_areas (
            plan_id INTEGER NOT NULL REFERENCES delivery_plans (id) ON DELETE CASCADE,
            area_id INTEGER NOT NULL REFERENCES areas (id),
            PRIMARY KEY (plan_id, area_id)
        );

        CREATE TABLE psb_reds (
            report_date TEXT NOT NULL,
            indicator TEXT NOT NULL REFERENCES indicators (code),
            title TEXT,
            PRIMARY KEY (report_date, indicator)
        );

        CREATE TABLE working_groups (
            code TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        CREATE TABLE working_group_outcomes (
            id INTEGER PRIMARY KEY,
            lead TEXT NOT NULL REFERENCES working_groups (code),
            supporter TEXT REFERENCES working_groups (code),
            outcome TEXT NOT NULL,
            position INTEGER NOT NULL
        );
        """
    )


@migrations(name="0002_import_profiles")
def import_profiles(db: Database) -> None:
    """Header mappings an officer confirmed, reused for files whose headers are the same."""
    db["import_profiles"].create(
        {"headers": str, "name": str, "mapping": str, "created_at": str},
        pk="headers",
        not_null={"mapping", "created_at"},
    )


@migrations(name="0003_public_data")
def public_data(db: Database) -> None:
    """Comparator areas (England, the South East: stored, never ranked) and, beside each figure,
    the count, denominator and 95 % and 99.8 % confidence limits that public data files give.

    SQLite cannot change a CHECK constraint in place, so areas is rebuilt as its documentation
    says (lang_altertable.html, "other kinds of table schema changes"): upgrade() turns foreign
    keys off around the migrations, and the check below proves no reference was broken.
    """
    for statement in (
        """CREATE TABLE areas_new (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('district', 'county', 'comparator', 'outside')),
            position INTEGER NOT NULL DEFAULT 0
        )""",
        "INSERT INTO areas_new (id, name, kind, position) SELECT id, name, kind, position FROM areas",
        "DROP TABLE areas",
        "ALTER TABLE areas_new RENAME TO areas",
        "UPDATE areas SET kind = 'comparator' WHERE name IN ('England', 'South East')",
        *(f"ALTER TABLE observations ADD COLUMN {name} REAL" for name in STATISTICS),
    ):
        db.execute(statement)  # one by one: executescript would commit half-way
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise RuntimeError(f"rebuilding the areas table broke {len(broken)} references")


@migrations(name="0004_statistics")
def statistics(db: Database) -> None:
    """What kind of figure each value is, so intervals can be worked out where none is stated:
    its value type ("proportion", "rate", "count", "ratio", "mean", "other") and multiplier (100 for
    a percentage, 100,000 for a rate per 100,000), in the catalogue and, where a file says so, beside
    the observation; and each indicator's small-number rule for publication (counts from 1 up to
    suppress_up_to are withheld; NULL: the default, 7; 0: none). Columns only are added: every
    figure stays as it was."""
    for table in ("indicators", "observations"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN value_type TEXT")
        db.execute(f"ALTER TABLE {table} ADD COLUMN multiplier REAL")
    db.execute("ALTER TABLE indicators ADD COLUMN suppress_up_to INTEGER "
               "CHECK (suppress_up_to IS NULL OR suppress_up_to >= 0)")
@migrations(name="0005_accountability")
def accountability(db: Database) -> None:
    """Who answers for each indicator and what they are doing about it: leads, actions with their
    progress notes, which target the status follows, quarterly target profiles, and the links
    between the Vision's key performance questions and the indicators that evidence them."""
    for statement in (
        """CREATE TABLE leads (
            indicator TEXT NOT NULL REFERENCES indicators (code),
            area_id INTEGER NOT NULL REFERENCES areas (id),
            officer TEXT, partner TEXT, working_group TEXT REFERENCES working_groups (code),
            import_id INTEGER REFERENCES imports (id), file TEXT, sheet TEXT, cell TEXT,
            PRIMARY KEY (indicator, area_id))""",
        """CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            area_id INTEGER NOT NULL REFERENCES areas (id),
            title TEXT NOT NULL, owner TEXT NOT NULL, due TEXT,
            status TEXT NOT NULL CHECK (status IN ('not started', 'on track', 'at risk', 'done')),
            local_priority_id INTEGER REFERENCES local_priorities (id) ON DELETE SET NULL,
            delivery_plan_id INTEGER REFERENCES delivery_plans (id) ON DELETE SET NULL,
            created_at TEXT NOT NULL, created_by TEXT NOT NULL)""",
        """CREATE TABLE action_indicators (
            action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
            indicator TEXT NOT NULL REFERENCES indicators (code),
            PRIMARY KEY (action_id, indicator))""",
        """CREATE TABLE action_notes (
            id INTEGER PRIMARY KEY,
            action_id INTEGER NOT NULL REFERENCES actions (id) ON DELETE CASCADE,
            at TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL)""",
        """CREATE TABLE target_choices (
            indicator TEXT NOT NULL REFERENCES indicators (code),
            area_id INTEGER NOT NULL REFERENCES areas (id),
            follows TEXT NOT NULL CHECK (follows IN ('kent', 'local')),
            import_id INTEGER REFERENCES imports (id), file TEXT, sheet TEXT, cell TEXT,
            PRIMARY KEY (indicator, area_id))""",
        """CREATE TABLE target_profiles (
            indicator TEXT NOT NULL REFERENCES indicators (code),
            area_id INTEGER NOT NULL REFERENCES areas (id),
            year TEXT NOT NULL,
            method TEXT NOT NULL CHECK (method IN ('equal', 'cumulative', 'typed')),
            q1 REAL, q2 REAL, q3 REAL, q4 REAL,
            import_id INTEGER REFERENCES imports (id), file TEXT, sheet TEXT, cell TEXT,
            PRIMARY KEY (indicator, area_id, year))""",
        """CREATE TABLE kpq_indicators (
            ambition_id INTEGER NOT NULL, number INTEGER NOT NULL,
            indicator TEXT NOT NULL REFERENCES indicators (code),
            PRIMARY KEY (ambition_id, number, indicator),
            FOREIGN KEY (ambition_id, number) REFERENCES kpqs (ambition_id, number))""",
    ):
        db.execute(statement)


@migrations(name="0006_state_mark")
def state_mark(db: Database) -> None:
    """From here every committed write gives the file a new random state mark (meta "state", set by
    Store.atomic), so an answer kept for one state of the file is never shown for another
    (store/answers.py). The version moves so that an older vfk_desktop, which would write without
    moving the mark, no longer opens the file."""
    import os

    db.execute("INSERT INTO meta (key, value) VALUES ('state', ?) "
               "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [os.urandom(16).hex()])


def upgrade(store: Store, found: int, stop_before: str | None = None) -> None:
    """Apply every pending migration, after a backup copy when the file already held data."""
    if found > 0:
        from vfk_desktop.store.backups import make_backup

        make_backup(store, reason=f"before upgrading from database version {found}")
    with translate_errors(store.path):
        store.conn.execute("PRAGMA foreign_keys = OFF")  # 0003 rebuilds a table others refer to
        try:
            migrations.apply(store.db, stop_before=stop_before)
        finally:
            store.conn.execute("PRAGMA foreign_keys = ON")
        applied = len(migrations.applied(store.db))
        with store.atomic():
            store.conn.execute(f"PRAGMA user_version = {applied}")
            store.set_meta("app_version", __version__)


if len(migrations._migrations) != SCHEMA_VERSION:
    raise RuntimeError("store/version.py must equal the number of migrations; bump it with each one")
