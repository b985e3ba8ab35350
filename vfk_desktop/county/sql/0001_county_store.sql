-- The county store, version 1: what each of Kent's 12 districts and the county publish, readable by
-- every vfk role, writable by each role for its own rows only (row-level security).
-- Run once per database by the county's IT (installer/county_store/create_county_store.sh) as the
-- database's owner; vfk_desktop checks vfk.schema_version and never changes the schema itself.

CREATE SCHEMA vfk;
CREATE TABLE vfk.schema_version (version integer NOT NULL);
INSERT INTO vfk.schema_version VALUES (0);

-- The group roles: every district's role and the county's are members of vfk_writer.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vfk_reader') THEN
        CREATE ROLE vfk_reader NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vfk_writer') THEN
        CREATE ROLE vfk_writer NOLOGIN;
    END IF;
END
$$;
GRANT vfk_reader TO vfk_writer;

-- The 12 districts: each owns its own rows. Every other place (Kent, England, the South East) is
-- the county's.
CREATE TABLE vfk.districts (name text PRIMARY KEY);
INSERT INTO vfk.districts (name) VALUES ('Ashford'), ('Canterbury'), ('Dartford'), ('Dover'),
    ('Gravesham'), ('Maidstone'), ('Sevenoaks'), ('Shepway'), ('Swale'), ('Thanet'),
    ('Tonbridge and Malling'), ('Tunbridge Wells');

-- Which login role publishes for which place ('Kent' is the county).
CREATE TABLE vfk.writers (role_name name PRIMARY KEY, area text NOT NULL UNIQUE);
INSERT INTO vfk.writers (role_name, area)
SELECT 'vfk_' || lower(replace(name, ' ', '_')), name FROM vfk.districts
UNION ALL SELECT 'vfk_county', 'Kent';

-- Every write takes the next revision: a pull asks for what is newer than the last it saw.
CREATE SEQUENCE vfk.revisions;

CREATE FUNCTION vfk.owner_of(place text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT d.name FROM vfk.districts d WHERE d.name = place), 'Kent')
$$;

-- The place the connected role publishes for (NULL: a role that only reads).
CREATE FUNCTION vfk.my_place() RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT w.area FROM vfk.writers w WHERE w.role_name = current_user
$$;

-- The policies below ask (SELECT vfk.my_place()) once per statement, not once per row: written
-- so, 2,000 rows go in several times faster (bench/county_bench.py).

CREATE TABLE vfk.indicators (
    code text PRIMARY KEY,
    title text NOT NULL,
    theme text,
    unit text,
    polarity text CHECK (polarity IN ('higher', 'lower', 'neither')),
    tolerance double precision,
    ka2 boolean NOT NULL DEFAULT false,
    revision bigint NOT NULL DEFAULT nextval('vfk.revisions'),
    published_by text NOT NULL,
    published_at timestamptz NOT NULL
);

CREATE TABLE vfk.figures (
    area text NOT NULL,
    indicator text NOT NULL,
    period text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('value', 'target', 'best', 'worst')),
    value double precision,
    text text,
    missing text CHECK (missing IN ('not available', 'suppressed', 'error')),
    count double precision,
    denominator double precision,
    lower_95 double precision,
    upper_95 double precision,
    lower_99_8 double precision,
    upper_99_8 double precision,
    file text,
    sheet text,
    cell text,
    revision bigint NOT NULL DEFAULT nextval('vfk.revisions'),
    published_by text NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (area, indicator, period, kind)
);
CREATE INDEX figures_by_revision ON vfk.figures (revision);

CREATE TABLE vfk.rankings (
    area text NOT NULL,
    indicator text NOT NULL,
    round text NOT NULL,
    priority text NOT NULL CHECK (priority IN ('High', 'Medium', 'Low')),
    file text,
    sheet text,
    cell text,
    revision bigint NOT NULL DEFAULT nextval('vfk.revisions'),
    published_by text NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (area, indicator, round)
);
CREATE INDEX rankings_by_revision ON vfk.rankings (revision);

CREATE TABLE vfk.commentary (
    area text NOT NULL,
    indicator text NOT NULL,
    period text NOT NULL,
    text text NOT NULL,
    file text,
    sheet text,
    cell text,
    revision bigint NOT NULL DEFAULT nextval('vfk.revisions'),
    published_by text NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (area, indicator, period)
);
CREATE INDEX commentary_by_revision ON vfk.commentary (revision);

-- Row-level security: everyone reads everything; a role writes only the rows of the place it
-- publishes for, and only the county writes the catalogue.
ALTER TABLE vfk.indicators ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON vfk.indicators FOR SELECT USING (true);
CREATE POLICY county_adds ON vfk.indicators FOR INSERT
    WITH CHECK ((SELECT vfk.my_place()) = 'Kent');
CREATE POLICY county_changes ON vfk.indicators FOR UPDATE
    USING ((SELECT vfk.my_place()) = 'Kent') WITH CHECK ((SELECT vfk.my_place()) = 'Kent');
CREATE POLICY county_removes ON vfk.indicators FOR DELETE
    USING ((SELECT vfk.my_place()) = 'Kent');

ALTER TABLE vfk.figures ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON vfk.figures FOR SELECT USING (true);
CREATE POLICY own_adds ON vfk.figures FOR INSERT
    WITH CHECK (area = (SELECT vfk.my_place())
        OR ((SELECT vfk.my_place()) = 'Kent'
            AND NOT EXISTS (SELECT 1 FROM vfk.districts d WHERE d.name = area)));
CREATE POLICY own_changes ON vfk.figures FOR UPDATE
    USING (area = (SELECT vfk.my_place())
        OR ((SELECT vfk.my_place()) = 'Kent'
            AND NOT EXISTS (SELECT 1 FROM vfk.districts d WHERE d.name = area)))
    WITH CHECK (area = (SELECT vfk.my_place())
        OR ((SELECT vfk.my_place()) = 'Kent'
            AND NOT EXISTS (SELECT 1 FROM vfk.districts d WHERE d.name = area)));
CREATE POLICY own_removes ON vfk.figures FOR DELETE
    USING (area = (SELECT vfk.my_place())
        OR ((SELECT vfk.my_place()) = 'Kent'
            AND NOT EXISTS (SELECT 1 FROM vfk.districts d WHERE d.name = area)));

ALTER TABLE vfk.rankings ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON vfk.rankings FOR SELECT USING (true);
CREATE POLICY own_adds ON vfk.rankings FOR INSERT
    WITH CHECK (area = (SELECT vfk.my_place())
        OR ((SELECT vfk.my_place()) = 'Kent'
            AND NOT EXISTS (SELECT 1 FROM vfk.districts d WHERE d.name = area)));
CREATE POLICY own_changes ON vfk.rankings FOR UPDATE
    USING (area = (SELECT vfk.my_place())
        OR ((SELECT vfk.my_place()) = 'Kent'
            AND NOT EXISTS (SELECT 1 FROM vfk.districts d WHERE d.name = area)))
    WITH CHECK (area = (SELECT vfk.my_place())
        OR ((SELECT vfk.my_place()) = 'Kent'
            AND NOT EXISTS (SELECT 1 FROM vfk.districts d WHERE d.name = area)));
CREATE POLICY own_removes ON vfk.rankings FOR DELETE
    USING (area = (SELECT vfk.my_place())
        OR ((SELECT vfk.my_place()) = 'Kent'
            AND NOT EXISTS (SELECT 1 FROM vfk.districts d WHERE d.name = area)));

ALTER TABLE vfk.commentary ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON vfk.commentary FOR SELECT USING (true);
CREATE POLICY own_adds ON vfk.commentary FOR INSERT
    WITH CHECK (area = (SELECT vfk.my_place())
        OR ((SELECT vfk.my_place()) = 'Kent'
            AND NOT EXISTS (SELECT 1 FROM vfk.districts d WHERE d.name = area)));
CREATE POLICY own_changes ON vfk.commentary FOR UPDATE
    USING (area = (SELECT vfk.my_place())
        OR ((SELECT vfk.my_place()) = 'Kent'
            AND NOT EXISTS (SELECT 1 FROM vfk.districts d WHERE d.name = area)))
    WITH CHECK (area = (SELECT vfk.my_place())
        OR ((SELECT vfk.my_place()) = 'Kent'
            AND NOT EXISTS (SELECT 1 FROM vfk.districts d WHERE d.name = area)));
CREATE POLICY own_removes ON vfk.commentary FOR DELETE
    USING (area = (SELECT vfk.my_place())
        OR ((SELECT vfk.my_place()) = 'Kent'
            AND NOT EXISTS (SELECT 1 FROM vfk.districts d WHERE d.name = area)));

GRANT USAGE ON SCHEMA vfk TO vfk_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA vfk TO vfk_reader;
GRANT INSERT, UPDATE ON vfk.indicators, vfk.figures, vfk.rankings, vfk.commentary TO vfk_writer;
GRANT USAGE ON SEQUENCE vfk.revisions TO vfk_writer;

UPDATE vfk.schema_version SET version = 1;
