/**
 * Reminder throughput and lag, printed as figures (never a timed test).
 *
 *   MEND_TEST_DATABASE=mend_test_reminders node bench/reminders/run.mjs [N] [--email-share=0.1]
 *
 * WORKER_CONCURRENCY (default 50) sets the sender's and the baseline's concurrency,
 * BENCH_SMTP_CONNECTIONS (default 10) the SMTP pool's size.
 *
 * Phase 1 (burst): N due-soon deliveries all due at the same instant are planned, queued by one
 * tick and sent through the real worker code (in-app for all, email through a local SMTP sink
 * in a process of its own for a share); throughput and due→sent lag. Phase 2 (steady):
 * deliveries due at half the burst throughput for 20 s, ticked like production (lookahead,
 * delayed jobs); p50/p99 lag. Baseline: a no-op BullMQ worker on the same Redis with the same
 * concurrency. Ends with a summary, including the machine's load average: figures taken on a
 * shared machine are only comparable with figures taken under a similar load.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { createTransport } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { setTenant } from '@mend/server-db';
import { TenantDb } from '@mend/server-tenancy';
import { ownerDataSource, testConfig, waitFor, anyExerciseVersion } from '@mend/server-testing';
import { smtpPoolOptions } from '@mend/server-mail';
import { ReminderDispatcher, ReminderPlanner } from '@mend/server-reminders';
import { startTestWorker } from '../../libs/server/reminders/src/testing/test-worker';

const args = process.argv.slice(2);
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const EMAIL_SHARE = Number(
  args.find((a) => a.startsWith('--email-share='))?.split('=')[1] ?? '0.1',
);
const CONCURRENCY = process.env.WORKER_CONCURRENCY ?? '50';
const SMTP_CONNECTIONS = process.env.BENCH_SMTP_CONNECTIONS ?? '10';
const PER_CLINIC = 10_000;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function load(): string {
  return loadavg()
    .map((figure) => figure.toFixed(2))
    .join(' ');
}

interface SinkProcess {
  smtpUrl: string;
  count(): Promise<number>;
  stop(): Promise<void>;
}

/** bench/reminders/mail-sink.ts as a child process (see there). */
async function startSinkProcess(): Promise<SinkProcess> {
  const child = fork(join(__dirname, 'mail-sink.ts'), [], {
    execArgv: ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>(key: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: unknown) => {
        if (typeof message !== 'object' || message === null || !(key in message)) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve((message as Record<string, T>)[key] as T);
      };
      const onExit = (code: number | null) => reject(new Error(`mail sink exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const smtpUrl = await next<string>('smtpUrl');
  return {
    smtpUrl,
    count: () => {
      const answer = next<number>('count');
      child.send('count');
      return answer;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

/**
 * How fast the sink takes mail at all: `count` plain messages through a pool like the
 * sender's, all queued at once. With an email share, this bounds the sender's throughput.
 */
async function smtpBaseline(smtpUrl: string, count: number): Promise<number> {
  const transport = createTransport(smtpPoolOptions(smtpUrl));
  const start = Date.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      transport.sendMail({
        from: 'bench@mend.test',
        to: `smtp-baseline-${i}@example.test`,
        subject: 'SMTP baseline',
        text: 'A message the size of a short reminder. '.repeat(40),
      }),
    ),
  );
  const rate = count / ((Date.now() - start) / 1000);
  transport.close();
  return rate;
}

/** Couples (each partner a delivery) whose due-soon nudges fall at `dueSoonAt(i)`. */
async function seed(
  owner: DataSource,
  count: number,
  dueSoonAt: (i: number) => Date,
): Promise<string[]> {
  const clinicIds: string[] = [];
  for (let offset = 0; offset < count; offset += PER_CLINIC) {
    const size = Math.min(PER_CLINIC, count - offset);
    const couples = Math.ceil(size / 2);
    const clinicId = randomUUID();
    clinicIds.push(clinicId);
    const dueAts = Array.from({ length: couples }, (_, i) =>
      new Date(dueSoonAt(offset + i * 2).getTime() + 3_600_000).toISOString(),
    );
    await owner.transaction(async (m) => {
      await setTenant(m, { clinicId: clinicId });
      await m.query(`INSERT INTO clinics (id, name) VALUES ($1, 'Bench clinic')`, [clinicId]);
    });
    const versionId = await anyExerciseVersion(owner, clinicId);
    await owner.transaction(async (m) => {
      await setTenant(m, { clinicId: clinicId });
      await m.query(
        `INSERT INTO users (clinic_id, id, email, display_name, role, status, time_zone,
                            quiet_hours_start, quiet_hours_end, email_reminders)
         SELECT $1, gen_random_uuid(), 'bench-' || g || '-' || $2 || '@example.test', 'Bench',
                'client', 'active', 'UTC', '00:00', '00:00', $4 > 0 AND (g % $4) = 0
           FROM generate_series(1, $3) g`,
        // Every k-th partner takes email; k = 0: nobody (an in-app-only run).
        [
          clinicId,
          clinicId.slice(0, 8),
          couples * 2,
          EMAIL_SHARE > 0 ? Math.round(1 / EMAIL_SHARE) : 0,
        ],
      );
      await m.query(
        `WITH u AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM users
                     WHERE clinic_id = $1),
              c AS (INSERT INTO couples (clinic_id, label, status, time_zone)
                    SELECT $1, 'Bench ' || g, 'active', 'UTC' FROM generate_series(0, $2 - 1) g
                    RETURNING id),
              cn AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM c),
              p AS (INSERT INTO couple_partners (clinic_id, couple_id, seat, user_id)
                    SELECT $1, cn.id, CASE WHEN u.n % 2 = 0 THEN 'a'::partner_seat
                                           ELSE 'b'::partner_seat END, u.id
                      FROM cn JOIN u ON u.n / 2 = cn.n RETURNING couple_id),
              a AS (INSERT INTO assignments (clinic_id, couple_id, exercise_version_id,
                                             completion_mode, schedule, reminder_policy)
                    SELECT $1, cn.id, $3, 'each', '{}'::jsonb,
                           '{"dueSoon":{"kind":"before_due","minutes":60},"overdueAfterMinutes":null}'
                      FROM cn RETURNING id, couple_id),
              an AS (SELECT a.id, a.couple_id, cn.n FROM a JOIN cn ON cn.id = a.couple_id)
         INSERT INTO occurrences (clinic_id, assignment_id, couple_id, local_date, due_at)
         SELECT $1, an.id, an.couple_id, '2030-01-01', ($4::timestamptz[])[an.n + 1] FROM an`,
        [clinicId, couples, versionId, dueAts],
      );
    });
  }
  return clinicIds;
}

async function main(): Promise<void> {
  const owner = await ownerDataSource();
  const loadAtStart = load();
  const sink = await startSinkProcess();
  const config = testConfig({
    SMTP_URL: `${sink.smtpUrl}?maxConnections=${SMTP_CONNECTIONS}`,
    WORKER_HEALTH_PORT: '0',
    WORKER_CONCURRENCY: CONCURRENCY,
    DATABASE_POOL_SIZE: '30',
  });
  const redisUrl = config.REDIS_URL;
  const { Redis } = await import('ioredis');
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`reminders bench: N=${N}, email share=${EMAIL_SHARE}, concurrency=${CONCURRENCY}`);

  // Baseline: a no-op BullMQ worker, same Redis, same concurrency, same job count.
  const noop = new Queue('bench-noop', { connection, prefix: config.QUEUE_PREFIX });
  const jobs = Array.from({ length: N }, (_, i) => ({
    name: 'noop',
    data: { clinicId: randomUUID(), i },
    opts: { jobId: `noop.${i}`, removeOnComplete: { count: 1000 } },
  }));
  for (let i = 0; i < jobs.length; i += 5000) await noop.addBulk(jobs.slice(i, i + 5000));
  let done = 0;
  const baselineStart = Date.now();
  const noopWorker = new Worker('bench-noop', async () => undefined, {
    connection: new Redis(redisUrl, { maxRetriesPerRequest: null }),
    prefix: config.QUEUE_PREFIX,
    concurrency: Number(CONCURRENCY),
  });
  noopWorker.on('completed', () => (done += 1));
  await waitFor('the no-op worker', async () => (done >= N ? true : undefined), 600_000);
  const baseline = N / ((Date.now() - baselineStart) / 1000);
  await noopWorker.close();
  await noop.obliterate({ force: true });
  await noop.close();
  out(`baseline no-op BullMQ worker: ${baseline.toFixed(0)} jobs/s`);
  const baselineMails = Math.max(50, Math.round(N * EMAIL_SHARE));
  const mailRate = await smtpBaseline(config.SMTP_URL, baselineMails);
  out(`baseline SMTP sink: ${mailRate.toFixed(0)} mails/s through the same pool`);

  // Phase 1: burst.
  const seedStart = Date.now();
  const burstAt = new Date(Date.now() + 10 * 60_000);
  const burstClinics = await seed(owner, N, () => burstAt);
  out(`seeded ${N} partners' occurrences in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);

  const worker = await startTestWorker(config, { lookaheadMs: 0 });
  const db = worker.get(TenantDb);
  const planner = worker.get(ReminderPlanner);
  const dispatcher = worker.get(ReminderDispatcher);
  const planStart = Date.now();
  let planned = 0;
  for (const clinicId of burstClinics) {
    const summary = await db.run({ clinicId }, (m) => planner.planClinic(m, clinicId, new Date()));
    planned += summary.deliveries;
  }
  const planSeconds = (Date.now() - planStart) / 1000;
  out(
    `planned ${planned} deliveries in ${planSeconds.toFixed(1)} s (${(planned / planSeconds).toFixed(0)}/s)`,
  );

  const counts = async (clinicIds: string[]) => {
    const [row] = await owner.query(
      `SELECT count(*) FILTER (WHERE status = 'sent')::int AS sent,
              count(*) FILTER (WHERE email_sent_at IS NOT NULL)::int AS emailed,
              count(*)::int AS total
         FROM deliveries WHERE clinic_id = ANY ($1) AND kind = 'due_soon'`,
      [clinicIds],
    );
    return row as { sent: number; emailed: number; total: number };
  };
  // Time travel is not possible for BullMQ's own clock, so the burst is "due now": the tick
  // runs with its clock at the burst instant and the sends start at once.
  const tickStart = Date.now();
  const { sendsQueued } = await dispatcher.tick(burstAt, burstClinics);
  const tickSeconds = (Date.now() - tickStart) / 1000;
  await waitFor(
    'every burst delivery sent',
    async () => ((await counts(burstClinics)).sent >= N ? true : undefined),
    1_800_000,
  );
  const burstSeconds = (Date.now() - tickStart) / 1000;
  const burstLag: number[] = (
    await owner.query(
      `SELECT extract(epoch FROM sent_at)::float8 - $2::float8 AS lag FROM deliveries
        WHERE clinic_id = ANY ($1) AND kind = 'due_soon' ORDER BY 1`,
      [burstClinics, tickStart / 1000],
    )
  ).map((r: { lag: number }) => r.lag);
  const burst = await counts(burstClinics);
  const throughput = N / burstSeconds;
  out(`burst: ${sendsQueued} queued by one tick in ${tickSeconds.toFixed(2)} s`);
  out(
    `burst: ${burst.sent}/${burst.total} sent (${burst.emailed} also by email) in ` +
      `${burstSeconds.toFixed(2)} s = ${throughput.toFixed(0)} deliveries/s ` +
      `(${(throughput / baseline).toFixed(2)}x the no-op baseline)`,
  );
  out(
    `burst: lag from due to sent p50 ${percentile(burstLag, 50).toFixed(2)} s, ` +
      `p99 ${percentile(burstLag, 99).toFixed(2)} s, max ${percentile(burstLag, 100).toFixed(2)} s`,
  );

  // Phase 2: steady, at half the burst throughput for 20 s, ticked each second with lookahead.
  const rate = Math.max(10, Math.floor(throughput / 2));
  const steadyN = Math.min(N, rate * 20);
  const steadyStart = Date.now() + 15_000;
  const steadyClinics = await seed(
    owner,
    steadyN,
    (i) => new Date(steadyStart + Math.floor((i / rate) * 1000)),
  );
  for (const clinicId of steadyClinics) {
    await db.run({ clinicId }, (m) => planner.planClinic(m, clinicId, new Date()));
  }
  const tickEvery = await tickEverySecond(dispatcher, steadyClinics, steadyStart, steadyN, counts);
  const steadyRows: Array<{ lag: number; emailed: boolean }> = await owner.query(
    `SELECT extract(epoch FROM d.sent_at - d.due_at)::float8 AS lag,
            d.email_sent_at IS NOT NULL AS emailed
       FROM deliveries d
      WHERE d.clinic_id = ANY ($1) AND d.kind = 'due_soon' ORDER BY 1`,
    [steadyClinics],
  );
  const steadyLag = steadyRows.map((r) => r.lag);
  const lagOf = (emailed: boolean) =>
    steadyRows.filter((r) => r.emailed === emailed).map((r) => r.lag);
  out(
    `steady: ${steadyN} deliveries at ${rate}/s (ticks every ${tickEvery / 1000} s, delayed jobs): ` +
      `lag p50 ${percentile(steadyLag, 50).toFixed(3)} s, p99 ${percentile(steadyLag, 99).toFixed(3)} s; ` +
      `in-app only p50 ${percentile(lagOf(false), 50).toFixed(3)} s, p99 ${percentile(lagOf(false), 99).toFixed(3)} s; ` +
      `emailed p50 ${percentile(lagOf(true), 50).toFixed(3)} s, p99 ${percentile(lagOf(true), 99).toFixed(3)} s`,
  );

  const mails = (await sink.count()) - baselineMails;
  out(
    `mail sink received ${mails} messages; deliveries emailed ${burst.emailed + (await counts(steadyClinics)).emailed}`,
  );
  const seconds = (figure: number, digits = 2) => `${figure.toFixed(digits)} s`;
  out('');
  out(
    `summary: N=${N}, concurrency ${CONCURRENCY}, email share ${EMAIL_SHARE}, ` +
      `${SMTP_CONNECTIONS} SMTP connections`,
  );
  out(`  no-op BullMQ baseline      ${baseline.toFixed(0)} jobs/s`);
  out(
    `  SMTP sink baseline         ${mailRate.toFixed(0)} mails/s ` +
      `(so ${((N * EMAIL_SHARE) / mailRate).toFixed(1)} s for the burst's emails alone)`,
  );
  out(
    `  sender                     ${throughput.toFixed(0)} deliveries/s = ` +
      `${(throughput / baseline).toFixed(2)}x the baseline (target >= 0.5x)`,
  );
  out(`  burst: all sent in         ${seconds(burstSeconds)} (target for 10,000: <= 10 s)`);
  out(
    `  burst lag p50 / p99        ${seconds(percentile(burstLag, 50))} / ${seconds(percentile(burstLag, 99))}`,
  );
  out(
    `  steady lag p50 / p99       ${seconds(percentile(steadyLag, 50), 3)} / ` +
      `${seconds(percentile(steadyLag, 99), 3)} at ${rate}/s (target p99 <= 1 s)`,
  );
  out(
    `  load average (1/5/15 min)  ${loadAtStart} at start, ${load()} at the end, ` +
      `on ${cpus().length} cores shared with other work`,
  );
  await worker.close();
  await sink.stop();
  connection.disconnect();
  await owner.destroy();
}

/**
 * Production-like ticking, once a second at a fixed rate, each tick queueing what falls due
 * within one and a half periods (as the worker's default lookahead does).
 */
async function tickEverySecond(
  dispatcher: ReminderDispatcher,
  clinics: string[],
  start: number,
  count: number,
  counts: (ids: string[]) => Promise<{ sent: number }>,
): Promise<number> {
  const every = 1000;
  while (Date.now() < start - every) await new Promise((r) => setTimeout(r, 100));
  for (let next = Date.now(); ; next += every) {
    await dispatcher.queueDue(new Date(), clinics, every * 1.5);
    if ((await counts(clinics)).sent >= count) break;
    await new Promise((r) => setTimeout(r, Math.max(0, next + every - Date.now())));
  }
  return every;
}

main()
  // Nest's and maildev's handles can outlive close(); the figures are printed, so stop here.
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
