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
 * A relay in front of the mail sink on a fixed port, which a test can take down (refusing and
 * cutting connections) and bring back, as an SMTP server that goes away and returns; and which
 * can refuse chosen recipients, answering their RCPT TO itself as a mail server that will not
 * take mail for one address (while taking the rest) would.
 */
export interface SmtpRelay {
  url: string;
  down(): Promise<void>;
  up(): Promise<void>;
  /** Answers `RCPT TO:<address>` with `reply` (e.g. `550 5.1.1 No such user`); null lifts it. */
  refuse(address: string, reply: string | null): void;
  close(): Promise<void>;
}

/**
 * Passes the client's SMTP commands upstream line by line, except a refused recipient's RCPT
 * TO, which is answered here. The message itself (after DATA, up to the lone '.') passes as it
 * is. nodemailer waits for each reply before its next command, so answers stay in order.
 */
function relayCommands(client: Socket, upstream: Socket, refusals: Map<string, string>): void {
  let pending = '';
  let inMessage = false;
  client.on('data', (chunk: Buffer) => {
    pending += chunk.toString('latin1');
    let forward = '';
    for (let end = pending.indexOf('\r\n'); end >= 0; end = pending.indexOf('\r\n')) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 2);
      if (inMessage) {
        inMessage = line !== '.';
      } else {
        const recipient = /^RCPT TO:\s*<([^>]*)>/i.exec(line)?.[1]?.toLowerCase();
        const refusal = recipient === undefined ? undefined : refusals.get(recipient);
        if (refusal !== undefined) {
          client.write(`${refusal}\r\n`);
          continue;
        }
        inMessage = /^DATA$/i.test(line);
      }
      forward += `${line}\r\n`;
    }
    if (forward) upstream.write(Buffer.from(forward, 'latin1'));
  });
}

export async function startSmtpRelay(targetUrl: string): Promise<SmtpRelay> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const refusals = new Map<string, string>();
  let server: Server | undefined;
  let port = 0;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      sockets.add(client).add(upstream);
      relayCommands(client, upstream, refusals);
      upstream.pipe(client);
      const drop = () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(client);
        sockets.delete(upstream);
      };
      client.on('error', drop).on('close', drop);
      upstream.on('error', drop).on('close', drop);
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
  const refuse = (address: string, reply: string | null) => {
    if (reply === null) refusals.delete(address.toLowerCase());
    else refusals.set(address.toLowerCase(), reply);
  };
  await listen();
  return { url: `smtp://127.0.0.1:${port}`, down, up: listen, refuse, close: down };
}
