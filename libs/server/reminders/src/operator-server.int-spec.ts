import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import type { INestApplicationContext } from '@nestjs/common';
import { testConfig } from '@mend/server-testing';
import { OperatorServer } from './operator-server.service';
import { startTestWorker } from './testing/test-worker';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** Whether a TCP connection to host:port is accepted. */
async function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** This machine's addresses other than loopback (IPv4), where an outsider could connect. */
function outsideAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal)
    .map((address) => address?.address ?? '');
}

describe('operator port: Prometheus metrics and the queue dashboard (real Redis)', () => {
  const password = 'correct horse battery staple';
  const metricsToken = 'scraper-token-of-at-least-thirty-two-chars';
  let worker: INestApplicationContext;
  let port: number;
  let base: string;

  beforeAll(async () => {
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    worker = await startTestWorker(
      testConfig({
        WORKER_HEALTH_PORT: String(port),
        OPERATOR_USER: 'operator',
        OPERATOR_PASSWORD: password,
        METRICS_TOKEN: metricsToken,
      }),
    );
  });

  afterAll(async () => {
    await worker.close();
  });

  it('listens on loopback only by default', async () => {
    expect(worker.get(OperatorServer).address).toBe('127.0.0.1');
    expect(await accepts('127.0.0.1', port)).toBe(true);
    for (const address of outsideAddresses()) expect(await accepts(address, port)).toBe(false);
  });

  it('listens where the operator says', async () => {
    const open = await freePort();
    const plain = await startTestWorker(
      testConfig({ WORKER_HEALTH_PORT: String(open), WORKER_HEALTH_HOST: '0.0.0.0' }),
    );
    try {
      expect(plain.get(OperatorServer).address).toBe('0.0.0.0');
    } finally {
      await plain.close();
    }
  });

  it('serves metrics to the operator credentials or the metrics token only', async () => {
    for (const authorization of [basic('operator', password), `Bearer ${metricsToken}`]) {
      expect((await fetch(`${base}/metrics`, { headers: { authorization } })).status).toBe(200);
    }
    for (const authorization of [
      undefined,
      basic('operator', 'wrong password of some length'),
      `Bearer ${metricsToken.slice(1)}x`,
      'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjbGluaWMifQ.signature',
    ]) {
      const response = await fetch(`${base}/metrics`, {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain('mend_queue_jobs');
    }
    // The metrics token opens nothing else.
    const board = await fetch(`${base}/queues/api/queues`, {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(board.status).toBe(401);
  });

  it('exports queue depth, lag and failures and delivery figures as Prometheus text', async () => {
    const response = await fetch(`${base}/metrics`, {
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('mend_queue_jobs{queue="reminders",state="waiting"}');
    expect(text).toContain('mend_queue_jobs{queue="reminders",state="failed"}');
    expect(text).toContain('mend_queue_lag_seconds{queue="reminders"}');
    expect(text).toContain('mend_reminder_oldest_unsent_due_seconds');
    expect(text).toMatch(/# TYPE mend_reminder_delivery_lag_seconds histogram/);
  });

  it('shows the dashboard to operators with their credentials only', async () => {
    const ok = await fetch(`${base}/queues`, {
      headers: { authorization: basic('operator', password) },
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<html');
    for (const authorization of [
      undefined,
      basic('operator', 'wrong password of some length'),
      basic('someone', password),
      'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjbGluaWMifQ.signature',
    ]) {
      const response = await fetch(`${base}/queues/api/queues`, {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toContain('Basic');
    }
  });

  it('has no dashboard without operator credentials, and no metrics without any credential', async () => {
    const other = await freePort();
    const plain = await startTestWorker(testConfig({ WORKER_HEALTH_PORT: String(other) }));
    try {
      const response = await fetch(`http://127.0.0.1:${other}/queues`, {
        headers: { authorization: basic('operator', password) },
      });
      expect(response.status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${other}/metrics`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('serves metrics to a scraper token alone, with no dashboard', async () => {
    const other = await freePort();
    const scraped = await startTestWorker(
      testConfig({ WORKER_HEALTH_PORT: String(other), METRICS_TOKEN: metricsToken }),
    );
    try {
      const metrics = (authorization?: string) =>
        fetch(`http://127.0.0.1:${other}/metrics`, {
          headers: authorization ? { authorization } : {},
        });
      expect((await metrics(`Bearer ${metricsToken}`)).status).toBe(200);
      expect((await metrics()).status).toBe(401);
      expect((await metrics(basic('operator', password))).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${other}/queues`)).status).toBe(404);
    } finally {
      await scraped.close();
    }
  });
});
