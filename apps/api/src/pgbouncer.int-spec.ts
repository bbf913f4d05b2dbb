import { DataSource } from 'typeorm';
import { loadConfig } from '@mend/server-config';
import { dataSourceOptions, setTenant } from '@mend/server-db';
import {
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  startScratchPgBouncer,
  type ScratchPgBouncer,
  type TestCouple,
  type TestUser,
} from '@mend/server-testing';
import { startTestApi, type TestApi } from './testing/test-api';

/**
 * The app role through Debian's PgBouncer in transaction mode, with two server connections for
 * many clients: every transaction may land on a connection another clinic's transaction used
 * just before. Row-level security and the API's tenancy must hold there as they do directly.
 */
describe('tenancy through PgBouncer in transaction mode (real PgBouncer and PostgreSQL)', () => {
  const config = loadConfig();
  let bouncer: ScratchPgBouncer;
  let owner: DataSource;
  let app: DataSource;
  let api: TestApi;
  const clinics: Array<{ id: string; therapist: TestUser; couples: TestCouple[] }> = [];

  beforeAll(async () => {
    const role = (url: string) => {
      const parsed = new URL(url);
      return {
        user: decodeURIComponent(parsed.username),
        password: decodeURIComponent(parsed.password),
      };
    };
    bouncer = await startScratchPgBouncer(config.DATABASE_URL, [role(config.DATABASE_URL)]);
    owner = await ownerDataSource();
    app = await new DataSource(
      dataSourceOptions({
        url: bouncer.through(config.DATABASE_URL),
        applicationName: 'pgbouncer-test',
        poolSize: 12,
      }),
    ).initialize();
    for (let i = 0; i < 2; i += 1) {
      const clinic = await newClinic(owner);
      const therapist = await newUser(owner, clinic.id, 'therapist');
      const couples = [
        await newCouple(owner, clinic.id, { therapistIds: [therapist.id] }),
        await newCouple(owner, clinic.id, { therapistIds: [therapist.id] }),
      ];
      clinics.push({ id: clinic.id, therapist, couples });
    }
    api = await startTestApi({ DATABASE_URL: bouncer.through(config.DATABASE_URL) });
  });

  afterAll(async () => {
    await api?.close();
    await app?.destroy();
    await owner?.destroy();
    await bouncer?.stop();
  });

  const clinic = (i: number) => {
    const found = clinics[i];
    if (!found) throw new Error(`no clinic ${i}`);
    return found;
  };

  it('shares few server connections among many clients (transaction pooling is on)', async () => {
    const pids = await Promise.all(
      Array.from({ length: 12 }, () =>
        app.transaction(async (manager) => {
          const [row] = await manager.query(`SELECT pg_backend_pid() AS pid, pg_sleep(0.05)`);
          return row.pid as number;
        }),
      ),
    );
    expect(new Set(pids).size).toBeLessThanOrEqual(2);
  });

  it('keeps each interleaved transaction to its own clinic, and leaves nothing behind', async () => {
    const rounds = Array.from({ length: 40 }, (_, n) => clinic(n % 2));
    const seen = await Promise.all(
      rounds.map((mine) =>
        app.transaction(async (manager) => {
          await setTenant(manager, {
            clinicId: mine.id,
            userId: mine.therapist.id,
            role: 'therapist',
          });
          const rows: Array<{ clinic_id: string }> = await manager.query(
            `SELECT DISTINCT clinic_id FROM couples`,
          );
          return { mine: mine.id, seen: rows.map((row) => row.clinic_id) };
        }),
      ),
    );
    for (const round of seen) expect(round.seen).toEqual([round.mine]);
    // Outside a transaction, on whichever server connection comes next: no clinic, no rows.
    for (let i = 0; i < 6; i += 1) {
      const [setting] = await app.query(
        `SELECT coalesce(current_setting('app.clinic_id', true), '') AS clinic`,
      );
      expect(setting.clinic).toBe('');
      expect(await app.query(`SELECT id FROM couples`)).toEqual([]);
    }
  });

  it('serves each therapist only their clinic through the API, under concurrent requests', async () => {
    const tokens = await Promise.all([0, 1].map((i) => api.signIn(clinic(i).therapist)));
    const lists = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        api.request('GET', '/couples', { token: tokens[n % 2] }).then(async (response) => ({
          i: n % 2,
          status: response.status,
          ids: ((await response.json()) as Array<{ id: string }>).map((c) => c.id).sort(),
        })),
      ),
    );
    for (const list of lists) {
      expect(list.status).toBe(200);
      expect(list.ids).toEqual(
        clinic(list.i)
          .couples.map((c) => c.id)
          .sort(),
      );
    }
    const other = clinic(1).couples[0]?.id ?? '';
    const crossed = await api.request('GET', `/couples/${other}`, { token: tokens[0] });
    expect(crossed.status).toBe(404);
  });
});
