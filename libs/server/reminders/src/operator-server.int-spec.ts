import { createServer } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { testConfig } from '@mend/server-testing';
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

describe('operator port: Prometheus metrics and the queue dashboard (real Redis)', () => {
  const password = 'correct horse battery staple';
  let worker: INestApplicationContext;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    worker = await startTestWorker(
      testConfig({
        WORKER_HEALTH_PORT: String(port),
        OPERATOR_USER: 'operator',
        OPERATOR_PASSWORD: password,
      }),
    );
  });

  afterAll(async () => {
    await worker.close();
  });

  it('exports queue depth, lag and failures and delivery figures as Prometheus text', async () => {
    const response = await fetch(`${base}/metrics`);
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

  it('has no dashboard when operator credentials are not configured', async () => {
    const port = await freePort();
    const plain = await startTestWorker(testConfig({ WORKER_HEALTH_PORT: String(port) }));
    try {
      const response = await fetch(`http://127.0.0.1:${port}/queues`, {
        headers: { authorization: basic('operator', password) },
      });
      expect(response.status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});
