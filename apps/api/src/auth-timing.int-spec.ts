import type { DataSource } from 'typeorm';
import { QueueRegistry } from '@mend/server-jobs';
import { asClinic, newClinic, newUser, ownerDataSource, type TestUser } from '@mend/server-testing';
import { startTestApi, type TestApi } from './testing/test-api';

/**
 * How long sign-in and password reset take must not tell whether an email has an account, or
 * whether that account is paused. Requests to each path are interleaved round by round (so load
 * on the machine hits every path alike) and their medians compared. The bound is loose enough
 * for a busy two-core machine and still fails on the gaps seen before (a locked account 4× faster
 * than an unknown email at sign-in; a reset 12× slower for an existing account).
 */
const ROUNDS = 15;
const WARM_UP_ROUNDS = 3;
const MAX_RATIO = 2.5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

describe('sign-in and reset take as long for every kind of address (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let existing: TestUser;
  let locked: TestUser;
  let deactivated: TestUser;
  const unknown = 'nobody-at-all@example.test';

  beforeAll(async () => {
    owner = await ownerDataSource();
    const clinic = await newClinic(owner);
    existing = await newUser(owner, clinic.id, 'client');
    locked = await newUser(owner, clinic.id, 'client');
    deactivated = await newUser(owner, clinic.id, 'client', { status: 'deactivated' });
    await asClinic(
      owner,
      clinic.id,
      `UPDATE users SET locked_until = now() + interval '10 minutes' WHERE clinic_id = $1 AND id = $2`,
      [clinic.id, locked.id],
    );
    api = await startTestApi();
  });

  afterAll(async () => {
    await api.app.get(QueueRegistry).queue('system').obliterate({ force: true });
    await api.close();
    await owner.destroy();
  });

  /** Milliseconds per request for each path, interleaved in a rotating order. */
  async function timeEach(
    paths: Record<string, () => Promise<Response>>,
    expectedStatus: number,
    afterRound: () => Promise<void>,
  ): Promise<Record<string, number>> {
    const names = Object.keys(paths);
    const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
    for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
      const order = names.map((_, i) => names[(i + round) % names.length] ?? '');
      for (const name of order) {
        const started = process.hrtime.bigint();
        const response = await paths[name]?.();
        const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
        expect(response?.status).toBe(expectedStatus);
        if (round >= WARM_UP_ROUNDS) samples[name]?.push(elapsed);
      }
      await afterRound();
    }
    return Object.fromEntries(names.map((name) => [name, median(samples[name] ?? [])]));
  }

  function expectAlike(medians: Record<string, number>, baseline: string): void {
    const base = medians[baseline] ?? 0;
    for (const [name, value] of Object.entries(medians)) {
      const ratio = Math.max(value, base) / Math.max(Math.min(value, base), 0.001);
      // The message carries the figures, so a failure says what was measured.
      expect({ name, ratio: ratio < MAX_RATIO ? 'within bound' : ratio, medians }).toEqual({
        name,
        ratio: 'within bound',
        medians,
      });
    }
  }

  it('answers a sign-in as slowly for an unknown email as for an existing, locked or deactivated account', async () => {
    const attempt = (email: string) => () =>
      api.request('POST', '/auth/login', { body: { email, password: 'not the password 1' } });
    const medians = await timeEach(
      {
        unknown: attempt(unknown),
        existing: attempt(existing.email),
        locked: attempt(locked.email),
        deactivated: attempt(deactivated.email),
      },
      401,
      // Keep the existing account under the lockout threshold: it must stay "existing".
      () =>
        asClinic(owner, existing.clinicId, `UPDATE users SET failed_logins = 0 WHERE id = $1`, [
          existing.id,
        ]),
    );
    expectAlike(medians, 'unknown');
  }, 120_000);

  it('answers a reset request as quickly for an unknown email as for an existing or locked account', async () => {
    const request = (email: string) => () =>
      api.request('POST', '/auth/password-reset', { body: { email } });
    const medians = await timeEach(
      {
        unknown: request(unknown),
        existing: request(existing.email),
        locked: request(locked.email),
      },
      202,
      async () => undefined,
    );
    expectAlike(medians, 'unknown');
  }, 120_000);
});
