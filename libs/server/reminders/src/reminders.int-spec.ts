import type { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { DataSource } from 'typeorm';
import { QueueRegistry } from '@mend/server-jobs';
import { TenantDb } from '@mend/server-tenancy';
import {
  asClinic,
  newClinic,
  newCouple,
  newAssignment,
  newMissedStreakAlert,
  newOccurrence,
  newResponse,
  newUser,
  ownerDataSource,
  setPreferences,
  startMailSink,
  testConfig,
  updateRow,
  waitFor,
  type MailSink,
  type ReceivedMail,
  type TestCouple,
} from '@mend/server-testing';
import { DeliverySender } from './delivery-sender.service';
import { ReminderDispatcher } from './reminder-dispatcher.service';
import { ReminderPlanner } from './reminder-planner.service';
import { startSmtpRelay, startTestWorker, type SmtpRelay } from './testing/test-worker';

interface DeliveryRow {
  id: string;
  kind: string;
  recipient_user_id: string;
  status: string;
  due_at: Date;
  attempts: number;
  last_error: string | null;
}

describe('reminders: planning, sending, exactly once (real PostgreSQL, Redis and SMTP)', () => {
  let owner: DataSource;
  let sink: MailSink;
  let relay: SmtpRelay;
  let worker: INestApplicationContext;
  let planner: ReminderPlanner;
  let dispatcher: ReminderDispatcher;
  let db: TenantDb;

  beforeAll(async () => {
    owner = await ownerDataSource();
    sink = await startMailSink();
    relay = await startSmtpRelay(sink.smtpUrl);
    worker = await startTestWorker(
      testConfig({
        SMTP_URL: relay.url,
        WORKER_HEALTH_PORT: '0',
        WEB_ORIGIN: 'https://app.mend.test',
        MAIL_FROM: 'Mend <reminders@mend.test>',
      }),
    );
    planner = worker.get(ReminderPlanner);
    dispatcher = worker.get(ReminderDispatcher);
    db = worker.get(TenantDb);
  });

  afterAll(async () => {
    await worker.close();
    await relay.close();
    await sink.stop();
    await owner.destroy();
  });

  const plan = (clinicId: string, now: Date) =>
    db.run({ clinicId }, (manager) => planner.planClinic(manager, clinicId, now));

  const deliveries = (clinicId: string) =>
    asClinic<DeliveryRow[]>(
      owner,
      clinicId,
      `SELECT id, kind, recipient_user_id, status, due_at, attempts, last_error FROM deliveries
        WHERE clinic_id = $1 ORDER BY due_at, kind`,
      [clinicId],
    );

  const mailsTo = async (email: string): Promise<ReceivedMail[]> =>
    (await sink.messages()).filter((mail) => mail.to.includes(email));

  /** Waits until no delivery of the clinic is planned-and-due or sending. */
  const settled = (clinicId: string, at: Date) =>
    waitFor(`deliveries of ${clinicId} to settle`, async () => {
      const rows = await deliveries(clinicId);
      const busy = rows.filter(
        (r) => r.status === 'sending' || (r.status === 'planned' && r.due_at <= at),
      );
      return busy.length === 0 ? rows : undefined;
    });

  async function coupleWith(
    options: { zone?: string; mode?: 'each' | 'joint' | 'one' } = {},
  ): Promise<{ clinicId: string; couple: TestCouple }> {
    const clinic = await newClinic(owner);
    const couple = await newCouple(owner, clinic.id, { timeZone: options.zone ?? 'UTC' });
    for (const partner of [couple.partnerA, couple.partnerB]) {
      await setPreferences(owner, clinic.id, partner.id, { timeZone: options.zone ?? 'UTC' });
    }
    return { clinicId: clinic.id, couple };
  }

  async function oneDueReminder() {
    const { clinicId, couple } = await coupleWith();
    const assignmentId = await newAssignment(owner, clinicId, couple.id, {
      mode: 'one',
      assigneeUserId: couple.partnerA.id,
      policy: { dueSoon: { kind: 'before_due', minutes: 60 }, overdueAfterMinutes: null },
    });
    await newOccurrence(owner, clinicId, assignmentId, couple.id, new Date('2026-09-01T18:00:00Z'));
    await plan(clinicId, new Date('2026-08-31T00:00:00Z'));
    const [row] = await deliveries(clinicId);
    if (!row) throw new Error('nothing planned');
    return { clinicId, couple, delivery: row, at: new Date('2026-09-01T17:00:00Z') };
  }

  /** A clinic whose couples each owe one `each` exercise: a due-soon batch, two per couple. */
  async function dueBatch(couples: number) {
    const clinic = await newClinic(owner);
    const partners: Array<{ id: string; email: string }> = [];
    for (let i = 0; i < couples; i += 1) {
      const couple = await newCouple(owner, clinic.id, { timeZone: 'UTC' });
      partners.push(couple.partnerA, couple.partnerB);
      const assignmentId = await newAssignment(owner, clinic.id, couple.id, {
        policy: { dueSoon: { kind: 'before_due', minutes: 60 }, overdueAfterMinutes: null },
      });
      await newOccurrence(owner, clinic.id, assignmentId, couple.id, new Date('2026-09-03T18:00Z'));
    }
    await plan(clinic.id, new Date('2026-09-02T00:00:00Z'));
    return { clinicId: clinic.id, partners, at: new Date('2026-09-03T17:00:00Z') };
  }

  describe('time zones and DST: the due-soon reminder fires once, at the right local time', () => {
    // [zone, transition day, partner's reminder time, the instant it must fire]
    const cases: Array<[string, string, string, string]> = [
      // Spring forward: 02:30 does not exist and becomes 03:30 (the gap's length later).
      ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00Z'],
      ['Europe/Madrid', '2026-03-29', '02:30', '2026-03-29T01:30:00Z'],
      ['Australia/Sydney', '2026-10-04', '02:30', '2026-10-03T16:30:00Z'],
      // Fall back: the repeated hour fires the first time round only.
      ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00Z'],
      ['Europe/Madrid', '2026-10-25', '02:30', '2026-10-25T00:30:00Z'],
      ['Australia/Sydney', '2026-04-05', '02:30', '2026-04-04T15:30:00Z'],
      // An ordinary morning on each of those days, on the new offset.
      ['America/New_York', '2026-03-08', '09:00', '2026-03-08T13:00:00Z'],
      ['America/New_York', '2026-11-01', '09:00', '2026-11-01T14:00:00Z'],
      ['Europe/Madrid', '2026-03-29', '09:00', '2026-03-29T07:00:00Z'],
      ['Europe/Madrid', '2026-10-25', '09:00', '2026-10-25T08:00:00Z'],
      ['Australia/Sydney', '2026-10-04', '09:00', '2026-10-03T22:00:00Z'],
      ['Australia/Sydney', '2026-04-05', '09:00', '2026-04-04T23:00:00Z'],
    ];

    it.each(cases)('%s on %s at %s fires at %s', async (zone, day, time, expected) => {
      const { clinicId, couple } = await coupleWith({ zone });
      const partner = couple.partnerA;
      await setPreferences(owner, clinicId, partner.id, {
        reminderTime: time,
        quietHoursStart: '00:00',
        quietHoursEnd: '00:00',
      });
      const assignmentId = await newAssignment(owner, clinicId, couple.id, {
        mode: 'one',
        assigneeUserId: partner.id,
        policy: { dueSoon: { kind: 'before_due', minutes: 60 }, overdueAfterMinutes: null },
      });
      const dueAt = DateTime.fromISO(`${day}T20:00`, { zone }).toJSDate();
      const occurrenceId = await newOccurrence(owner, clinicId, assignmentId, couple.id, dueAt, {
        localDate: day,
      });
      const fireAt = new Date(expected);
      await plan(clinicId, new Date(dueAt.getTime() - 3 * 24 * 3600_000));

      const [row] = await deliveries(clinicId);
      expect(row?.kind).toBe('due_soon');
      expect(row?.due_at.toISOString()).toBe(fireAt.toISOString());

      const minute = 60_000;
      expect(
        (await dispatcher.tick(new Date(fireAt.getTime() - minute), [clinicId])).sendsQueued,
      ).toBe(0);
      expect((await dispatcher.tick(fireAt, [clinicId])).sendsQueued).toBe(1);
      await settled(clinicId, fireAt);
      expect(
        (await dispatcher.tick(new Date(fireAt.getTime() + minute), [clinicId])).sendsQueued,
      ).toBe(0);

      const mails = await mailsTo(partner.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe('Reminder: an exercise is due soon');
      expect(mails[0]?.text).toContain(`https://app.mend.test/#/exercise/${occurrenceId}`);
      expect(mails[0]?.text).toContain('https://app.mend.test/#/preferences');
      expect((await deliveries(clinicId)).map((r) => r.status)).toEqual(['sent']);
    });
  });

  describe('quiet hours, preferences and who is expected to answer', () => {
    it("moves a reminder inside the partner's own quiet hours to their end", async () => {
      const { clinicId, couple } = await coupleWith({ zone: 'Europe/Madrid' });
      await setPreferences(owner, clinicId, couple.partnerA.id, {
        reminderTime: '07:00',
        quietHoursStart: '22:00',
        quietHoursEnd: '09:30',
      });
      const assignmentId = await newAssignment(owner, clinicId, couple.id, {
        mode: 'one',
        assigneeUserId: couple.partnerA.id,
        policy: { dueSoon: { kind: 'before_due', minutes: 60 }, overdueAfterMinutes: 30 },
      });
      // Due 21:45; overdue nudge at 22:15 falls in quiet hours and moves to 09:30 next day.
      const dueAt = DateTime.fromISO('2026-06-10T21:45', { zone: 'Europe/Madrid' }).toJSDate();
      await newOccurrence(owner, clinicId, assignmentId, couple.id, dueAt);
      await plan(clinicId, new Date('2026-06-08T00:00:00Z'));
      const rows = await deliveries(clinicId);
      expect(rows.map((r) => [r.kind, r.due_at.toISOString()])).toEqual([
        ['due_soon', '2026-06-10T07:30:00.000Z'],
        ['overdue', '2026-06-11T07:30:00.000Z'],
      ]);
    });

    it("uses the clinic's quiet hours when the partner has none", async () => {
      const { clinicId, couple } = await coupleWith({ zone: 'America/New_York' });
      await updateRow(owner, clinicId, 'clinics', clinicId, {
        quiet_hours_start: '21:00',
        quiet_hours_end: '08:15',
      });
      await setPreferences(owner, clinicId, couple.partnerA.id, { reminderTime: '06:00' });
      const assignmentId = await newAssignment(owner, clinicId, couple.id, {
        mode: 'one',
        assigneeUserId: couple.partnerA.id,
        policy: { dueSoon: { kind: 'before_due', minutes: 60 }, overdueAfterMinutes: null },
      });
      const dueAt = DateTime.fromISO('2026-06-10T19:00', { zone: 'America/New_York' }).toJSDate();
      await newOccurrence(owner, clinicId, assignmentId, couple.id, dueAt);
      await plan(clinicId, new Date('2026-06-08T00:00:00Z'));
      const rows = await deliveries(clinicId);
      expect(rows.map((r) => r.due_at.toISOString())).toEqual(['2026-06-10T12:15:00.000Z']);
    });

    it('sends in-app only when email is off, in Spanish when the partner reads Spanish', async () => {
      const { clinicId, couple } = await coupleWith();
      await setPreferences(owner, clinicId, couple.partnerA.id, { emailReminders: false });
      await setPreferences(owner, clinicId, couple.partnerB.id, { locale: 'es' });
      const assignmentId = await newAssignment(owner, clinicId, couple.id, {
        policy: { dueSoon: { kind: 'before_due', minutes: 60 }, overdueAfterMinutes: null },
      });
      const dueAt = new Date('2026-07-01T18:00:00Z');
      const occurrenceId = await newOccurrence(owner, clinicId, assignmentId, couple.id, dueAt);
      await plan(clinicId, new Date('2026-06-30T00:00:00Z'));
      const at = new Date('2026-07-01T17:00:00Z');
      expect((await dispatcher.tick(at, [clinicId])).sendsQueued).toBe(2);
      const rows = await settled(clinicId, at);
      expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
      expect(await mailsTo(couple.partnerA.email)).toHaveLength(0);
      const [spanish] = await mailsTo(couple.partnerB.email);
      expect(spanish?.subject).toBe('Recordatorio: tienes un ejercicio para pronto');
      const notes = await asClinic<Array<{ user_id: string; occurrence_id: string }>>(
        owner,
        clinicId,
        `SELECT user_id, occurrence_id FROM notifications WHERE clinic_id = $1 ORDER BY user_id`,
        [clinicId],
      );
      expect(notes.map((n) => n.user_id).sort()).toEqual(
        [couple.partnerA.id, couple.partnerB.id].sort(),
      );
      expect(notes.every((n) => n.occurrence_id === occurrenceId)).toBe(true);
    });

    type Case = [
      string,
      (c: {
        clinicId: string;
        couple: TestCouple;
        assignmentId: string;
        occurrenceId: string;
      }) => Promise<void>,
      'each' | 'joint',
    ];
    const noReminderCases: Case[] = [
      [
        'a paused couple',
        ({ clinicId, couple }) =>
          updateRow(owner, clinicId, 'couples', couple.id, { status: 'paused' }),
        'each',
      ],
      [
        'a closed couple',
        ({ clinicId, couple }) =>
          updateRow(owner, clinicId, 'couples', couple.id, { status: 'closed' }),
        'each',
      ],
      [
        'a paused assignment',
        ({ clinicId, assignmentId }) =>
          updateRow(owner, clinicId, 'assignments', assignmentId, { status: 'paused' }),
        'each',
      ],
      [
        'an ended assignment',
        ({ clinicId, assignmentId }) =>
          updateRow(owner, clinicId, 'assignments', assignmentId, { status: 'ended' }),
        'each',
      ],
      [
        'joint work under a safety pause',
        ({ clinicId, couple }) =>
          updateRow(owner, clinicId, 'couples', couple.id, { safety_paused_at: new Date() }),
        'joint',
      ],
      [
        'a closed occurrence',
        ({ clinicId, occurrenceId }) =>
          updateRow(owner, clinicId, 'occurrences', occurrenceId, { status: 'cancelled' }),
        'each',
      ],
      [
        'joint work already submitted by the other partner',
        ({ clinicId, couple, occurrenceId }) =>
          newResponse(owner, clinicId, occurrenceId, couple.id, couple.partnerB.id),
        'joint',
      ],
    ];

    it.each(noReminderCases)('sends no partner reminder for %s', async (_label, change, mode) => {
      const { clinicId, couple } = await coupleWith();
      const assignmentId = await newAssignment(owner, clinicId, couple.id, { mode });
      const dueAt = new Date('2026-07-02T18:00:00Z');
      const occurrenceId = await newOccurrence(owner, clinicId, assignmentId, couple.id, dueAt);
      await plan(clinicId, new Date('2026-07-01T00:00:00Z'));
      await change({ clinicId, couple, assignmentId, occurrenceId });
      const at = new Date('2026-07-03T00:00:00Z');
      expect((await dispatcher.tick(at, [clinicId])).sendsQueued).toBe(4);
      const rows = await settled(clinicId, at);
      expect(rows.map((r) => r.status)).toEqual(['skipped', 'skipped', 'skipped', 'skipped']);
      expect(await mailsTo(couple.partnerA.email)).toHaveLength(0);
      expect(await mailsTo(couple.partnerB.email)).toHaveLength(0);
    });

    it('still reminds about individual work under a safety pause, and only the partner who has not answered', async () => {
      const { clinicId, couple } = await coupleWith();
      await updateRow(owner, clinicId, 'couples', couple.id, { safety_paused_at: new Date() });
      const assignmentId = await newAssignment(owner, clinicId, couple.id, {
        mode: 'each',
        policy: { dueSoon: { kind: 'before_due', minutes: 60 }, overdueAfterMinutes: null },
      });
      const dueAt = new Date('2026-07-04T18:00:00Z');
      const occurrenceId = await newOccurrence(owner, clinicId, assignmentId, couple.id, dueAt);
      await newResponse(owner, clinicId, occurrenceId, couple.id, couple.partnerB.id);
      await plan(clinicId, new Date('2026-07-03T00:00:00Z'));
      const at = new Date('2026-07-04T17:00:00Z');
      await dispatcher.tick(at, [clinicId]);
      await settled(clinicId, at);
      expect(await mailsTo(couple.partnerA.email)).toHaveLength(1);
      expect(await mailsTo(couple.partnerB.email)).toHaveLength(0);
    });

    it("plans nothing for the partner a 'one' assignment does not name", async () => {
      const { clinicId, couple } = await coupleWith();
      const assignmentId = await newAssignment(owner, clinicId, couple.id, {
        mode: 'one',
        assigneeUserId: couple.partnerB.id,
      });
      await newOccurrence(
        owner,
        clinicId,
        assignmentId,
        couple.id,
        new Date('2026-07-05T18:00:00Z'),
      );
      await plan(clinicId, new Date('2026-07-04T00:00:00Z'));
      const rows = await deliveries(clinicId);
      expect(rows.map((r) => r.recipient_user_id)).toEqual([
        couple.partnerB.id,
        couple.partnerB.id,
      ]);
    });
  });

  describe('therapists', () => {
    it('escalates each missed-streak alert once to each of the couple’s therapists', async () => {
      const clinic = await newClinic(owner);
      const therapist = await newUser(owner, clinic.id, 'therapist');
      await setPreferences(owner, clinic.id, therapist.id, {
        quietHoursStart: '00:00',
        quietHoursEnd: '00:00',
      });
      const couple = await newCouple(owner, clinic.id, { therapistIds: [therapist.id] });
      const alertId = await newMissedStreakAlert(
        owner,
        clinic.id,
        couple.id,
        couple.partnerA.id,
        4,
      );
      const now = new Date('2026-08-01T12:00:00Z');
      await plan(clinic.id, now);
      await plan(clinic.id, now);
      const escalations = (await deliveries(clinic.id)).filter((r) => r.kind === 'escalation');
      expect(escalations).toHaveLength(1);
      await dispatcher.tick(now, [clinic.id]);
      await settled(clinic.id, now);
      const mails = await mailsTo(therapist.email);
      expect(mails.map((m) => m.subject)).toEqual(['A couple has missed several exercises']);
      expect(mails[0]?.text).toContain('has missed 4 exercises in a row');
      const [note] = await asClinic<Array<{ alert_id: string; kind: string }>>(
        owner,
        clinic.id,
        `SELECT alert_id, kind FROM notifications WHERE clinic_id = $1 AND user_id = $2`,
        [clinic.id, therapist.id],
      );
      expect(note).toEqual({ alert_id: alertId, kind: 'escalation' });
    });

    it('sends a daily digest at 08:00 on the therapist’s clock with new answers and open alerts', async () => {
      const clinic = await newClinic(owner);
      const therapist = await newUser(owner, clinic.id, 'therapist');
      await setPreferences(owner, clinic.id, therapist.id, {
        timeZone: 'Australia/Sydney',
        quietHoursStart: '00:00',
        quietHoursEnd: '00:00',
      });
      const couple = await newCouple(owner, clinic.id, { therapistIds: [therapist.id] });
      const assignmentId = await newAssignment(owner, clinic.id, couple.id);
      const occurrenceId = await newOccurrence(
        owner,
        clinic.id,
        assignmentId,
        couple.id,
        new Date('2026-08-09T08:00:00Z'),
        { status: 'completed' },
      );
      await newResponse(
        owner,
        clinic.id,
        occurrenceId,
        couple.id,
        couple.partnerA.id,
        'submitted',
        new Date('2026-08-09T09:00:00Z'),
      );
      await plan(clinic.id, new Date('2026-08-09T12:00:00Z'));
      const digest = (await deliveries(clinic.id)).find((r) => r.kind === 'digest');
      // 08:00 AEST on 10 August is 22:00 UTC on the 9th.
      expect(digest?.due_at.toISOString()).toBe('2026-08-09T22:00:00.000Z');
      const at = new Date('2026-08-09T22:00:00Z');
      await dispatcher.tick(at, [clinic.id]);
      await settled(clinic.id, at);
      const mails = await mailsTo(therapist.email);
      expect(mails.map((m) => m.subject)).toEqual([
        'Your Mend summary: 1 new response, 0 open alerts',
      ]);
    });
  });

  describe('exactly once', () => {
    it('sends once when the same delivery is enqueued twice, under two job ids and by two ticks', async () => {
      const { clinicId, couple, delivery, at } = await oneDueReminder();
      const queue = worker.get(QueueRegistry).queue('reminders');
      await queue.add(
        'reminders.send',
        { clinicId, deliveryIds: [delivery.id] },
        { jobId: 'dup-one' },
      );
      await queue.add(
        'reminders.send',
        { clinicId, deliveryIds: [delivery.id] },
        { jobId: 'dup-two' },
      );
      await dispatcher.tick(at, [clinicId]);
      await dispatcher.tick(at, [clinicId]);
      await settled(clinicId, at);
      await waitFor('both duplicate jobs to finish', async () => {
        const states = await Promise.all(['dup-one', 'dup-two'].map((id) => queue.getJobState(id)));
        return states.every((s) => s === 'completed') ? true : undefined;
      });
      expect(await mailsTo(couple.partnerA.email)).toHaveLength(1);
      const [row] = await deliveries(clinicId);
      expect(row).toMatchObject({ status: 'sent', attempts: 1 });
    });

    it('retries after the mail server was down and sends exactly once when it is back', async () => {
      const { clinicId, couple, at } = await oneDueReminder();
      await relay.down();
      try {
        await dispatcher.tick(at, [clinicId]);
        const failed = await waitFor('a failed attempt recorded', async () => {
          const [row] = await deliveries(clinicId);
          return row && row.attempts >= 1 && row.status === 'planned' ? row : undefined;
        });
        expect(failed.last_error).toMatch(/^E[A-Z]+/);
      } finally {
        await relay.up();
      }
      const [row] = await waitFor(
        'the retry to send',
        async () => {
          const rows = await deliveries(clinicId);
          return rows[0]?.status === 'sent' ? rows : undefined;
        },
        20_000,
      );
      expect(row?.attempts).toBeGreaterThanOrEqual(2);
      // A tick afterwards finds nothing more to do.
      expect((await dispatcher.tick(at, [clinicId])).sendsQueued).toBe(0);
      expect(await mailsTo(couple.partnerA.email)).toHaveLength(1);
    });

    it('marks a delivery failed, visibly, after its last attempt', async () => {
      const { clinicId, delivery } = await oneDueReminder();
      await relay.down();
      try {
        await expect(
          worker.get(DeliverySender).send({ clinicId, deliveryIds: [delivery.id] }, { attempt: 6 }),
        ).rejects.toThrow(/failed: E/);
      } finally {
        await relay.up();
      }
      const [row] = await deliveries(clinicId);
      expect(row).toMatchObject({ status: 'failed', attempts: 1 });
      expect(row?.last_error).toMatch(/^E[A-Z]+/);
      expect(
        (await dispatcher.tick(new Date('2027-01-01T00:00:00Z'), [clinicId])).sendsQueued,
      ).toBe(0);
    });
  });

  describe('batches', () => {
    it('sends a batch around refused addresses: the rest once, a busy mailbox retried alone, a missing one failed', async () => {
      const { clinicId, partners, at } = await dueBatch(3);
      const [busy, missing, ...others] = partners;
      if (!busy || !missing) throw new Error('no partners');
      const byRecipient = async () =>
        new Map((await deliveries(clinicId)).map((row) => [row.recipient_user_id, row]));
      relay.refuse(busy.email, '450 4.2.1 Mailbox busy, try again later');
      relay.refuse(missing.email, '550 5.1.1 No such mailbox');
      try {
        expect(await dispatcher.tick(at, [clinicId])).toMatchObject({
          sendsQueued: 6,
          sendJobsQueued: 1,
        });
        const afterFirst = await waitFor('the batch to be tried once', async () => {
          const rows = await byRecipient();
          return [...rows.values()].every((r) => r.status !== 'sending' && r.attempts >= 1)
            ? rows
            : undefined;
        });
        expect(afterFirst.get(busy.id)).toMatchObject({
          status: 'planned',
          last_error: 'EENVELOPE 450',
        });
        expect(afterFirst.get(missing.id)).toMatchObject({
          status: 'failed',
          attempts: 1,
          last_error: 'EENVELOPE 550',
        });
        for (const partner of others) {
          expect(afterFirst.get(partner.id)).toMatchObject({ status: 'sent', attempts: 1 });
        }
      } finally {
        relay.refuse(busy.email, null);
        relay.refuse(missing.email, null);
      }
      // No tick: the job's own retry claims what is still planned, and only that.
      const final = await waitFor(
        'the busy mailbox to be retried',
        async () => {
          const rows = await byRecipient();
          return rows.get(busy.id)?.status === 'sent' ? rows : undefined;
        },
        30_000,
      );
      expect(final.get(busy.id)?.attempts).toBeGreaterThanOrEqual(2);
      expect(final.get(missing.id)).toMatchObject({ status: 'failed', attempts: 1 });
      for (const partner of others) {
        expect(final.get(partner.id)).toMatchObject({ status: 'sent', attempts: 1 });
      }
      for (const partner of [busy, ...others]) expect(await mailsTo(partner.email)).toHaveLength(1);
      expect(await mailsTo(missing.email)).toHaveLength(0);
      const notes = await asClinic<Array<{ user_id: string }>>(
        owner,
        clinicId,
        `SELECT user_id FROM notifications WHERE clinic_id = $1`,
        [clinicId],
      );
      expect(notes.map((n) => n.user_id).sort()).toEqual([busy, ...others].map((p) => p.id).sort());
    });

    it("gives each email its delivery's Message-ID, the same on a copy sent after a crash", async () => {
      const { clinicId, couple, delivery, at } = await oneDueReminder();
      await dispatcher.tick(at, [clinicId]);
      await settled(clinicId, at);
      const messageId = `<${delivery.id}@mend.test>`;
      expect((await mailsTo(couple.partnerA.email)).map((m) => m.headers['message-id'])).toEqual([
        messageId,
      ]);
      // How a worker that died after the SMTP server took the message, but before `sent` was
      // committed, leaves the delivery: `sending`, its lease run out, no notification.
      await asClinic(
        owner,
        clinicId,
        `UPDATE deliveries SET status = 'sending', lease_until = '2000-01-01', sent_at = NULL,
                email_sent_at = NULL
          WHERE clinic_id = $1 AND id = $2`,
        [clinicId, delivery.id],
      );
      await asClinic(owner, clinicId, `DELETE FROM notifications WHERE clinic_id = $1`, [clinicId]);
      expect((await dispatcher.tick(at, [clinicId])).sendsQueued).toBe(1);
      await settled(clinicId, at);
      const copies = await waitFor('the second copy', async () => {
        const mails = await mailsTo(couple.partnerA.email);
        return mails.length >= 2 ? mails : undefined;
      });
      expect(copies.map((m) => m.headers['message-id'])).toEqual([messageId, messageId]);
    });
  });

  describe('tenant context', () => {
    it("a send job for clinic A cannot reach clinic B's delivery, even in a batch with A's own", async () => {
      const a = await oneDueReminder();
      const b = await oneDueReminder();
      const outcome = await worker
        .get(DeliverySender)
        .send(
          { clinicId: a.clinicId, deliveryIds: [a.delivery.id, b.delivery.id] },
          { attempt: 1 },
        );
      expect(outcome).toEqual({
        sent: [a.delivery.id],
        skipped: [],
        notClaimed: [b.delivery.id],
      });
      expect(await mailsTo(a.couple.partnerA.email)).toHaveLength(1);
      expect(await mailsTo(b.couple.partnerA.email)).toHaveLength(0);
      const [row] = await deliveries(b.clinicId);
      expect(row).toMatchObject({ status: 'planned', attempts: 0 });
      const seen = await db.run({ clinicId: a.clinicId }, (manager) =>
        manager.query(`SELECT count(*)::int AS n FROM deliveries WHERE id = $1`, [b.delivery.id]),
      );
      expect(seen).toEqual([{ n: 0 }]);
    });

    it('refuses a job payload without a clinic', async () => {
      await expect(
        worker.get(DeliverySender).send({ clinicId: '', deliveryIds: ['x'] }, { attempt: 1 }),
      ).rejects.toThrow('A tenant transaction needs a clinic id');
    });
  });
});
