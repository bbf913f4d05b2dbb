import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from '@mend/server-config';
import { dataSourceOptions } from './data-source-options';
import { setTenant } from './tenancy/tenant-settings';

/** Tables outside any tenant: platform bookkeeping only, never client data. */
const PLATFORM_TABLES = ['typeorm_migrations', 'worker_heartbeats'];

describe('row-level security (real PostgreSQL)', () => {
  const config = loadConfig();
  const owner = new DataSource(
    dataSourceOptions({ url: config.DATABASE_OWNER_URL, applicationName: 'rls-test' }),
  );
  const app = new DataSource(
    dataSourceOptions({ url: config.DATABASE_URL, applicationName: 'rls-test' }),
  );
  const clinicA = randomUUID();
  const clinicB = randomUUID();

  const asClinic = (clinicId: string | null, sql: string, parameters: unknown[] = []) =>
    app.transaction(async (manager) => {
      if (clinicId) await setTenant(manager, { clinicId: clinicId });
      return manager.query(sql, parameters);
    });

  beforeAll(async () => {
    await Promise.all([owner.initialize(), app.initialize()]);
    for (const [id, name] of [
      [clinicA, 'RLS A'],
      [clinicB, 'RLS B'],
    ] as const) {
      await asClinic(id, 'INSERT INTO clinics (id, name) VALUES ($1, $2)', [id, name]);
      await asClinic(
        id,
        `INSERT INTO users (clinic_id, email, display_name, role) VALUES ($1, $2, 'x', 'client')`,
        [id, `someone-${id}@example.test`],
      );
    }
  });

  afterAll(async () => {
    await Promise.all([owner.destroy(), app.destroy()]);
  });

  it('enables and forces RLS on every table but the platform ones, with clinic_id in every key', async () => {
    const tables: Array<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }> = await owner.query(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
         WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
    );
    const tenantTables = tables.filter((t) => !PLATFORM_TABLES.includes(t.relname));
    expect(tenantTables.map((t) => t.relname)).toEqual(
      expect.arrayContaining(['clinics', 'users', 'sessions', 'audit_events']),
    );
    for (const table of tenantTables) {
      expect({
        table: table.relname,
        enabled: table.relrowsecurity,
        forced: table.relforcerowsecurity,
      }).toEqual({
        table: table.relname,
        enabled: true,
        forced: true,
      });
    }
    const keys: Array<{ table: string; name: string; columns: string[] }> = await owner.query(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name,
              array_agg(a.attname::text) AS columns
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
       WHERE c.contype IN ('p', 'u', 'f') AND c.connamespace = 'public'::regnamespace
       GROUP BY 1, 2`,
    );
    for (const key of keys.filter((k) => !PLATFORM_TABLES.includes(k.table))) {
      const tenantColumn = key.table === 'clinics' ? 'id' : 'clinic_id';
      expect({ key: key.name, hasClinic: key.columns.includes(tenantColumn) }).toEqual({
        key: key.name,
        hasClinic: true,
      });
    }
  });

  it('shows the app role only the clinic that is set', async () => {
    const seenByA: Array<{ clinic_id: string }> = await asClinic(
      clinicA,
      'SELECT clinic_id FROM users',
    );
    expect(seenByA.length).toBeGreaterThan(0);
    expect(new Set(seenByA.map((row) => row.clinic_id))).toEqual(new Set([clinicA]));
    const clinics: Array<{ id: string }> = await asClinic(clinicA, 'SELECT id FROM clinics');
    expect(clinics).toEqual([{ id: clinicA }]);
  });

  it('lets clinic A neither change nor delete clinic B rows, nor write rows for B', async () => {
    const updated = await asClinic(
      clinicA,
      `UPDATE users SET display_name = 'hacked' WHERE clinic_id = $1`,
      [clinicB],
    );
    expect(updated[1]).toBe(0);
    const deleted = await asClinic(clinicA, 'DELETE FROM users WHERE clinic_id = $1', [clinicB]);
    expect(deleted[1]).toBe(0);
    await expect(
      asClinic(
        clinicA,
        `INSERT INTO users (clinic_id, email, display_name, role) VALUES ($1, 'x@y.test', 'x', 'client')`,
        [clinicB],
      ),
    ).rejects.toThrow(/row-level security/);
    const [untouched] = await asClinic(
      clinicB,
      'SELECT display_name FROM users WHERE clinic_id = $1',
      [clinicB],
    );
    expect(untouched.display_name).toBe('x');
  });

  it('shows nothing at all when no clinic is set (fail closed)', async () => {
    for (const table of ['clinics', 'users', 'sessions', 'audit_events']) {
      expect(await asClinic(null, `SELECT * FROM ${table}`)).toEqual([]);
    }
  });

  it('keeps audit rows append-only, even for a clinic that can see them', async () => {
    await asClinic(
      clinicA,
      `INSERT INTO audit_events (clinic_id, action) VALUES ($1, 'test.write')`,
      [clinicA],
    );
    await expect(
      asClinic(clinicA, `UPDATE audit_events SET action = 'changed' WHERE clinic_id = $1`, [
        clinicA,
      ]),
    ).rejects.toThrow(/permission denied|append-only/);
    await expect(
      asClinic(clinicA, 'DELETE FROM audit_events WHERE clinic_id = $1', [clinicA]),
    ).rejects.toThrow(/permission denied|append-only/);
  });
});
