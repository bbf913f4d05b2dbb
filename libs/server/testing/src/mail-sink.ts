import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

/** A message as the sink received it over SMTP. */
export interface ReceivedMail {
  id: string;
  /** Addresses in the From header. */
  from: string[];
  /** Addresses in the To header. */
  to: string[];
  /** Every address the SMTP client gave in RCPT TO (includes Bcc). */
  envelopeTo: string[];
  subject: string;
  text: string;
  html: string;
  /** Header names in lower case. */
  headers: Record<string, string | string[]>;
}

export interface MailSink {
  /** Point SMTP_URL here. */
  smtpUrl: string;
  /** Everything received since start (or since the last clear), oldest first. */
  messages(): Promise<ReceivedMail[]>;
  /** The first message, already received or still to come, that matches. */
  waitForMessage(
    predicate: (mail: ReceivedMail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedMail>;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

// The parts of maildev 2's Node API used here (it ships no types).
interface ParsedAddress {
  address: string;
  name?: string;
}

interface MaildevMail {
  id: string;
  from?: ParsedAddress[];
  to?: ParsedAddress[];
  subject?: string;
  text?: string;
  html?: string;
  headers?: Record<string, string | string[]>;
  envelope: { to?: ParsedAddress[] };
}

interface MaildevServer {
  port: number;
  smtp: {
    server: { address(): AddressInfo | string | null };
    options: { closeTimeout?: number };
  };
  listen(): Promise<void>;
  close(callback: () => void): void;
  on(event: 'new', listener: (mail: MaildevMail) => void): void;
  off(event: 'new', listener: (mail: MaildevMail) => void): void;
}

type MaildevFactory = (config: {
  smtp: number;
  ip: string;
  mailDirectory: string;
  disableWeb: boolean;
  silent: boolean;
}) => MaildevServer;

function toReceived(mail: MaildevMail): ReceivedMail {
  const addresses = (list: ParsedAddress[] | undefined) => (list ?? []).map((a) => a.address);
  return {
    id: mail.id,
    from: addresses(mail.from),
    to: addresses(mail.to),
    envelopeTo: addresses(mail.envelope.to),
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: mail.html ?? '',
    headers: mail.headers ?? {},
  };
}

// maildev keeps its server and store in module state, so one sink per module registry (jest
// gives each test file its own) can run at a time.
let running = false;

/**
 * A real maildev SMTP server in this process, on a free port of 127.0.0.1, without its web UI.
 * Tests send through real SMTP and read back what arrived. Stop it in `afterAll`; close any
 * pooled SMTP client (e.g. the app's Mailer) first, or stop waits up to two seconds for it.
 */
export async function startMailSink(): Promise<MailSink> {
  if (running) throw new Error('a mail sink is already running in this test file; stop it first');
  running = true;

  // Loaded here rather than at the top: maildev pulls in jsdom, which most tests never need.
  const maildev = require('maildev') as MaildevFactory;
  const dir = mkdtempSync(join(tmpdir(), 'mend-maildev-'));
  const signalListenersBefore = {
    SIGTERM: new Set(process.listeners('SIGTERM')),
    SIGINT: new Set(process.listeners('SIGINT')),
  };
  const server = maildev({
    smtp: 1025,
    ip: '127.0.0.1',
    mailDirectory: dir,
    disableWeb: true,
    silent: true,
  });
  // maildev's entry point installs SIGTERM/SIGINT handlers that exit the process; a test
  // runner must not inherit them.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalListenersBefore[signal].has(listener)) process.off(signal, listener);
    }
  }
  // maildev treats port 0 as "use 1025"; set it after creation so the OS picks a free port.
  server.port = 0;
  // An idle pooled client would otherwise hold stop() for smtp-server's default 30 s.
  server.smtp.options.closeTimeout = 2_000;

  let received: ReceivedMail[] = [];
  const parsedIds = new Set<string>();
  interface Waiter {
    offer(mail: ReceivedMail): void;
    cancel(reason: Error): void;
  }
  const waiters = new Set<Waiter>();
  const onNew = (mail: MaildevMail) => {
    const message = toReceived(mail);
    parsedIds.add(message.id);
    received.push(message);
    for (const waiter of [...waiters]) waiter.offer(message);
  };
  server.on('new', onNew);

  try {
    await server.listen();
  } catch (error) {
    server.off('new', onNew);
    rmSync(dir, { recursive: true, force: true });
    running = false;
    throw error;
  }
  const address = server.smtp.server.address();
  if (address === null || typeof address === 'string') throw new Error('maildev did not listen');

  /**
   * maildev answers the SMTP client once it has stored the raw message (`<id>.eml`) and parses it
   * afterwards; wait until every stored message is parsed, so that a message whose send has
   * resolved is always listed.
   */
  const settle = async (timeoutMs = 2_000): Promise<boolean> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const stored = readdirSync(dir).filter((file) => file.endsWith('.eml'));
      if (stored.every((file) => parsedIds.has(file.slice(0, -'.eml'.length)))) return true;
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  let stopped: Promise<void> | undefined;

  return {
    smtpUrl: `smtp://127.0.0.1:${address.port}`,
    messages: async () => {
      await settle();
      return [...received];
    },
    waitForMessage: (predicate, timeoutMs = 5_000) =>
      new Promise<ReceivedMail>((resolve, reject) => {
        const already = received.find(predicate);
        if (already) {
          resolve(already);
          return;
        }
        const waiter: Waiter = {
          offer: (mail) => {
            if (!predicate(mail)) return;
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(mail);
          },
          cancel: (reason) => {
            clearTimeout(timer);
            waiters.delete(waiter);
            reject(reason);
          },
        };
        const timer = setTimeout(() => {
          const subjects = received.map((mail) => JSON.stringify(mail.subject)).join(', ');
          waiter.cancel(
            new Error(
              `no matching mail within ${timeoutMs} ms (received ${received.length}: ${subjects})`,
            ),
          );
        }, timeoutMs);
        waiters.add(waiter);
      }),
    clear: async () => {
      await settle();
      received = [];
    },
    stop: () => {
      stopped ??= new Promise<void>((resolve) => {
        for (const waiter of [...waiters]) waiter.cancel(new Error('the mail sink was stopped'));
        server.close(() => {
          void settle().then((settled) => {
            server.off('new', onNew);
            // maildev crashes the process if a message it is still parsing loses its file; in
            // that unlikely case the folder stays behind in the temp directory.
            if (settled) rmSync(dir, { recursive: true, force: true });
            running = false;
            resolve();
          });
        });
      });
      return stopped;
    },
  };
}

/** The token of the first one-time link (`…?token=…`) in an email's text. */
export function linkTokenFrom(text: string): string {
  const match = /token=([^\s"&<]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no link in: ${text}`);
  return decodeURIComponent(match[1]);
}
