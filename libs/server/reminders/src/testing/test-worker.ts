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
 * cutting connections) and bring back, as an SMTP server that goes away and returns; which can
 * hold new connections before the server's greeting (a slow server); and which can refuse chosen
 * recipients, answering their RCPT TO itself as a mail server that will not take mail for one
 * address (while taking the rest) would.
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
  /**
   * After this many more whole messages, keep what clients send (a server that stops answering
   * mid-run), every connection at once.
   */
  pauseAfter(messages: number): void;
  /** Pass on what was kept, and everything after it. */
  resume(): void;
  /** Answers `RCPT TO:<address>` with `reply` (e.g. `550 5.1.1 No such user`); null lifts it. */
  refuse(address: string, reply: string | null): void;
  close(): Promise<void>;
}

interface RelayState {
  refusals: Map<string, string>;
  /** Messages passed on whole (up to their lone '.'), over all connections. */
  passed: number;
  /** Once this many messages have passed, the relay pauses by itself; null: never. */
  pauseAfter: number | null;
  /** Held back while paused: what each connection's client sent, in order. */
  paused: Array<[Socket, Buffer]> | null;
}

/**
 * Passes the client's SMTP commands upstream line by line, except a refused recipient's RCPT
 * TO, which is answered here. The message itself (after DATA, up to the lone '.') passes as it
 * is. nodemailer waits for each reply before its next command, so answers stay in order.
 */
function relayCommands(client: Socket, upstream: Socket, state: RelayState): void {
  let pending = '';
  let inMessage = false;
  const pass = (line: string) => {
    const bytes = Buffer.from(`${line}\r\n`, 'latin1');
    if (state.paused) state.paused.push([upstream, bytes]);
    else upstream.write(bytes);
  };
  client.on('data', (chunk: Buffer) => {
    pending += chunk.toString('latin1');
    for (let end = pending.indexOf('\r\n'); end >= 0; end = pending.indexOf('\r\n')) {
      const line = pending.slice(0, end);
      pending = pending.slice(end + 2);
      if (inMessage) {
        pass(line);
        inMessage = line !== '.';
        if (!inMessage && !state.paused && ++state.passed === state.pauseAfter) state.paused = [];
        continue;
      }
      const recipient = /^RCPT TO:\s*<([^>]*)>/i.exec(line)?.[1]?.toLowerCase();
      const refusal = recipient === undefined ? undefined : state.refusals.get(recipient);
      if (refusal !== undefined) {
        client.write(`${refusal}\r\n`);
        continue;
      }
      inMessage = /^DATA$/i.test(line);
      pass(line);
    }
  });
}

export async function startSmtpRelay(targetUrl: string): Promise<SmtpRelay> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const state: RelayState = { refusals: new Map(), passed: 0, pauseAfter: null, paused: null };
  let server: Server | undefined;
  let port = 0;
  let held: Socket[] | null = null;
  const relay = (client: Socket) => {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    relayCommands(client, upstream, state);
    upstream.pipe(client);
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
  const refuse = (address: string, reply: string | null) => {
    if (reply === null) state.refusals.delete(address.toLowerCase());
    else state.refusals.set(address.toLowerCase(), reply);
  };
  const pauseAfter = (messages: number) => {
    state.pauseAfter = state.passed + messages;
  };
  const resume = () => {
    const kept = state.paused ?? [];
    state.paused = null;
    state.pauseAfter = null;
    for (const [upstream, bytes] of kept) if (!upstream.destroyed) upstream.write(bytes);
  };
  await listen();
  return {
    url: `smtp://127.0.0.1:${port}`,
    down,
    up: listen,
    hold,
    release,
    waiting: () => held?.length ?? 0,
    pauseAfter,
    resume,
    refuse,
    close: down,
  };
}
