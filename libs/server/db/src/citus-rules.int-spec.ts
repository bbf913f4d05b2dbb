import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@mend/server-config';
import { dataSourceOptions } from './data-source-options';
import { tenantSettingsSql } from './tenancy/tenant-settings';

/**
 * The rules that keep Mend's SQL runnable on Citus (docs/scale-out.md), checked on plain
 * PostgreSQL: Citus is not packaged for this machine, so the rules are held by reading the
 * source and the migrated catalog instead.
 */

const ROOT = path.resolve(__dirname, '../../../..');

/** Settings that a set_config would keep from Citus workers, where the policies run. */
const TENANT_SET_CONFIG = /set_config\s*\(\s*'app\./g;
/** Citus refuses these in an UPDATE (or DELETE) of a distributed table. */
const VOLATILE = /\b(clock_timestamp|timeofday|random|gen_random_uuid|nextval|setseed)\s*\(/gi;
/** …and refuses anything but constants, parameters and EXCLUDED in ON CONFLICT DO UPDATE. */
const NOT_IMMUTABLE =
  /\b(now|clock_timestamp|statement_timestamp|transaction_timestamp|timeofday|random|gen_random_uuid)\s*\(|\b(current_timestamp|localtimestamp|current_date)\b/gi;

interface Finding {
  file: string;
  line: number;
  text: string;
}

function lineOf(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** Every template literal (Mend writes SQL only in those), with where it starts. */
function sqlLiterals(source: string): Array<{ sql: string; at: number }> {
  return [...source.matchAll(/`([^`]*)`/g)].map((m) => ({ sql: m[1], at: m.index }));
}

function setConfigFindings(file: string, source: string): Finding[] {
  return [...source.matchAll(TENANT_SET_CONFIG)].map((m) => ({
    file,
    line: lineOf(source, m.index),
    text: m[0],
  }));
}

function clauseFindings(file: string, source: string): Finding[] {
  const findings: Finding[] = [];
  for (const { sql, at } of sqlLiterals(source)) {
    const conflict = sql.search(/\bDO\s+UPDATE\b/i);
    if (conflict >= 0) {
      for (const m of sql.slice(conflict).matchAll(NOT_IMMUTABLE)) {
        findings.push({ file, line: lineOf(source, at), text: `ON CONFLICT DO UPDATE: ${m[0]}` });
      }
    }
    if (/^\s*UPDATE\b/i.test(sql) || /^\s*DELETE\b/i.test(sql)) {
      for (const m of sql.matchAll(VOLATILE)) {
        findings.push({ file, line: lineOf(source, at), text: `UPDATE/DELETE: ${m[0]}` });
      }
    }
  }
  return findings;
}

function trackedSources(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z', '--', 'apps', 'libs', 'tools', 'bench'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return listed
    .split('\0')
    .filter(
      (file) => /\.(ts|tsx|mjs|cjs|js)$/.test(file) && !file.endsWith('citus-rules.int-spec.ts'),
    );
}

function scan(rule: (file: string, source: string) => Finding[]): Finding[] {
  return trackedSources().flatMap((file) =>
    rule(file, readFileSync(path.join(ROOT, file), 'utf8')),
  );
}

describe('Citus-safe SQL rules (plain PostgreSQL, migrated test database)', () => {
  const config = loadConfig();
  const owner = new DataSource(
    dataSourceOptions({ url: config.DATABASE_OWNER_URL, applicationName: 'mend-test' }),
  );

  beforeAll(async () => {
    await owner.initialize();
  });

  afterAll(async () => {
    await owner.destroy();
  });

  describe('the scanners (so that a clean scan means something)', () => {
    it('find a tenant set_config', () => {
      const bad = "await m.query(`SELECT set_config('app.clinic_id', $1, true)`, [id]);";
      expect(setConfigFindings('x.ts', bad)).toHaveLength(1);
    });

    it('find now() in ON CONFLICT DO UPDATE and clock_timestamp() in an UPDATE', () => {
      const bad = [
        '`INSERT INTO t (k, at) VALUES ($1, now()) ON CONFLICT (k) DO UPDATE SET at = now()`',
        '`UPDATE t SET at = clock_timestamp() WHERE k = $1`',
        '`UPDATE t SET n = 1 WHERE lease < clock_timestamp()`',
      ].join('\n');
      expect(clauseFindings('x.ts', bad).map((f) => f.text)).toEqual([
        'ON CONFLICT DO UPDATE: now(',
        'UPDATE/DELETE: clock_timestamp(',
        'UPDATE/DELETE: clock_timestamp(',
      ]);
    });

    it('let EXCLUDED values, parameters and now() in an UPDATE pass', () => {
      const good = [
        '`INSERT INTO t (k, at) VALUES ($1, now()) ON CONFLICT (k) DO UPDATE SET at = EXCLUDED.at`',
        '`UPDATE t SET at = now(), lease = $2::timestamptz WHERE k = $1`',
      ].join('\n');
      expect(clauseFindings('x.ts', good)).toEqual([]);
    });
  });

  it('sets the tenant with SET LOCAL, never set_config (which Citus keeps from its workers)', () => {
    expect(scan(setConfigFindings)).toEqual([]);
  });

  it('puts no volatile function in an UPDATE and only EXCLUDED values in ON CONFLICT DO UPDATE', () => {
    expect(scan(clauseFindings)).toEqual([]);
  });

  it('has no SQL-language function with parameters (Citus cannot plan them)', async () => {
    const rows = await owner.query(
      `SELECT p.oid::regprocedure::text AS fn FROM pg_proc p
         JOIN pg_language l ON l.oid = p.prolang
        WHERE p.pronamespace = 'public'::regnamespace AND l.lanname = 'sql' AND p.pronargs > 0`,
    );
    expect(rows).toEqual([]);
  });

  it('calls no volatile clock in the functions and no now() in ON CONFLICT in their bodies', async () => {
    const rows: Array<{ fn: string; src: string }> = await owner.query(
      `SELECT p.oid::regprocedure::text AS fn, p.prosrc AS src FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace`,
    );
    expect(rows.length).toBeGreaterThan(5);
    const offending = rows.filter(
      ({ fn, src }) => /clock_timestamp\s*\(/i.test(src) || clauseFindings(fn, `\`${src}\``).length,
    );
    expect(offending.map((r) => r.fn)).toEqual([]);
  });

  it('leads every key and foreign key of a tenant table with clinic_id (the distribution column)', async () => {
    const tenantTables: Array<{ name: string }> = await owner.query(
      `SELECT c.relname AS name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
                        AND a.attname = 'clinic_id' AND NOT a.attisdropped)`,
    );
    expect(tenantTables.length).toBeGreaterThan(15);
    const uniqueKeys = await owner.query(
      `SELECT c.relname AS table_name, i.relname AS index_name, a.attname AS first_column
         FROM pg_index x
         JOIN pg_class c ON c.oid = x.indrelid
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = x.indkey[0]
        WHERE x.indisunique AND c.relname = ANY ($1)`,
      [tenantTables.map((t) => t.name)],
    );
    expect(uniqueKeys.length).toBeGreaterThanOrEqual(tenantTables.length);
    expect(
      uniqueKeys.filter((k: { first_column: string }) => k.first_column !== 'clinic_id'),
    ).toEqual([]);
    const foreignKeys = await owner.query(
      `SELECT con.conname, a.attname AS from_column, fa.attname AS to_column,
              con.confrelid::regclass::text AS to_table
         FROM pg_constraint con
         JOIN pg_class c ON c.oid = con.conrelid
         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
         JOIN pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = con.confkey[1]
        WHERE con.contype = 'f' AND c.relname = ANY ($1)`,
      [tenantTables.map((t) => t.name)],
    );
    expect(foreignKeys.length).toBeGreaterThan(20);
    const misled = foreignKeys.filter(
      (k: { from_column: string; to_column: string; to_table: string }) =>
        k.from_column !== 'clinic_id' ||
        k.to_column !== (k.to_table === 'clinics' ? 'id' : 'clinic_id'),
    );
    expect(misled).toEqual([]);
  });

  it('scopes a transaction with SET LOCAL that ends with it (what PgBouncer and Citus need)', async () => {
    const clinicId = '7f1c1b1e-9d7a-4c51-8f36-2b7f5f0f3c11';
    const inside = await owner.transaction(async (manager) => {
      await manager.query(tenantSettingsSql({ clinicId, role: 'therapist' }));
      return manager.query(
        `SELECT current_setting('app.clinic_id') AS clinic, current_setting('app.role') AS role`,
      );
    });
    expect(inside).toEqual([{ clinic: clinicId, role: 'therapist' }]);
    const after = await owner.query(`SELECT current_setting('app.clinic_id', true) AS clinic`);
    expect(after[0].clinic ?? '').toBe('');
    expect(() => tenantSettingsSql({ clinicId: "x'; RESET ALL; --" })).toThrow(/clinic id/);
    expect(() => tenantSettingsSql({ clinicId, role: "a'b" })).toThrow(/role/);
    expect(() => tenantSettingsSql({ clinicId, userId: 'nope' })).toThrow(/user id/);
  });
});
