-- The county store, version 2: each district's local priorities (with the Ambitions and indicators
-- they serve) and its actions (with their progress notes and linked indicators), readable by every
-- vfk role and writable by each district for its own rows only (row-level security).
-- A row is named by its district and the number it has in that district's own database
-- (source_id); an action names its local priority by that priority's source_id.

CREATE TABLE vfk.local_priorities (
    area text NOT NULL,
    source_id bigint NOT NULL,
    position integer NOT NULL,
    title text NOT NULL,
    description text,
    ambitions text,    -- Ambition numbers, "1;3"
    indicators text,   -- indicator codes in the district's order, "1.1;2.4"
    revision bigint NOT NULL DEFAULT nextval('vfk.revisions'),
    published_by text NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (area, source_id)
);
CREATE INDEX local_priorities_by_revision ON vfk.local_priorities (revision);

CREATE TABLE vfk.actions (
    area text NOT NULL,
    source_id bigint NOT NULL,
    title text NOT NULL,
    owner text NOT NULL,
    due text,          -- YYYY-MM-DD
    status text NOT NULL CHECK (status IN ('not started', 'on track', 'at risk', 'done')),
    local_priority bigint,   -- the source_id of the district's local priority it serves
    delivery_plan text,      -- the delivery plan's title
    indicators text,         -- indicator codes, "1.1;2.4"
    notes text,              -- JSON: [[at, author, text], ...] oldest first
    created_at text NOT NULL,
    created_by text NOT NULL,
    revision bigint NOT NULL DEFAULT nextval('vfk.revisions'),
    published_by text NOT NULL,
    published_at timestamptz NOT NULL,
    PRIMARY KEY (area, source_id)
);
CREATE INDEX actions_by_revision ON vfk.actions (revision);

ALTER TABLE vfk.local_priorities ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON vfk.local_priorities FOR SELECT USING (true);
CREATE POLICY own_adds ON vfk.local_priorities FOR INSERT
    WITH CHECK (area = (SELECT vfk.my_place()));
CREATE POLICY own_changes ON vfk.local_priorities FOR UPDATE
    USING (area = (SELECT vfk.my_place())) WITH CHECK (area = (SELECT vfk.my_place()));
CREATE POLICY own_removes ON vfk.local_priorities FOR DELETE
    USING (area = (SELECT vfk.my_place()));

ALTER TABLE vfk.actions ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_all ON vfk.actions FOR SELECT USING (true);
CREATE POLICY own_adds ON vfk.actions FOR INSERT
    WITH CHECK (area = (SELECT vfk.my_place()));
CREATE POLICY own_changes ON vfk.actions FOR UPDATE
    USING (area = (SELECT vfk.my_place())) WITH CHECK (area = (SELECT vfk.my_place()));
CREATE POLICY own_removes ON vfk.actions FOR DELETE
    USING (area = (SELECT vfk.my_place()));

GRANT SELECT ON vfk.local_priorities, vfk.actions TO vfk_reader;
GRANT INSERT, UPDATE ON vfk.local_priorities, vfk.actions TO vfk_writer;


-- The figures, split into one partition per publisher: vfk.figures_of_vfk_dover holds Dover's,
-- vfk.figures_of_vfk_county (the default) the county's (Kent, England, the South East). The server
-- refuses COPY into a table under row-level security, so a first publish COPYs straight into the
-- publisher's own partition instead: only that publisher's role may write it (roles.sql grants
-- it), and the partition's bounds refuse a row of another place. Every other write goes through
-- vfk.figures, under the policies above.
ALTER TABLE vfk.figures RENAME TO figures_v1;
ALTER TABLE vfk.figures_v1 RENAME CONSTRAINT figures_pkey TO figures_v1_pkey;
ALTER INDEX vfk.figures_by_revision RENAME TO figures_v1_by_revision;
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
) PARTITION BY LIST (area);
CREATE INDEX figures_by_revision ON vfk.figures (revision);
DO $$
DECLARE
    writer record;
BEGIN
    FOR writer IN SELECT w.role_name, w.area FROM vfk.writers w
                  JOIN vfk.districts d ON d.name = w.area LOOP
        EXECUTE format('CREATE TABLE vfk.%I PARTITION OF vfk.figures FOR VALUES IN (%L)',
                       'figures_of_' || writer.role_name, writer.area);
    END LOOP;
END
$$;
CREATE TABLE vfk.figures_of_vfk_county PARTITION OF vfk.figures DEFAULT;
INSERT INTO vfk.figures SELECT * FROM vfk.figures_v1;
DROP TABLE vfk.figures_v1;

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
GRANT SELECT ON vfk.figures TO vfk_reader;
GRANT INSERT, UPDATE ON vfk.figures TO vfk_writer;

UPDATE vfk.schema_version SET version = 2;
