import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import { ConfigModule } from '@mend/server-config';
import { DatabaseModule } from '@mend/server-db';
import { JobsModule } from '@mend/server-jobs';
import { DEFAULT_MESSAGES_NOTICE, SEND_LIMIT } from '@mend/server-messages';
import { ReminderDispatcher, ReminderJobsModule } from '@mend/server-reminders';
import { TenancyModule } from '@mend/server-tenancy';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  setPreferences,
  startMailSink,
  waitFor,
  type MailSink,
  type TestCouple,
  type TestUser,
} from '@mend/server-testing';
import { startTestApi, type TestApi } from './testing/test-api';

/*
 * Messages between a couple and their therapists, over real HTTP, PostgreSQL, Redis and SMTP.
 * Unique markers make "never sees" a plain search of raw bodies and mails, and the other
 * partner's every GET is compared byte for byte before and after the private conversation.
 */

const PRIVATE_A = 'PRIVATE-FROM-A-3f9c1';
const PRIVATE_REPLY = 'PRIVATE-REPLY-TO-A-8d2e7';
const COUPLE_NOTE = 'COUPLE-THREAD-NOTE-51b0a';
const HIDDEN = 'HIDDEN-BY-THERAPIST-c07f4';

interface ThreadBody {
  id: string;
  coupleId: string;
  kind: 'couple' | 'private';
  partnerId: string | null;
  unread: number;
  readOnly: boolean;
  notice: string;
}

interface MessageBody {
  id: string;
  body: string;
  mine: boolean;
  authorId: string;
  hiddenAt: string | null;
  hiddenReason: string | null;
}

interface DeliveryRow {
  id: string;
  recipient_user_id: string;
  status: string;
  due_at: Date;
}

const NO_QUIET_HOURS = { timeZone: 'UTC', quietHoursStart: '00:00', quietHoursEnd: '00:00' };

describe('messages: threads, privacy and notifications (real PostgreSQL, Redis and SMTP)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let dispatcher: ReminderDispatcher;
  let sink: MailSink;
  let owner: DataSource;
  let clinicId: string;
  let therapist: TestUser;
  let couple: TestCouple;
  let therapistToken: string;
  let aToken: string;
  let bToken: string;
  let adminToken: string;
  let foreignTherapistToken: string;
  let foreignClientToken: string;
  let coupleThread: ThreadBody;

  const json = async <T>(response: Response, status: number): Promise<T> => {
    const text = await response.text();
    if (response.status !== status) throw new Error(`${response.status}: ${text}`);
    return JSON.parse(text) as T;
  };

  const open = (token: string, body: Record<string, unknown>) =>
    api.request('POST', '/message-threads', { token, body });

  const send = (token: string, threadId: string, body: string) =>
    api.request('POST', `/message-threads/${threadId}/messages`, { token, body: { body } });

  const deliveries = (kind = 'message') =>
    asClinic<DeliveryRow[]>(
      owner,
      clinicId,
      `SELECT id, recipient_user_id, status, due_at FROM deliveries
        WHERE clinic_id = $1 AND kind = $2 ORDER BY created_at`,
      [clinicId, kind],
    );

  /** Runs the reminders tick at `at` and waits until every delivery due by then is done. */
  const deliver = async (at: Date) => {
    await dispatcher.tick(at, [clinicId]);
    await waitFor('message deliveries to settle', async () => {
      const rows = await deliveries();
      const busy = rows.filter(
        (r) => r.status === 'sending' || (r.status === 'planned' && r.due_at <= at),
      );
      return busy.length === 0 ? rows : undefined;
    });
  };

  /** Everything B can GET that could carry a trace of a thread, as status, range and bytes. */
  const everythingBSees = async (extraIds: string[]): Promise<string[]> => {
    const filter = (value: Record<string, unknown>) =>
      `filter=${encodeURIComponent(JSON.stringify(value))}`;
    const paths = [
      '/message-threads',
      '/message-threads?range=[0,99]',
      `/message-threads?${filter({ kind: 'private' })}`,
      `/message-threads?${filter({ coupleId: couple.id })}`,
      `/message-threads?${filter({ unread: true })}`,
      `/message-threads?sort=${encodeURIComponent('["lastMessageAt","DESC"]')}`,
      `/message-threads/${coupleThread.id}`,
      `/message-threads/${coupleThread.id}/messages?range=[0,99]`,
      '/notifications?range=[0,99]',
      '/notifications/unread-count',
      `/couples/${couple.id}`,
      '/couples',
      ...extraIds.flatMap((id) => [`/message-threads/${id}`, `/message-threads/${id}/messages`]),
    ];
    const seen: string[] = [];
    for (const path of paths) {
      const response = await api.request('GET', path, { token: bToken });
      seen.push(
        `${path} ${response.status} ${response.headers.get('content-range') ?? ''} ${await response.text()}`,
      );
    }
    return seen;
  };

  beforeAll(async () => {
    owner = await ownerDataSource();
    sink = await startMailSink();
    api = await startTestApi({ SMTP_URL: sink.smtpUrl, WEB_ORIGIN: 'https://app.mend.test' });
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(api.config),
        DatabaseModule,
        JobsModule.forWorker({ jobs: ['reminders.tick', 'reminders.plan', 'reminders.send'] }),
        TenancyModule,
        ReminderJobsModule.forWorker({ tickEveryMs: null }),
      ],
    }).compile();
    worker = moduleRef.createNestApplication();
    await worker.init();
    dispatcher = worker.get(ReminderDispatcher);

    const clinic = await newClinic(owner);
    clinicId = clinic.id;
    therapist = await newUser(owner, clinicId, 'therapist');
    couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
    for (const person of [therapist, couple.partnerA, couple.partnerB]) {
      await setPreferences(owner, clinicId, person.id, NO_QUIET_HOURS);
    }
    therapistToken = await api.signIn(therapist);
    aToken = await api.signIn(couple.partnerA);
    bToken = await api.signIn(couple.partnerB);
    adminToken = await api.signIn(await newUser(owner, clinicId, 'clinic_admin'));
    const foreign = await newClinic(owner);
    const foreignTherapist = await newUser(owner, foreign.id, 'therapist');
    await newCouple(owner, foreign.id, { therapistIds: [foreignTherapist.id] });
    foreignTherapistToken = await api.signIn(foreignTherapist);
    foreignClientToken = await api.signIn(await newUser(owner, foreign.id, 'client'));

    coupleThread = await json<ThreadBody>(
      await open(therapistToken, { kind: 'couple', coupleId: couple.id }),
      200,
    );
    await json(await send(therapistToken, coupleThread.id, COUPLE_NOTE), 201);
    await deliver(new Date());
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
    await sink.stop();
    await owner.destroy();
  });

  it('lets both partners and the therapist write in the couple thread, with read state per person', async () => {
    const again = await json<ThreadBody>(await open(aToken, { kind: 'couple' }), 200);
    expect(again.id).toBe(coupleThread.id);
    const [forB] = await json<ThreadBody[]>(
      await api.request('GET', '/message-threads', { token: bToken }),
      200,
    );
    expect(forB).toMatchObject({ id: coupleThread.id, kind: 'couple', unread: 1 });
    const read = await json<ThreadBody>(
      await api.request('POST', `/message-threads/${coupleThread.id}/read`, { token: bToken }),
      200,
    );
    expect(read.unread).toBe(0);
    const listed = await json<MessageBody[]>(
      await api.request('GET', `/message-threads/${coupleThread.id}/messages`, { token: aToken }),
      200,
    );
    expect(listed.map((m) => [m.body, m.mine])).toEqual([[COUPLE_NOTE, false]]);
    // B read the note; A did not yet.
    const [forA] = await json<ThreadBody[]>(
      await api.request('GET', '/message-threads', { token: aToken }),
      200,
    );
    expect(forA?.unread).toBe(1);
  });

  it("never lets partner B read, list, count or infer A's private thread, byte for byte", async () => {
    const nowhere = '00000000-0000-4000-8000-000000000000';
    const before = await everythingBSees([nowhere]);

    const privateA = await json<ThreadBody>(await open(aToken, { kind: 'private' }), 200);
    expect(privateA).toMatchObject({ kind: 'private', partnerId: couple.partnerA.id });
    await json(await send(aToken, privateA.id, PRIVATE_A), 201);
    // Delivered before the therapist answers: an answer reads the thread, and word of a message
    // already read is dropped.
    await deliver(new Date());
    const fromTherapist = await json<ThreadBody>(
      await open(therapistToken, {
        kind: 'private',
        coupleId: couple.id,
        partnerId: couple.partnerA.id,
      }),
      200,
    );
    expect(fromTherapist.id).toBe(privateA.id);
    await json(await send(therapistToken, privateA.id, PRIVATE_REPLY), 201);
    await deliver(new Date());

    const after = await everythingBSees([nowhere]);
    expect(after).toEqual(before);
    // A's private thread answers B exactly as a thread that does not exist.
    const probe = async (id: string) => {
      const seen: string[] = [];
      for (const [method, path, body] of [
        ['GET', `/message-threads/${id}`, undefined],
        ['GET', `/message-threads/${id}/messages`, undefined],
        ['POST', `/message-threads/${id}/messages`, { body: 'hello' }],
        ['POST', `/message-threads/${id}/read`, undefined],
      ] as const) {
        const response = await api.request(method, path, { token: bToken, body });
        seen.push(`${method} ${response.status} ${await response.text()}`);
      }
      return seen;
    };
    const toPrivate = await probe(privateA.id);
    expect(toPrivate).toEqual(await probe(nowhere));
    expect(toPrivate.every((line) => line.includes(' 404 '))).toBe(true);
    // B cannot open A's thread by naming A either.
    const named = await open(bToken, { kind: 'private', partnerId: couple.partnerA.id });
    expect(named.status).toBe(400);
    expect(((await named.json()) as { fields: Record<string, string> }).fields).toHaveProperty(
      'partnerId',
    );
    for (const line of after) {
      expect(line).not.toContain(PRIVATE_A);
      expect(line).not.toContain(PRIVATE_REPLY);
      expect(line).not.toContain(privateA.id);
    }
    // B got no notification and no mail about it; A and the therapist did.
    const mails = await sink.messages();
    expect(
      mails.some((m) => m.to.includes(couple.partnerB.email) && m.text.includes(privateA.id)),
    ).toBe(false);
    const recipients = (await deliveries())
      .filter((d) => d.status === 'sent')
      .map((d) => d.recipient_user_id);
    expect(recipients).toContain(therapist.id);
    expect(recipients).toContain(couple.partnerA.id);

    // The therapist's inbox has it, unread first.
    await json(await send(aToken, privateA.id, 'and one more thing'), 201);
    const inbox = await json<ThreadBody[]>(
      await api.request('GET', '/message-threads', { token: therapistToken }),
      200,
    );
    expect(inbox.map((t) => [t.id, t.unread])).toEqual([
      [privateA.id, 1],
      [coupleThread.id, 0],
    ]);
  });

  it('mails only that a message waits: never its text, author or couple, in the reader’s language', async () => {
    await setPreferences(owner, clinicId, couple.partnerB.id, { locale: 'es' });
    // The therapist catches up first: word of what they have read is never sent.
    for (const thread of await json<ThreadBody[]>(
      await api.request('GET', '/message-threads', { token: therapistToken }),
      200,
    )) {
      await api.request('POST', `/message-threads/${thread.id}/read`, { token: therapistToken });
    }
    await sink.clear();
    const marker = 'MAIL-MUST-NOT-SHOW-6a1d2';
    await json(await send(aToken, coupleThread.id, marker), 201);
    await deliver(new Date());
    const toTherapist = await sink.waitForMessage((m) => m.to.includes(therapist.email));
    const toB = await sink.waitForMessage((m) => m.to.includes(couple.partnerB.email));
    for (const mail of [toTherapist, toB]) {
      const everything = `${mail.subject}\n${mail.text}\n${mail.html}`;
      expect(everything).not.toContain(marker);
      expect(everything).not.toContain(couple.partnerA.email);
      expect(everything).not.toContain(`Couple ${couple.id.slice(0, 4)}`);
      expect(mail.text).toContain(`https://app.mend.test/#/messages/${coupleThread.id}`);
    }
    expect(toTherapist.subject).toBe('You have a new message in Mend');
    expect((await sink.messages()).filter((m) => m.to.includes(therapist.email))).toHaveLength(1);
    expect(toB.subject).toBe('Tienes un mensaje nuevo en Mend');
    // The author gets nothing about their own message; the in-app notification links the thread.
    expect((await sink.messages()).some((m) => m.to.includes(couple.partnerA.email))).toBe(false);
    const notifications = await json<Array<{ kind: string; link: string; detail: object }>>(
      await api.request('GET', '/notifications', { token: therapistToken }),
      200,
    );
    const word = notifications.find((n) => n.kind === 'message');
    expect(word?.link).toBe(`/messages/${coupleThread.id}`);
    expect(JSON.stringify(notifications)).not.toContain(marker);
  });

  it('keeps to quiet hours and the email choice the reminders use', async () => {
    const now = new Date();
    const clock = (offsetMinutes: number) =>
      new Date(now.getTime() + offsetMinutes * 60_000).toISOString().slice(11, 16);
    // Quiet from an hour ago until two hours from now, whatever the time of day of the run.
    await setPreferences(owner, clinicId, therapist.id, {
      quietHoursStart: clock(-60),
      quietHoursEnd: clock(120),
    });
    await setPreferences(owner, clinicId, couple.partnerB.id, { emailReminders: false });
    await sink.clear();
    const before = new Set((await deliveries()).map((d) => d.id));
    await json(await send(aToken, coupleThread.id, 'a quiet-hours test'), 201);
    const planned = (await deliveries()).filter((d) => !before.has(d.id));
    const forTherapist = planned.find((d) => d.recipient_user_id === therapist.id);
    const dueIn = (forTherapist?.due_at.getTime() ?? 0) - now.getTime();
    expect(dueIn).toBeGreaterThan(119 * 60_000);
    expect(dueIn).toBeLessThanOrEqual(121 * 60_000);
    await deliver(new Date());
    expect((await deliveries()).find((d) => d.id === forTherapist?.id)?.status).toBe('planned');
    // B chose no email: in-app only.
    const forB = planned.find((d) => d.recipient_user_id === couple.partnerB.id);
    expect((await deliveries()).find((d) => d.id === forB?.id)?.status).toBe('sent');
    expect(await sink.messages()).toEqual([]);
    // Once the quiet hours are over, the therapist's word goes out.
    await deliver(new Date(now.getTime() + 122 * 60_000));
    expect((await deliveries()).find((d) => d.id === forTherapist?.id)?.status).toBe('sent');
    await sink.waitForMessage((m) => m.to.includes(therapist.email));
    await setPreferences(owner, clinicId, therapist.id, NO_QUIET_HOURS);
    await setPreferences(owner, clinicId, couple.partnerB.id, { emailReminders: true });
  });

  it('shows the clinic’s notice in every thread, Mend’s wording in each reader’s language by default', async () => {
    const threads = await json<ThreadBody[]>(
      await api.request('GET', '/message-threads', { token: therapistToken }),
      200,
    );
    expect(threads.length).toBeGreaterThan(1);
    for (const thread of threads) expect(thread.notice).toBe(DEFAULT_MESSAGES_NOTICE.en);
    // B reads Spanish since the mail test.
    const forB = await json<ThreadBody>(
      await api.request('GET', `/message-threads/${coupleThread.id}`, { token: bToken }),
      200,
    );
    expect(forB.notice).toBe(DEFAULT_MESSAGES_NOTICE.es);
    const own = 'Not watched at night or at weekends. In an emergency call 112.';
    await json(
      await api.request('PUT', '/clinic', { token: adminToken, body: { messagesNotice: own } }),
      200,
    );
    const shown = [
      await api.request('GET', `/message-threads/${coupleThread.id}`, { token: aToken }),
      await api.request('POST', `/message-threads/${coupleThread.id}/read`, { token: bToken }),
      await open(therapistToken, { kind: 'couple', coupleId: couple.id }),
    ];
    for (const response of shown) expect((await json<ThreadBody>(response, 200)).notice).toBe(own);
    const listed = await json<ThreadBody[]>(
      await api.request('GET', '/message-threads', { token: aToken }),
      200,
    );
    expect(listed.every((t) => t.notice === own)).toBe(true);
    const reset = await json<{ messagesNotice: string | null }>(
      await api.request('PUT', '/clinic', { token: adminToken, body: { messagesNotice: ' ' } }),
      200,
    );
    expect(reset.messagesNotice).toBeNull();
  });

  it('lets a therapist hide a message from the partners with a reason, audited', async () => {
    const message = await json<MessageBody>(await send(aToken, coupleThread.id, HIDDEN), 201);
    const partnerHides = await api.request('POST', `/messages/${message.id}/hide`, {
      token: aToken,
      body: { reason: 'mine' },
    });
    expect(partnerHides.status).toBe(403);
    const hidden = await json<MessageBody>(
      await api.request('POST', `/messages/${message.id}/hide`, {
        token: therapistToken,
        body: { reason: 'Names a third person' },
      }),
      200,
    );
    expect(hidden.hiddenReason).toBe('Names a third person');
    expect(hidden.hiddenAt).not.toBeNull();
    for (const token of [aToken, bToken]) {
      const response = await api.request(
        'GET',
        `/message-threads/${coupleThread.id}/messages?range=[0,99]`,
        { token },
      );
      expect(await response.text()).not.toContain(HIDDEN);
    }
    const staffView = await json<MessageBody[]>(
      await api.request('GET', `/message-threads/${coupleThread.id}/messages?range=[0,99]`, {
        token: therapistToken,
      }),
      200,
    );
    expect(staffView.find((m) => m.id === message.id)?.body).toBe(HIDDEN);
    const again = await api.request('POST', `/messages/${message.id}/hide`, {
      token: therapistToken,
      body: { reason: 'twice' },
    });
    expect(again.status).toBe(409);
    const audit = await asClinic<Array<{ action: string }>>(
      owner,
      clinicId,
      `SELECT action FROM audit_events WHERE clinic_id = $1 AND record_id = $2 ORDER BY occurred_at`,
      [clinicId, message.id],
    );
    expect(audit.map((row) => row.action)).toEqual(['message.sent', 'message.hidden']);
  });

  it('audits reads as well as writes, without the text', async () => {
    const rows = await asClinic<Array<{ action: string; detail: object }>>(
      owner,
      clinicId,
      `SELECT action, detail FROM audit_events WHERE clinic_id = $1 AND action LIKE 'message%'`,
      [clinicId],
    );
    const actions = new Set(rows.map((row) => row.action));
    for (const action of [
      'message_thread.opened',
      'message_thread.read',
      'message_thread.list_read',
      'message_thread.marked_read',
      'message.list_read',
      'message.sent',
    ]) {
      expect(actions).toContain(action);
    }
    expect(JSON.stringify(rows)).not.toContain(PRIVATE_A);
  });

  it('refuses bad messages naming the field, and limits how fast one person sends', async () => {
    const cases: Array<[unknown, string]> = [
      [{ body: '' }, 'body'],
      [{ body: '   ' }, 'body'],
      [{ body: 'x'.repeat(4001) }, 'body'],
      [{ body: 'hi', attachment: 'file.png' }, 'attachment'],
    ];
    for (const [body, field] of cases) {
      const response = await api.request('POST', `/message-threads/${coupleThread.id}/messages`, {
        token: aToken,
        body,
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { fields: Record<string, string> }).fields).toHaveProperty(
        field,
      );
    }
    await json(await send(aToken, coupleThread.id, 'y'.repeat(4000)), 201);
    const busy = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
    const busyToken = await api.signIn(busy.partnerA);
    const thread = await json<ThreadBody>(await open(busyToken, { kind: 'couple' }), 200);
    for (let i = 0; i < SEND_LIMIT.messages; i += 1) {
      await json(await send(busyToken, thread.id, `message ${i}`), 201);
    }
    const refused = await send(busyToken, thread.id, 'one too many');
    expect(refused.status).toBe(429);
    // The limit is the sender's: the therapist still writes there.
    await json(await send(therapistToken, thread.id, 'still here'), 201);
  });

  it('answers another clinic with 404 and shows it nothing, and keeps admins out', async () => {
    const [anyMessage] = await json<MessageBody[]>(
      await api.request('GET', `/message-threads/${coupleThread.id}/messages`, {
        token: therapistToken,
      }),
      200,
    );
    for (const token of [foreignTherapistToken, foreignClientToken]) {
      for (const [method, path, body] of [
        ['GET', `/message-threads/${coupleThread.id}`, undefined],
        ['GET', `/message-threads/${coupleThread.id}/messages`, undefined],
        ['POST', `/message-threads/${coupleThread.id}/messages`, { body: 'hello' }],
        ['POST', `/message-threads/${coupleThread.id}/read`, undefined],
      ] as const) {
        const response = await api.request(method, path, { token, body });
        expect(`${method} ${path} ${response.status}`).toBe(`${method} ${path} 404`);
      }
      const list = await api.request('GET', '/message-threads', { token });
      expect(await list.json()).toEqual([]);
    }
    const hide = await api.request('POST', `/messages/${anyMessage?.id}/hide`, {
      token: foreignTherapistToken,
      body: { reason: 'no' },
    });
    expect(hide.status).toBe(404);
    const foreignOpen = await open(foreignTherapistToken, { kind: 'couple', coupleId: couple.id });
    expect(foreignOpen.status).toBe(404);
    const admin = await api.request('GET', '/message-threads', { token: adminToken });
    expect(admin.status).toBe(403);
  });

  it('makes the threads of a closed couple read-only', async () => {
    await asClinic(owner, clinicId, `UPDATE couples SET status = 'closed' WHERE id = $1`, [
      couple.id,
    ]);
    const thread = await json<ThreadBody>(
      await api.request('GET', `/message-threads/${coupleThread.id}`, { token: aToken }),
      200,
    );
    expect(thread.readOnly).toBe(true);
    for (const token of [aToken, therapistToken]) {
      expect((await send(token, coupleThread.id, 'after closing')).status).toBe(409);
    }
    expect((await open(bToken, { kind: 'private' })).status).toBe(409);
    const messages = await json<MessageBody[]>(
      await api.request('GET', `/message-threads/${coupleThread.id}/messages`, { token: bToken }),
      200,
    );
    expect(messages.length).toBeGreaterThan(0);
  });
});
