import { DataSource } from 'typeorm';
import { loadConfig } from '@mend/server-config';
import { dataSourceOptions } from './data-source-options';
import { pendingSchemaChanges } from './schema-drift';

describe('schema (real PostgreSQL, migrated test database)', () => {
  const config = loadConfig();
  const owner = new DataSource(
    dataSourceOptions({ url: config.DATABASE_OWNER_URL, applicationName: 'mend-test' }),
  );
  const app = new DataSource(
    dataSourceOptions({ url: config.DATABASE_URL, applicationName: 'mend-test' }),
  );
  const appRole = decodeURIComponent(new URL(config.DATABASE_URL).username);

  beforeAll(async () => {
    await Promise.all([owner.initialize(), app.initialize()]);
  });

  afterAll(async () => {
    await Promise.all([owner.destroy(), app.destroy()]);
  });

  it('has every migration applied', async () => {
    expect(await owner.showMigrations()).toBe(false);
  });

  it('matches the entities exactly (no drift between entities and migrations)', async () => {
    expect(await pendingSchemaChanges(owner)).toEqual([]);
  });

  it('gives the app role no table, no superuser and no way around row-level security', async () => {
    const [role] = await owner.query(
      'SELECT rolsuper, rolbypassrls, rolcreatedb, rolcreaterole FROM pg_roles WHERE rolname = $1',
      [appRole],
    );
    expect(role).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcreatedb: false,
      rolcreaterole: false,
    });
    const owned = await owner.query(
      `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
       WHERE r.rolname = $1`,
      [appRole],
    );
    expect(owned).toEqual([]);
  });

  it('keeps the migrations table out of the app role reach', async () => {
    await expect(app.query('SELECT * FROM typeorm_migrations')).rejects.toThrow(
      /permission denied/,
    );
  });
});
