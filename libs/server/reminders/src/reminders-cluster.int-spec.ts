import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  asClinic,
  newAssignment,
  newClinic,
  newCouple,
  newOccurrence,
  ownerDataSource,
  setPreferences,
  startMailSink,
  startScratchRedisCluster,
  testConfig,
  waitFor,
  type MailSink,
  type ScratchRedisCluster,
  type TestCouple,
} from '@mend/server-testing';
import { ReminderDispatcher } from './reminder-dispatcher.service';
import { spawnWorker, startProducer } from './testing/worker-process';

/**
 * Reminders end to end on a three-primary Redis Cluster: the planning and sending jobs go
 * through BullMQ queues whose keys share one slot (a hash-tagged prefix), and the primary that
 * holds that slot is killed and brought back. See docs/scale-out.md for what this shows. The
 * worker runs as its own process (as in production), the producer (the tick) in this one.
 */
describe('reminders on a Redis Cluster (real redis-server cluster, PostgreSQL and SMTP)', () => {
  let cluster: ScratchRedisCluster;
  let owner: DataSource;
  let sink: MailSink;
  let producer: INestApplicationContext;
  let worker: ChildProcess;
  let dispatcher: ReminderDispatcher;
  const prefix = `{mend-cluster-${randomUUID().slice(0, 8)}}`;

  beforeAll(async () => {
    cluster = await startScratchRedisCluster();
    owner = await ownerDataSource();
    sink = await startMailSink();
    const config = testConfig({
      REDIS_CLUSTER_NODES: cluster.nodes,
      QUEUE_PREFIX: prefix,
      // Every primary runs with AOF and noeviction: the worker's durability check passes.
      REDIS_REQUIRE_DURABLE: 'true',
      SMTP_URL: sink.smtpUrl,
      WORKER_HEALTH_PORT: '0',
    });
    producer = await startProducer(config);
    dispatcher = producer.get(ReminderDispatcher);
    worker = await spawnWorker(config, 120_000);
  });

  afterAll(async () => {
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      // A worker whose blocking connection went through a primary's death may not finish a
      // graceful close (docs/scale-out.md); the test does not wait for it forever.
      const closed = await Promise.race([
        exited.then(() => true),
        new Promise((resolve) => setTimeout(() => resolve(false), 10_000)),
      ]);
      if (!closed) {
        worker.kill('SIGKILL');
        await exited;
      }
    }
    await producer?.close();
    await sink?.stop();
    await owner?.destroy();
    await cluster?.stop();
  });

  async function coupleDue(dueAt: Date): Promise<{ clinicId: string; couple: TestCouple }> {
    const clinic = await newClinic(owner);
    const couple = await newCouple(owner, clinic.id, { timeZone: 'UTC' });
    for (const partner of [couple.partnerA, couple.partnerB]) {
      await setPreferences(owner, clinic.id, partner.id, { timeZone: 'UTC' });
    }
    const assignmentId = await newAssignment(owner, clinic.id, couple.id, {
      policy: { dueSoon: { kind: 'before_due', minutes: 60 }, overdueAfterMinutes: null },
    });
    await newOccurrence(owner, clinic.id, assignmentId, couple.id, dueAt);
    return { clinicId: clinic.id, couple };
  }

  const deliveries = (clinicId: string) =>
    asClinic<Array<{ status: string; attempts: number }>>(
      owner,
      clinicId,
      `SELECT status, attempts FROM deliveries WHERE clinic_id = $1 ORDER BY id`,
      [clinicId],
    );

  /** A planning tick (a plan job through the queue), then a sending tick once they are due. */
  async function planAndSend(clinicId: string, dueAt: Date): Promise<void> {
    await dispatcher.tick(new Date(dueAt.getTime() - 86_400_000), [clinicId]);
    await waitFor(
      'two planned deliveries',
      async () => ((await deliveries(clinicId)).length === 2 ? true : undefined),
      40_000,
    );
    const summary = await dispatcher.tick(new Date(dueAt.getTime() - 3_600_000), [clinicId]);
    expect(summary.sendsQueued).toBe(2);
    await waitFor('both sent', async () => {
      const rows = await deliveries(clinicId);
      return rows.every((row) => row.status === 'sent') ? rows : undefined;
    });
  }

  async function mailsTo(couple: TestCouple): Promise<number[]> {
    const mails = await sink.messages();
    return [couple.partnerA.email, couple.partnerB.email].map(
      (email) => mails.filter((mail) => mail.to.includes(email)).length,
    );
  }

  it('plans and sends reminders through queues on the cluster, each exactly once', async () => {
    const { clinicId, couple } = await coupleDue(new Date('2026-10-05T18:00:00Z'));
    await planAndSend(clinicId, new Date('2026-10-05T18:00:00Z'));
    expect(await deliveries(clinicId)).toEqual([
      { status: 'sent', attempts: 1 },
      { status: 'sent', attempts: 1 },
    ]);
    expect(await mailsTo(couple)).toEqual([1, 1]);
  });

  it('refuses work while the queues’ primary is down, and recovers by itself once it is back', async () => {
    const queuesPrimary = cluster.primaryOf(prefix);
    const dueAt = new Date('2026-10-06T18:00:00Z');
    const { clinicId, couple } = await coupleDue(dueAt);
    await cluster.kill(queuesPrimary);
    // Without replicas nothing takes the slot over: a tick cannot queue and fails once the
    // client has used up its redirections (the scheduler's next tick tries again).
    await expect(
      dispatcher.tick(new Date(dueAt.getTime() - 86_400_000), [clinicId]),
    ).rejects.toThrow();
    expect(await deliveries(clinicId)).toEqual([]);
    // Back from its own files: the same client and the worker's blocking connections find it
    // again without a restart, and the reminders go out exactly once.
    await cluster.restart(queuesPrimary);
    await planAndSend(clinicId, dueAt);
    expect(await deliveries(clinicId)).toEqual([
      { status: 'sent', attempts: 1 },
      { status: 'sent', attempts: 1 },
    ]);
    expect(await mailsTo(couple)).toEqual([1, 1]);
  });
});
