-- Runs once, as the postgres superuser, when the data volume is empty.
-- mend_owner owns the database and schema (migrations run as it); mend_app owns nothing
-- and cannot bypass row-level security.

-- The owner bypasses RLS only so the narrow SECURITY DEFINER sign-in lookup works.
CREATE ROLE mend_owner LOGIN PASSWORD 'mend_owner' NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS;
CREATE ROLE mend_app LOGIN PASSWORD 'mend_app' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;

CREATE DATABASE mend OWNER mend_owner;
REVOKE ALL ON DATABASE mend FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE mend TO mend_app;

\connect mend

ALTER SCHEMA public OWNER TO mend_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO mend_app;

-- Tables and sequences that mend_owner creates later are usable (not owned) by mend_app.
ALTER DEFAULT PRIVILEGES FOR ROLE mend_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mend_app;
ALTER DEFAULT PRIVILEGES FOR ROLE mend_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO mend_app;
