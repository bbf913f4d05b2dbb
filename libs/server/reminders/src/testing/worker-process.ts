import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule, type AppConfig } from '@mend/server-config';
import { DatabaseModule } from '@mend/server-db';
import { JobsModule } from '@mend/server-jobs';
import { TenancyModule } from '@mend/server-tenancy';
import { ReminderDispatcher } from '../reminder-dispatcher.service';
import { ReminderPlanner } from '../reminder-planner.service';
import {
  DEFAULT_REMINDERS_OPTIONS,
  REMINDERS_OPTIONS,
  type RemindersOptions,
} from '../reminders.options';

const ROOT = join(__dirname, '../../../../..');

/** The planner and the tick without any job runner: a test's own producer side. */
export async function startProducer(
  config: AppConfig,
  options: Partial<RemindersOptions> = {},
): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule,
      JobsModule.forProducer(),
      TenancyModule,
    ],
    providers: [
      {
        provide: REMINDERS_OPTIONS,
        useValue: { ...DEFAULT_REMINDERS_OPTIONS, tickEveryMs: null, ...options },
      },
      ReminderPlanner,
      ReminderDispatcher,
    ],
  }).compile();
  const app = moduleRef.createNestApplication();
  await app.init();
  return app;
}

/** A reminder worker in a child process (worker-script.ts), resolved once it is ready. */
export function spawnWorker(
  config: AppConfig,
  leaseMs: number,
  concurrency = 5,
): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      '@swc-node/register',
      '-r',
      'tsconfig-paths/register',
      'libs/server/reminders/src/testing/worker-script.ts',
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
        ...(config.REDIS_CLUSTER_NODES ? { REDIS_CLUSTER_NODES: config.REDIS_CLUSTER_NODES } : {}),
        WORKER_HEALTH_PORT: '0',
        WORKER_CONCURRENCY: String(concurrency),
        REMINDER_LEASE_MS: String(leaseMs),
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
