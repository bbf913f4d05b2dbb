import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import type { DataSource, QueryRunner } from 'typeorm';
import type { AppConfig } from '@mend/server-config';
import { QueueRegistry } from '@mend/server-jobs';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  startMailSink,
  testConfig,
  waitFor,
  type MailSink,
} from '@mend/server-testing';
import { ReportsService } from './reports.service';
import { startReportsApp } from './testing/worker-app';

const ROOT = join(__dirname, '../../../..');

/** A reports worker in a child process (testing/worker-script.ts), resolved once it is ready. */
function spawnWorker(config: AppConfig): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      '-r',
      'tsconfig-paths/register',
      'libs/server/reports/src/testing/worker-script.ts',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        SWC_NODE_PROJECT: 'tools/tsconfig.swc-node.json',
        TS_NODE_PROJECT: 'tsconfig.base.json',
        QUEUE_PREFIX: config.QUEUE_PREFIX,
        SMTP_URL: config.SMTP_URL,
        REDIS_URL: config.REDIS_URL,
        WORKER_HEALTH_PORT: '0',
      },
    },
  );
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${stderr}`)));
  });
}

describe('a reports worker killed with SIGKILL mid-build (a real child process)', () => {
  let owner: DataSource;
  let sink: MailSink;
  let producer: INestApplication;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    owner = await ownerDataSource();
    sink = await startMailSink();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await producer.get(QueueRegistry).queue('reports').obliterate({ force: true });
    await producer.close();
    await sink.stop();
    await owner.destroy();
  });

  it('completes the report after a restart, with one file and one email', async () => {
    const config = testConfig({ SMTP_URL: sink.smtpUrl });
    producer = await startReportsApp(config, { worker: false });
    const clinic = await newClinic(owner);
    const admin = await newUser(owner, clinic.id, 'clinic_admin');
    for (let i = 0; i < 3; i += 1) await newCouple(owner, clinic.id);
    await asClinic(
      owner,
      clinic.id,
      `UPDATE couples SET created_at = '2025-01-01' WHERE clinic_id = $1`,
      [clinic.id],
    );

    // Files are written inside the build's transaction: holding a SHARE lock on their table
    // stops the first worker there, mid-build, with its report claimed.
    const blocker: QueryRunner = owner.createQueryRunner();
    await blocker.startTransaction();
    await blocker.query('LOCK TABLE report_files IN SHARE MODE');
    let first: ChildProcess | undefined;
    try {
      first = await spawnWorker(config);
      children.push(first);
      const report = await producer
        .get(ReportsService)
        .requestMonthly(
          { clinicId: clinic.id, userId: admin.id, role: 'clinic_admin', sessionId: 'test' },
          { month: '2025-03' },
        );
      await waitFor(
        'the first worker to wait on the file table, mid-build',
        async () => {
          const [row] = await owner.query<Array<{ waiting: number }>>(
            `SELECT count(*)::int AS waiting FROM pg_locks l
              JOIN pg_class c ON c.oid = l.relation
             WHERE c.relname = 'report_files' AND NOT l.granted`,
          );
          return (row?.waiting ?? 0) > 0 ? true : undefined;
        },
        30_000,
      );
      first.kill('SIGKILL');
      await new Promise((resolve) => first?.once('exit', resolve));
      await blocker.commitTransaction();

      const second = await spawnWorker(config);
      children.push(second);
      // BullMQ hands the dead worker's job on once its lock has expired (about 30 s).
      await waitFor(
        'the report to be built by the second worker',
        async () => {
          const [row] = await asClinic<Array<{ status: string }>>(
            owner,
            clinic.id,
            `SELECT status FROM reports WHERE clinic_id = $1 AND id = $2`,
            [clinic.id, report.id],
          );
          return row?.status === 'ready' ? row : undefined;
        },
        120_000,
      );
      const parts = await asClinic<Array<{ format: string; part: number; bytes: Buffer }>>(
        owner,
        clinic.id,
        `SELECT format, part, bytes FROM report_files WHERE clinic_id = $1 AND report_id = $2
          ORDER BY format, part`,
        [clinic.id, report.id],
      );
      expect(parts.map((p) => `${p.format}:${p.part}`)).toEqual(['csv:0', 'pdf:0']);
      const csv = parts[0]?.bytes.toString('utf8').slice(1) ?? '';
      expect(parse(csv, { columns: true })).toHaveLength(3);
      const [count] = await asClinic<Array<{ reports: number }>>(
        owner,
        clinic.id,
        `SELECT count(*)::int AS reports FROM reports WHERE clinic_id = $1`,
        [clinic.id],
      );
      expect(count?.reports).toBe(1);
      await sink.waitForMessage((m) => m.to.includes(admin.email));
      expect((await sink.messages()).filter((m) => m.to.includes(admin.email))).toHaveLength(1);
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
  }, 180_000);
});
