import { connect, createServer, type Server, type Socket } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ConfigModule, type AppConfig } from '@mend/server-config';
import { DatabaseModule } from '@mend/server-db';
import { JobsModule } from '@mend/server-jobs';
import { TenancyModule } from '@mend/server-tenancy';
import { ReminderJobsModule } from '../reminders.module';
import type { RemindersOptions } from '../reminders.options';

/**
 * A reminders worker in the test process (it handles the reminder jobs only), with the
 * scheduler off so the test drives the clock.
 */
export async function startTestWorker(
  config: AppConfig,
  options: Partial<RemindersOptions> = {},
): Promise<INestApplicationContext & { dataSource: DataSource }> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule,
      JobsModule.forWorker({ jobs: ['reminders.tick', 'reminders.plan', 'reminders.send'] }),
      TenancyModule,
      ReminderJobsModule.forWorker({ tickEveryMs: null, ...options }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication();
  await app.init();
  return Object.assign(app, { dataSource: app.get(DataSource) });
}

/**
 * A TCP relay in front of the mail sink on a fixed port, which a test can take down (refusing
 * and cutting connections) and bring back, as an SMTP server that goes away and returns.
 */
export interface SmtpRelay {
  url: string;
  down(): Promise<void>;
  up(): Promise<void>;
  /** From now on, accept connections but keep them waiting for the server's greeting. */
  hold(): void;
  /** Connect the waiting connections (and every later one) through to the server. */
  release(): void;
  /** How many connections are being kept waiting. */
  waiting(): number;
  close(): Promise<void>;
}

export async function startSmtpRelay(targetUrl: string): Promise<SmtpRelay> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  let held: Socket[] | null = null;
  const relay = (client: Socket) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
  };
  const listen = async () => {
    server = createServer((client) => {
      if (!held) return relay(client);
      const waiting = held;
      sockets.add(client);
      waiting.push(client);
      client.on('error', () => client.destroy());
      client.once('close', () => {
        sockets.delete(client);
        const index = waiting.indexOf(client);
        if (index >= 0) waiting.splice(index, 1);
      });
    });
    await new Promise<void>((resolve) => server?.listen(port, '127.0.0.1', resolve));
    const address = server.address();
    if (address && typeof address === 'object') port = address.port;
  };
  const down = async () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  };
  const hold = () => {
    held ??= [];
  };
  const release = () => {
    const waiting = held ?? [];
    held = null;
    for (const client of waiting) relay(client);
  };
  await listen();
  return {
    url: `smtp://127.0.0.1:${port}`,
    down,
    up: listen,
    hold,
    release,
    waiting: () => held?.length ?? 0,
    close: down,
  };
}
