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
  startScratchRedis,
  testConfig,
  waitFor,
  type MailSink,
  type ScratchRedis,
} from '@mend/server-testing';
import { ReminderDispatcher } from './reminder-dispatcher.service';
import { ReminderPlanner } from './reminder-planner.service';
import { startSmtpRelay, startTestWorker } from './testing/test-worker';
import { spawnWorker, startProducer } from './testing/worker-process';

describe('reminders survive a killed worker and a restarted Redis', () => {
  let owner: DataSource;
  let sink: MailSink;

  beforeAll(async () => {
    owner = await ownerDataSource();
    sink = await startMailSink();
  });

  afterAll(async () => {
    await sink.stop();
    await owner.destroy();
  });

  /** A clinic whose couples each owe one `each` exercise: two due-soon deliveries per couple. */
  async function dueBatch(couples: number, dueSoonAt: Date) {
    const clinic = await newClinic(owner);
    const emails: string[] = [];
    for (let i = 0; i < couples; i += 1) {
      const couple = await newCouple(owner, clinic.id, { timeZone: 'UTC' });
      for (const partner of [couple.partnerA, couple.partnerB]) {
        await setPreferences(owner, clinic.id, partner.id, {
          quietHoursStart: '00:00',
          quietHoursEnd: '00:00',
        });
        emails.push(partner.email);
      }
      const assignmentId = await newAssignment(owner, clinic.id, couple.id, {
        policy: { dueSoon: { kind: 'before_due', minutes: 60 }, overdueAfterMinutes: null },
      });
      await newOccurrence(
        owner,
        clinic.id,
        assignmentId,
        couple.id,
        new Date(dueSoonAt.getTime() + 3_600_000),
      );
    }
    return { clinicId: clinic.id, emails };
  }

  const statuses = (clinicId: string) =>
    asClinic<Array<{ id: string; status: string; recipient: string }>>(
      owner,
      clinicId,
      `SELECT d.id, d.status, u.email AS recipient FROM deliveries d
         JOIN users u ON u.clinic_id = d.clinic_id AND u.id = d.recipient_user_id
        WHERE d.clinic_id = $1`,
      [clinicId],
    );

  it('a worker killed with SIGKILL mid-batch: every delivery sent, none recorded twice', async () => {
    // Through a relay that stops passing mail on after the first five, so the kill lands
    // mid-run however fast the machine is.
    const relay = await startSmtpRelay(sink.smtpUrl);
    const config = testConfig({ SMTP_URL: relay.url });
    // Batches of ten: the SIGKILL test's worker then has several jobs to get through.
    const producer = await startProducer(config, { sendBatchSize: 10 });
    // Eight batches of ten, two at a time.
    const first = await spawnWorker(config, 3_000, 2);
    relay.pauseAfter(5);
    let second: ChildProcess | undefined;
    try {
      const at = new Date('2026-10-01T09:00:00Z');
      const { clinicId, emails } = await dueBatch(40, at);
      const db = producer.get(TenantDb);
      await db.run({ clinicId }, (m) =>
        producer.get(ReminderPlanner).planClinic(m, clinicId, new Date('2026-09-30T00:00:00Z')),
      );
      const mine = (await sink.messages()).length;
      expect(await producer.get(ReminderDispatcher).tick(at, [clinicId])).toMatchObject({
        sendsQueued: 80,
        sendJobsQueued: 8,
      });
      await waitFor('a first part of the batch to arrive', async () =>
        (await sink.messages()).length >= mine + 5 ? true : undefined,
      );
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      const atKill = await statuses(clinicId);
      const inFlight = new Set(
        atKill.filter((r) => r.status === 'sending').map((r) => r.recipient),
      );
      const deliveryOf = new Map(atKill.map((r) => [r.recipient, r.id]));
      expect(atKill.some((r) => r.status !== 'sent')).toBe(true);

      relay.resume();
      second = await spawnWorker(config, 3_000);
      // The tick re-finds what is unsent, including deliveries whose sender died (lease over);
      // jobs the dead worker held come back through BullMQ's stalled-job check (lock 30 s).
      const final = await waitFor(
        'every delivery sent after the restart',
        async () => {
          await producer.get(ReminderDispatcher).tick(at, [clinicId]);
          const rows = await statuses(clinicId);
          return rows.every((r) => r.status === 'sent') ? rows : undefined;
        },
        100_000,
      );
      expect(final).toHaveLength(80);
      await waitFor('the sink to settle', async () => {
        const got = (await sink.messages()).filter((m) => emails.includes(m.to[0] ?? ''));
        return got.length >= 80 ? got : undefined;
      });
      const received = (await sink.messages()).filter((m) => emails.includes(m.to[0] ?? ''));
      const perRecipient = new Map<string, number>();
      for (const mail of received) {
        const to = mail.to[0] ?? '';
        perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
      }
      // Nobody skipped; a second copy only where the kill fell between the SMTP server's
      // acceptance and the commit of `sent` (the delivery was `sending` at that moment), and
      // that copy carries the first one's Message-ID, made from the delivery id.
      expect([...perRecipient.keys()].sort()).toEqual([...emails].sort());
      for (const [to, count] of perRecipient) {
        if (count > 1)
          expect({ to, count, inFlight: inFlight.has(to) }).toEqual({
            to,
            count: 2,
            inFlight: true,
          });
      }
      for (const mail of received) {
        const to = mail.to[0] ?? '';
        expect(mail.headers['message-id']).toMatch(new RegExp(`^<${deliveryOf.get(to)}@`));
      }
      expect(received.length - 80).toBeLessThanOrEqual(inFlight.size);
      const notes = await asClinic<Array<{ n: number }>>(
        owner,
        clinicId,
        `SELECT count(*)::int AS n FROM notifications WHERE clinic_id = $1`,
        [clinicId],
      );
      expect(notes).toEqual([{ n: 80 }]);
    } finally {
      first.kill('SIGKILL');
      second?.kill('SIGTERM');
      if (second && second.exitCode === null) await new Promise((r) => second?.once('exit', r));
      await producer.close();
      await relay.close();
    }
  }, 180_000);

  it('Redis restarted under the worker: it reconnects by itself and catches up', async () => {
    let redis: ScratchRedis = await startScratchRedis(['--appendonly', 'yes']);
    const config = testConfig({
      SMTP_URL: sink.smtpUrl,
      REDIS_URL: redis.url,
      WORKER_HEALTH_PORT: '0',
    });
    const worker = await startTestWorker(config);
    const port = new URL(redis.url).port;
    try {
      const at = new Date('2026-10-02T09:00:00Z');
      const { clinicId, emails } = await dueBatch(3, at);
      const dispatcher = worker.get(ReminderDispatcher);
      const db = worker.get(TenantDb);
      await db.run({ clinicId }, (m) =>
        worker.get(ReminderPlanner).planClinic(m, clinicId, new Date('2026-10-01T00:00:00Z')),
      );
      // Redis goes away (and comes back empty on the same port): whatever it held is gone.
      await redis.stop();
      const { spawn: spawnProcess } = await import('node:child_process');
      const restarted = spawnProcess(
        'redis-server',
        ['--port', port, '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        { stdio: 'ignore' },
      );
      redis = {
        url: `redis://127.0.0.1:${port}`,
        stop: () =>
          new Promise((resolve) => {
            restarted.once('exit', () => resolve());
            restarted.kill('SIGTERM');
          }),
      };
      const queued = await waitFor(
        'the tick to reach the restarted Redis',
        async () => {
          try {
            return (await dispatcher.tick(at, [clinicId])).sendsQueued;
          } catch {
            return undefined;
          }
        },
        20_000,
      );
      expect(queued).toBe(6);
      await waitFor(
        'every delivery sent by the same worker process',
        async () => {
          const rows = await statuses(clinicId);
          return rows.every((r) => r.status === 'sent') ? true : undefined;
        },
        20_000,
      );
      const received = (await sink.messages()).filter((m) => emails.includes(m.to[0] ?? ''));
      expect(received).toHaveLength(6);
    } finally {
      await worker.close();
      await redis.stop();
    }
  }, 60_000);
});
