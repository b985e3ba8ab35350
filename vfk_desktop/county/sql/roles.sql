-- One login role for each row of vfk.writers (a district, or vfk_county for the county), made a
-- member of vfk_writer and allowed to add rows to its own partition of the figures. Safe to run
-- again: a role that exists is left as it is. Passwords are set by the county's IT afterwards
-- (ALTER ROLE ... PASSWORD, or \password in psql).
DO $$
DECLARE
    writer record;
BEGIN
    FOR writer IN SELECT role_name FROM vfk.writers LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = writer.role_name) THEN
            EXECUTE format('CREATE ROLE %I LOGIN', writer.role_name);
        END IF;
        IF NOT pg_has_role(writer.role_name, 'vfk_writer', 'MEMBER') THEN
            EXECUTE format('GRANT vfk_writer TO %I', writer.role_name);
        END IF;
        -- Its own partition of the figures, which a first publish COPYs into (version 2 on).
        IF to_regclass(format('vfk.%I', 'figures_of_' || writer.role_name)) IS NOT NULL THEN
            EXECUTE format('GRANT INSERT ON vfk.%I TO %I', 'figures_of_' || writer.role_name,
                           writer.role_name);
        END IF;
    END LOOP;
END
$$;
