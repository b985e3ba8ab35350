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

UPDATE vfk.schema_version SET version = 2;
