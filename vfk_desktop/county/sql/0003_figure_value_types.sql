-- The county store, version 3: what kind of figure each value is where the district's file said so
-- (a rate per 1,000, a percentage), carried beside the figure as its count and limits are, so that
-- every district's database works out the same intervals for it. Columns only: every row is kept.

ALTER TABLE vfk.figures ADD COLUMN value_type text, ADD COLUMN multiplier double precision;

UPDATE vfk.schema_version SET version = 3;
