import type { DataSource } from 'typeorm';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  type TestCouple,
  type TestUser,
} from '@mend/server-testing';
import { startTestApi, type TestApi } from './testing/test-api';

interface NotificationBody {
  id: string;
  kind: string;
  link: string;
  readAt: string | null;
}

describe('notifications and reminder preferences (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let clinicId: string;
  let couple: TestCouple;
  let therapist: TestUser;
  let tokenA: string;
  let tokenB: string;
  let therapistToken: string;
  let otherClinicToken: string;

  async function notify(
    clinic: string,
    userId: string,
    kind: string,
    occurrenceId: string | null = null,
  ): Promise<string> {
    const [row] = await asClinic<Array<{ id: string }>>(
      owner,
      clinic,
      `INSERT INTO notifications (clinic_id, user_id, kind, occurrence_id) VALUES ($1, $2, $3, $4)
       RETURNING id`,
      [clinic, userId, kind, occurrenceId],
    );
    return row?.id ?? '';
  }

  const readAtOf = async (clinic: string, id: string) =>
    (
      await asClinic<Array<{ read_at: Date | null }>>(
        owner,
        clinic,
        'SELECT read_at FROM notifications WHERE clinic_id = $1 AND id = $2',
        [clinic, id],
      )
    )[0]?.read_at ?? null;

  const userRow = async (userId: string) =>
    (
      await asClinic<Array<Record<string, unknown>>>(
        owner,
        clinicId,
        `SELECT time_zone, locale, reminder_time, quiet_hours_start, quiet_hours_end,
                email_reminders FROM users WHERE clinic_id = $1 AND id = $2`,
        [clinicId, userId],
      )
    )[0];

  beforeAll(async () => {
    owner = await ownerDataSource();
    api = await startTestApi();
    const clinic = await newClinic(owner);
    clinicId = clinic.id;
    therapist = await newUser(owner, clinicId, 'therapist');
    couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
    tokenA = await api.signIn(couple.partnerA);
    tokenB = await api.signIn(couple.partnerB);
    therapistToken = await api.signIn(therapist);
    const other = await newClinic(owner);
    otherClinicToken = await api.signIn(await newUser(owner, other.id, 'client'));
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  describe('GET /api/notifications', () => {
    it("lists the caller's own notifications only, newest first, with react-admin's range", async () => {
      const occurrenceId = '7b0c7b54-5b7e-4a3e-9d55-8d4b0e3f6a11';
      const first = await notify(clinicId, couple.partnerA.id, 'due_soon', occurrenceId);
      const second = await notify(clinicId, couple.partnerA.id, 'overdue', occurrenceId);
      await notify(clinicId, couple.partnerB.id, 'due_soon', occurrenceId);
      const response = await api.request('GET', '/notifications?range=[0,9]', { token: tokenA });
      expect(response.status).toBe(200);
      const body = (await response.json()) as NotificationBody[];
      expect(body.map((n) => n.id)).toEqual([second, first]);
      expect(body[0]?.link).toBe(`/exercise/${occurrenceId}`);
      expect(response.headers.get('content-range')).toBe('notifications 0-1/2');
    });

    it('filters unread ones', async () => {
      const id = await notify(clinicId, couple.partnerB.id, 'overdue');
      await asClinic(owner, clinicId, `UPDATE notifications SET read_at = now() WHERE id = $1`, [
        id,
      ]);
      const unread = (await (
        await api.request('GET', `/notifications?filter=${encodeURIComponent('{"unread":true}')}`, {
          token: tokenB,
        })
      ).json()) as NotificationBody[];
      expect(unread.every((n) => n.readAt === null)).toBe(true);
      expect(unread.map((n) => n.id)).not.toContain(id);
      const read = (await (
        await api.request(
          'GET',
          `/notifications?filter=${encodeURIComponent('{"unread":false}')}`,
          {
            token: tokenB,
          },
        )
      ).json()) as NotificationBody[];
      expect(read.map((n) => n.id)).toEqual([id]);
    });

    it('rejects an unknown filter, naming it', async () => {
      const response = await api.request(
        'GET',
        `/notifications?filter=${encodeURIComponent('{"userId":"x"}')}`,
        { token: tokenA },
      );
      expect(response.status).toBe(400);
      expect(((await response.json()) as { fields: Record<string, string> }).fields).toHaveProperty(
        'filter',
      );
    });

    it("shows another clinic's user none of this clinic's notifications", async () => {
      const response = await api.request('GET', '/notifications', { token: otherClinicToken });
      expect(await response.json()).toEqual([]);
    });
  });

  describe('unread count and marking read', () => {
    it('counts, marks one read, then all', async () => {
      const user = await newUser(owner, clinicId, 'therapist');
      const token = await api.signIn(user);
      const ids = [
        await notify(clinicId, user.id, 'digest'),
        await notify(clinicId, user.id, 'escalation'),
        await notify(clinicId, user.id, 'digest'),
      ];
      const count = async () =>
        (
          (await (await api.request('GET', '/notifications/unread-count', { token })).json()) as {
            count: number;
          }
        ).count;
      expect(await count()).toBe(3);
      const one = await api.request('POST', `/notifications/${ids[0]}/read`, { token });
      expect(one.status).toBe(200);
      expect(((await one.json()) as NotificationBody).readAt).not.toBeNull();
      expect(await count()).toBe(2);
      const all = await api.request('POST', '/notifications/read-all', { token });
      expect(await all.json()).toEqual({ updated: 2 });
      expect(await count()).toBe(0);
    });

    it("answers 404 for someone else's notification, in the clinic or another, and changes nothing", async () => {
      const id = await notify(clinicId, couple.partnerA.id, 'due_soon');
      for (const token of [tokenB, therapistToken, otherClinicToken]) {
        const response = await api.request('POST', `/notifications/${id}/read`, { token });
        expect(response.status).toBe(404);
      }
      expect(await readAtOf(clinicId, id)).toBeNull();
      await api.request('POST', '/notifications/read-all', { token: tokenB });
      await api.request('POST', '/notifications/read-all', { token: otherClinicToken });
      expect(await readAtOf(clinicId, id)).toBeNull();
    });

    it('answers 400 for an id that is not a uuid', async () => {
      const response = await api.request('POST', '/notifications/not-an-id/read', {
        token: tokenA,
      });
      expect(response.status).toBe(400);
    });

    it('answers 401 without a session', async () => {
      expect((await api.request('GET', '/notifications')).status).toBe(401);
      expect((await api.request('GET', '/account/preferences')).status).toBe(401);
    });
  });

  describe('GET/PUT /api/account/preferences', () => {
    it("reads and changes the caller's own preferences only", async () => {
      const before = await userRow(couple.partnerB.id);
      const put = await api.request('PUT', '/account/preferences', {
        token: tokenA,
        body: {
          timeZone: 'Europe/Madrid',
          locale: 'es',
          reminderTime: '08:30',
          quietHoursStart: '22:00',
          quietHoursEnd: '07:00',
          emailReminders: false,
        },
      });
      expect(put.status).toBe(200);
      const expected = {
        timeZone: 'Europe/Madrid',
        locale: 'es',
        reminderTime: '08:30',
        quietHoursStart: '22:00',
        quietHoursEnd: '07:00',
        emailReminders: false,
      };
      expect(await put.json()).toEqual(expected);
      const get = await api.request('GET', '/account/preferences', { token: tokenA });
      expect(await get.json()).toEqual(expected);
      expect(await userRow(couple.partnerB.id)).toEqual(before);
      const [audit] = await asClinic<Array<{ action: string }>>(
        owner,
        clinicId,
        `SELECT action FROM audit_events WHERE clinic_id = $1 AND record_id = $2
          AND action = 'user.preferences_updated'`,
        [clinicId, couple.partnerA.id],
      );
      expect(audit?.action).toBe('user.preferences_updated');
    });

    it('clears times with null, the quiet hours as a pair', async () => {
      const response = await api.request('PUT', '/account/preferences', {
        token: tokenA,
        body: { reminderTime: null, quietHoursStart: null, quietHoursEnd: null },
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        reminderTime: null,
        quietHoursStart: null,
        quietHoursEnd: null,
      });
    });

    it.each([
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ timeZone: '+05:00' }, 'timeZone'],
      [{ locale: 'fr' }, 'locale'],
      [{ reminderTime: '25:00' }, 'reminderTime'],
      [{ quietHoursStart: '22:00' }, 'quietHoursEnd'],
      [{ emailReminders: 'yes' }, 'emailReminders'],
      [{ email: 'x@example.test' }, 'email'],
    ])('refuses %j with 400 naming %s, writing nothing', async (body, field) => {
      const user = await newUser(owner, clinicId, 'client');
      const token = await api.signIn(user);
      const before = await userRow(user.id);
      const response = await api.request('PUT', '/account/preferences', { token, body });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { fields: Record<string, string> }).fields).toHaveProperty(
        field,
      );
      expect(await userRow(user.id)).toEqual(before);
    });

    it('lets every role keep its own preferences', async () => {
      for (const role of ['clinic_admin', 'therapist', 'client'] as const) {
        const user = await newUser(owner, clinicId, role);
        const token = await api.signIn(user);
        const response = await api.request('PUT', '/account/preferences', {
          token,
          body: { reminderTime: '07:15' },
        });
        expect(response.status).toBe(200);
        expect((await userRow(user.id))?.['reminder_time']).toBe('07:15:00');
      }
    });
  });
});
