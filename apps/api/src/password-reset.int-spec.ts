import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { QueueRegistry } from '@mend/server-jobs';
import {
  asClinic,
  linkTokenFrom,
  newClinic,
  newUser,
  ownerDataSource,
  startMailSink,
  waitFor,
  type MailSink,
} from '@mend/server-testing';
import { startAccountWorker } from './testing/account-worker';
import { startTestApi, type TestApi } from './testing/test-api';

/**
 * The API answers a reset request before any mail work: it only queues the request. The worker
 * finds the accounts and mails each link once (real Redis, PostgreSQL and SMTP).
 */
describe('password reset mail goes through the queue', () => {
  let api: TestApi;
  let sink: MailSink;
  let owner: DataSource;
  let worker: INestApplicationContext | undefined;

  const requestReset = (email: string) =>
    api.request('POST', '/auth/password-reset', { body: { email } });

  beforeAll(async () => {
    sink = await startMailSink();
    owner = await ownerDataSource();
    api = await startTestApi({ SMTP_URL: sink.smtpUrl });
  });

  afterAll(async () => {
    await worker?.close();
    await api.app.get(QueueRegistry).queue('system').obliterate({ force: true });
    await api.close();
    await sink.stop();
    await owner.destroy();
  });

  it('answers 202 with the request queued and no mail sent; the worker then mails the link', async () => {
    const clinic = await newClinic(owner);
    const person = await newUser(owner, clinic.id, 'client');
    const response = await requestReset(person.email);
    expect(response.status).toBe(202);

    // No worker yet: the request waits in the queue, and nothing was issued or sent.
    const waiting = await api.app.get(QueueRegistry).queue('system').getJobs(['waiting']);
    expect(waiting.map((job) => [job.name, job.data.email])).toEqual([
      ['accounts.password-reset', person.email],
    ]);
    expect(await sink.messages()).toHaveLength(0);
    const tokens = await asClinic<unknown[]>(
      owner,
      clinic.id,
      `SELECT 1 FROM user_tokens WHERE clinic_id = $1 AND user_id = $2`,
      [clinic.id, person.id],
    );
    expect(tokens).toHaveLength(0);

    worker = await startAccountWorker(api.config);
    const mail = await sink.waitForMessage((m) => m.to.includes(person.email), 15_000);
    expect(mail.text).toContain('reset-password?token=');
    // The link was committed before the mail left, so it works at once.
    const done = await api.request('POST', '/auth/password-reset/complete', {
      body: { token: linkTokenFrom(mail.text), password: 'amber lantern meadow' },
    });
    expect(done.status).toBe(204);
    const audited = await asClinic<unknown[]>(
      owner,
      clinic.id,
      `SELECT 1 FROM audit_events WHERE clinic_id = $1 AND record_id = $2
          AND action = 'auth.password_reset_requested'`,
      [clinic.id, person.id],
    );
    expect(audited).toHaveLength(1);
  });

  it('sends one mail per request however often its mail job runs', async () => {
    const clinic = await newClinic(owner);
    const person = await newUser(owner, clinic.id, 'therapist');
    worker ??= await startAccountWorker(api.config);
    const queues = api.app.get(QueueRegistry);
    const payload = { clinicId: clinic.id, userId: person.id, requestId: randomUUID() };
    // Two runs of the same request (as a retry after a crash would be): distinct job ids, so
    // only PostgreSQL can tell they are one.
    const jobIds = [`first.${randomUUID()}`, `again.${randomUUID()}`];
    for (const jobId of jobIds) {
      await queues.enqueue('accounts.password-reset-mail', payload, { jobId });
    }
    await waitFor('both runs to complete', async () => {
      const jobs = await Promise.all(jobIds.map((id) => queues.queue('system').getJob(id)));
      const states = await Promise.all(jobs.map((job) => job?.getState()));
      return states.every((state) => state === 'completed') ? true : undefined;
    });
    const mails = (await sink.messages()).filter((m) => m.to.includes(person.email));
    expect(mails).toHaveLength(1);
    const issued = await asClinic<Array<{ sent: boolean }>>(
      owner,
      clinic.id,
      `SELECT sent_at IS NOT NULL AS sent FROM user_tokens WHERE clinic_id = $1 AND request_id = $2`,
      [clinic.id, payload.requestId],
    );
    expect(issued).toEqual([{ sent: true }]);
  });

  it('mails a fresh link when an earlier run issued one but could not send it', async () => {
    await worker?.close();
    worker = undefined;
    const clinic = await newClinic(owner);
    const person = await newUser(owner, clinic.id, 'client');
    const queues = api.app.get(QueueRegistry);
    const payload = { clinicId: clinic.id, userId: person.id, requestId: randomUUID() };
    const rows = () =>
      asClinic<Array<{ token_hash: string; sent: boolean }>>(
        owner,
        clinic.id,
        `SELECT token_hash, sent_at IS NOT NULL AS sent FROM user_tokens
          WHERE clinic_id = $1 AND request_id = $2`,
        [clinic.id, payload.requestId],
      );
    // A worker whose mail server refuses connections: the link is issued, the send fails.
    const broken = await startAccountWorker({ ...api.config, SMTP_URL: 'smtp://127.0.0.1:9' });
    const jobId = `retried.${randomUUID()}`;
    await queues.enqueue('accounts.password-reset-mail', payload, { jobId });
    const [unsent] = await waitFor('the failed first run', async () => {
      const job = await queues.queue('system').getJob(jobId);
      return job && job.attemptsMade >= 1 ? rows() : undefined;
    });
    await broken.close();
    expect(unsent?.sent).toBe(false);

    // The retry, on a worker that can send, re-keys the same row and mails that link.
    worker = await startAccountWorker(api.config);
    const mail = await sink.waitForMessage((m) => m.to.includes(person.email), 20_000);
    const [sent] = await waitFor('the link to be marked sent', async () => {
      const found = await rows();
      return found[0]?.sent ? found : undefined;
    });
    expect(sent?.token_hash).not.toBe(unsent?.token_hash);
    const done = await api.request('POST', '/auth/password-reset/complete', {
      body: { token: linkTokenFrom(mail.text), password: 'copper willow evening' },
    });
    expect(done.status).toBe(204);
  });

  it('refuses to queue a mail job without its clinic', async () => {
    await expect(
      api.app
        .get(QueueRegistry)
        .enqueue(
          'accounts.password-reset-mail',
          { userId: randomUUID(), requestId: randomUUID() } as never,
          {},
        ),
    ).rejects.toThrow('needs a clinicId');
  });

  it('mails nobody for an unknown address, and nobody but the owner for a known one', async () => {
    const clinic = await newClinic(owner);
    const person = await newUser(owner, clinic.id, 'client');
    worker ??= await startAccountWorker(api.config);
    await sink.clear();
    const unknown = `nobody-${randomUUID().slice(0, 8)}@example.test`;
    expect((await requestReset(unknown)).status).toBe(202);
    expect((await requestReset(person.email)).status).toBe(202);
    await sink.waitForMessage((m) => m.to.includes(person.email), 15_000);
    const received = await sink.messages();
    expect(received.map((m) => m.envelopeTo)).toEqual([[person.email]]);
  });
});
