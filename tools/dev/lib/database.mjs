// Creates the two roles and the database, as the PostgreSQL superuser. The owner role owns the
// schema and runs migrations; the app role (used by the API and the worker) owns nothing and
// cannot bypass row-level security.
import { spawnSync } from 'node:child_process';
import { commandExists, fail, isRoot, log } from './run.mjs';

function parse(url) {
  const parsed = new URL(url);
  return {
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: parsed.pathname.slice(1),
  };
}

const ident = (name) => `"${name.replaceAll('"', '""')}"`;
const literal = (value) => `'${value.replaceAll("'", "''")}'`;

/**
 * Runs SQL as the superuser: over TCP with DATABASE_ADMIN_URL, or, where that is refused
 * (a freshly installed Debian PostgreSQL wants a password), through psql as the postgres
 * system user.
 */
async function adminSql(env, database, statements) {
  const { default: pg } = await import('pg');
  const url = new URL(env.DATABASE_ADMIN_URL);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  try {
    await client.connect();
  } catch (error) {
    if (!isRoot || !commandExists('psql')) {
      fail(
        `cannot connect to PostgreSQL as its superuser (${error.message}). Set DATABASE_ADMIN_URL to a superuser connection URL.`,
      );
    }
    for (const sql of statements) {
      const result = spawnSync(
        'runuser',
        [
          '-u',
          'postgres',
          '--',
          'psql',
          '-qtAX',
          '-v',
          'ON_ERROR_STOP=1',
          '-d',
          database,
          '-c',
          sql,
        ],
        { encoding: 'utf8' },
      );
      if (result.status !== 0) fail(`psql failed: ${result.stderr}`);
    }
    return [];
  }
  try {
    const rows = [];
    for (const sql of statements) rows.push((await client.query(sql)).rows);
    return rows;
  } finally {
    await client.end();
  }
}

async function ensureRole(env, { user, password }, extra) {
  await adminSql(env, 'postgres', [
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${literal(user)}) THEN
         CREATE ROLE ${ident(user)} LOGIN;
       END IF;
     END $$`,
    `ALTER ROLE ${ident(user)} LOGIN PASSWORD ${literal(password)} NOSUPERUSER NOCREATEDB NOCREATEROLE ${extra}`,
  ]);
}

/**
 * Idempotent: roles, database and grants end up the same whether or not they existed.
 * With `fresh`, the database is dropped first (tests start from an empty schema every run).
 */
export async function ensureDatabase(env, { fresh = false } = {}) {
  const owner = parse(env.DATABASE_OWNER_URL);
  const app = parse(env.DATABASE_URL);
  if (owner.database !== app.database) {
    fail('DATABASE_URL and DATABASE_OWNER_URL must name the same database.');
  }
  if (owner.user === app.user) fail('the app role and the owner role must differ.');
  // The owner bypasses RLS only so that the narrow SECURITY DEFINER sign-in lookup can work.
  await ensureRole(env, owner, 'BYPASSRLS');
  await ensureRole(env, app, 'NOBYPASSRLS');

  const db = owner.database;
  if (fresh) {
    log(`dropping database ${db} for a fresh start…`);
    await adminSql(env, 'postgres', [`DROP DATABASE IF EXISTS ${ident(db)} WITH (FORCE)`]);
  }
  const [existing] = await adminSql(env, 'postgres', [
    `SELECT 1 FROM pg_database WHERE datname = ${literal(db)}`,
  ]);
  if (!existing || existing.length === 0) {
    log(`creating database ${db}…`);
    await adminSql(env, 'postgres', [
      `CREATE DATABASE ${ident(db)} OWNER ${ident(owner.user)}`,
    ]).catch((error) => {
      if (!String(error.message).includes('already exists')) throw error;
    });
  }
  await adminSql(env, db, [
    `ALTER DATABASE ${ident(db)} OWNER TO ${ident(owner.user)}`,
    `REVOKE ALL ON DATABASE ${ident(db)} FROM PUBLIC`,
    `GRANT CONNECT, TEMPORARY ON DATABASE ${ident(db)} TO ${ident(app.user)}`,
    `ALTER SCHEMA public OWNER TO ${ident(owner.user)}`,
    `REVOKE ALL ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${ident(app.user)}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner.user)} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${ident(app.user)}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${ident(owner.user)} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${ident(app.user)}`,
  ]);
}
