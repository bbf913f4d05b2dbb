import type { ChildProcess } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { TenantDb } from '@mend/server-tenancy';
import {
  asClinic,
  newAssignment,
  newClinic,
  newCouple,
  newOccurrence,
  ownerDataSource,
  setPreferences,
  startMailSink,
  testConfig,
  waitFor,
  type MailSink,
} from '@mend/server-testing';
import { ReminderDispatcher } from './reminder-dispatcher.service';
import { ReminderPlanner } from './reminder-planner.service';
import { startSmtpRelay, type SmtpRelay } from './testing/test-worker';
import { spawnWorker, startProducer } from './testing/worker-process';

/** How long a stopping worker may take once its last job can finish. */
const EXIT_BOUND_MS = 15_000;

function exited(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

describe('a worker stopped with SIGTERM (a real child process, PostgreSQL, Redis and SMTP)', () => {
  let owner: DataSource;
  let sink: MailSink;
  let relay: SmtpRelay;

  beforeAll(async () => {
    owner = await ownerDataSource();
    sink = await startMailSink();
    relay = await startSmtpRelay(sink.smtpUrl);
  });

  afterAll(async () => {
    await relay.close();
    await sink.stop();
    await owner.destroy();
  });

  it('finishes the send it is in the middle of, records it once, and exits 0', async () => {
    const config = testConfig({ SMTP_URL: relay.url });
    const producer = await startProducer(config);
    const worker = await spawnWorker(config, 120_000);
    let output = '';
    worker.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const clinic = await newClinic(owner);
      const couple = await newCouple(owner, clinic.id, { timeZone: 'UTC' });
      const partner = couple.partnerA;
      await setPreferences(owner, clinic.id, partner.id, {
        quietHoursStart: '00:00',
        quietHoursEnd: '00:00',
      });
      const assignmentId = await newAssignment(owner, clinic.id, couple.id, {
        mode: 'one',
        assigneeUserId: partner.id,
        policy: { dueSoon: { kind: 'before_due', minutes: 60 }, overdueAfterMinutes: null },
      });
      await newOccurrence(
        owner,
        clinic.id,
        assignmentId,
        couple.id,
        new Date('2026-11-02T18:00:00Z'),
      );
      await producer
        .get(TenantDb)
        .run({ clinicId: clinic.id }, (m) =>
          producer.get(ReminderPlanner).planClinic(m, clinic.id, new Date('2026-11-01T00:00:00Z')),
        );
      const status = async () =>
        (
          await asClinic<Array<{ status: string; attempts: number }>>(
            owner,
            clinic.id,
            `SELECT status, attempts FROM deliveries WHERE clinic_id = $1`,
            [clinic.id],
          )
        )[0];

      // The mail server keeps the worker waiting for its greeting: the send job stays active.
      relay.hold();
      const at = new Date('2026-11-02T17:00:00Z');
      expect((await producer.get(ReminderDispatcher).tick(at, [clinic.id])).sendsQueued).toBe(1);
      await waitFor('the worker to be mid-send', async () =>
        relay.waiting() > 0 ? true : undefined,
      );
      expect(await status()).toEqual({ status: 'sending', attempts: 1 });

      worker.kill('SIGTERM');
      await waitFor('the worker to begin shutting down', async () =>
        output.includes('SIGTERM: finishing active jobs') ? true : undefined,
      );
      // It has the signal, and waits for its job rather than exiting.
      expect({ code: worker.exitCode, signal: worker.signalCode }).toEqual({
        code: null,
        signal: null,
      });
      expect(await status()).toEqual({ status: 'sending', attempts: 1 });

      relay.release();
      const exit = await Promise.race([
        exited(worker),
        new Promise<'still running'>((resolve) =>
          setTimeout(() => resolve('still running'), EXIT_BOUND_MS).unref(),
        ),
      ]);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(await status()).toEqual({ status: 'sent', attempts: 1 });
      const received = (await sink.messages()).filter((m) => m.to.includes(partner.email));
      expect(received.map((m) => m.subject)).toEqual(['Reminder: an exercise is due soon']);
    } finally {
      relay.release();
      if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
      await exited(worker);
      await producer.close();
    }
  }, 60_000);
});
