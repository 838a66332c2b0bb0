-- SAPPHIRE database bootstrap: roles and database. Idempotent: every run converges on the same
-- state, so both README commands run it. Executed by bootstrap.sh as a PostgreSQL superuser,
-- with psql variables owner_password, app_password, system_password, backup_password,
-- session_password and db_name.
\set ON_ERROR_STOP on

-- sapphire_owner owns the schema and runs the Flyway migrations; it is no superuser, so
-- FORCE ROW LEVEL SECURITY applies to it too.
SELECT 'CREATE ROLE sapphire_owner LOGIN'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sapphire_owner') \gexec
ALTER ROLE sapphire_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'owner_password';

-- sapphire_app is what the application serves requests as: DML on the tables it is granted,
-- owns nothing, and is always subject to row-level security.
SELECT 'CREATE ROLE sapphire_app LOGIN'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sapphire_app') \gexec
ALTER ROLE sapphire_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT PASSWORD :'app_password';

-- sapphire_system runs the provider's jobs that span tenants (provisioning, backup, purge).
SELECT 'CREATE ROLE sapphire_system LOGIN'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sapphire_system') \gexec
ALTER ROLE sapphire_system LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS NOINHERIT PASSWORD :'system_password';

-- sapphire_backup reads every row for the backup and writes every row in a restore, with
-- triggers and foreign keys held back while it does (session_replication_role, PostgreSQL 15+).
SELECT 'CREATE ROLE sapphire_backup LOGIN'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sapphire_backup') \gexec
ALTER ROLE sapphire_backup LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE BYPASSRLS NOINHERIT PASSWORD :'backup_password';
GRANT SET ON PARAMETER session_replication_role TO sapphire_backup;

-- sapphire_session keeps the HTTP sessions every web server shares (docs/SCALING.md): they hold
-- a member's sign-in and the pages' view state, so no other login reads them, and this one reads
-- nothing else.
SELECT 'CREATE ROLE sapphire_session LOGIN'
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sapphire_session') \gexec
ALTER ROLE sapphire_session LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT PASSWORD :'session_password';

SELECT format('CREATE DATABASE %I OWNER sapphire_owner ENCODING ''UTF8'' TEMPLATE template0', :'db_name')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db_name') \gexec

SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db_name') \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO sapphire_app, sapphire_system, sapphire_backup, sapphire_session', :'db_name') \gexec
SELECT format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO sapphire_owner', :'db_name') \gexec

\connect :db_name
-- The schema belongs to the owner; the other roles may use it but never create in it.
ALTER SCHEMA public OWNER TO sapphire_owner;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO sapphire_app, sapphire_system, sapphire_backup;

-- Liberty's persistent EJB timers (the daily backup) keep their tasks in a schema of their own,
-- owned by the provider's system role; the application's login cannot see it.
CREATE SCHEMA IF NOT EXISTS liberty_timers AUTHORIZATION sapphire_system;
REVOKE ALL ON SCHEMA liberty_timers FROM PUBLIC;

-- Liberty's session store (includes/sessions.xml) creates its table in a schema of its own, owned
-- by the session login: outside public, so neither the application's logins nor the backups see it.
CREATE SCHEMA IF NOT EXISTS http_sessions AUTHORIZATION sapphire_session;
REVOKE ALL ON SCHEMA http_sessions FROM PUBLIC;
SELECT format('ALTER ROLE sapphire_session IN DATABASE %I SET search_path = http_sessions', :'db_name') \gexec
