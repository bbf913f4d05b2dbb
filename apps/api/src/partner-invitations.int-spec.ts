import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  asClinic,
  linkTokenFrom,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  startMailSink,
  type MailSink,
  type TestUser,
} from '@mend/server-testing';
import { startTestApi, type TestApi } from './testing/test-api';

interface InvitedPartnerBody {
  id: string;
  seat: string;
  status: string;
  invitationSent: boolean;
}

interface CreatedBody {
  id: string;
  partners: Array<{ id: string; seat: string }>;
}

interface ErrorBody {
  message: string;
  fields?: Record<string, string>;
}

const PASSWORD = 'harbor lights at dusk';

function email(name: string): string {
  return `${name}-${randomUUID().slice(0, 8)}@example.test`;
}

describe('a partner’s invitation: resend and correct the email (real PostgreSQL and SMTP)', () => {
  let api: TestApi;
  let sink: MailSink;
  let owner: DataSource;
  let clinicId: string;
  let admin: TestUser;
  let therapist: TestUser;
  let colleague: TestUser;
  let therapistToken: string;
  let adminToken: string;
  let colleagueToken: string;
  let otherAdminToken: string;
  let otherTherapistToken: string;

  const read = async <T>(response: Response): Promise<T> => (await response.json()) as T;

  /** A couple made through the API, so both partners are invited and their emails are out. */
  async function invitedCouple(): Promise<{
    coupleId: string;
    partnerA: { id: string; email: string; firstToken: string };
    partnerB: { id: string; email: string };
  }> {
    const a = email('alex');
    const b = email('sam');
    const created = await api.request('POST', '/couples', {
      token: therapistToken,
      body: {
        partnerA: { displayName: 'Alex Rivera', email: a, timeZone: 'America/New_York' },
        partnerB: { displayName: 'Sam Lee', email: b, timeZone: 'America/New_York' },
      },
    });
    expect(created.status).toBe(201);
    const couple = await read<CreatedBody>(created);
    const first = await sink.waitForMessage((m) => m.to.includes(a));
    const seat = (s: string) => couple.partners.find((p) => p.seat === s)?.id ?? '';
    return {
      coupleId: couple.id,
      partnerA: { id: seat('a'), email: a, firstToken: linkTokenFrom(first.text) },
      partnerB: { id: seat('b'), email: b },
    };
  }

  const accept = (token: string) =>
    api.request('POST', '/auth/invitations/accept', { body: { token, password: PASSWORD } });

  const auditActions = async (coupleId: string) =>
    asClinic<Array<{ action: string; actor_user_id: string; detail: Record<string, unknown> }>>(
      owner,
      clinicId,
      `SELECT action, actor_user_id, detail FROM audit_events
        WHERE record_id = $1 AND action LIKE 'couple.partner_%' ORDER BY occurred_at, id`,
      [coupleId],
    );

  beforeAll(async () => {
    sink = await startMailSink();
    owner = await ownerDataSource();
    clinicId = (await newClinic(owner)).id;
    admin = await newUser(owner, clinicId, 'clinic_admin');
    therapist = await newUser(owner, clinicId, 'therapist');
    colleague = await newUser(owner, clinicId, 'therapist');
    const other = await newClinic(owner);
    api = await startTestApi({ SMTP_URL: sink.smtpUrl });
    [therapistToken, adminToken, colleagueToken, otherAdminToken, otherTherapistToken] =
      await Promise.all([
        api.signIn(therapist),
        api.signIn(admin),
        api.signIn(colleague),
        api.signIn(await newUser(owner, other.id, 'clinic_admin')),
        api.signIn(await newUser(owner, other.id, 'therapist')),
      ]);
  });

  afterAll(async () => {
    await api.close();
    await sink.stop();
    await owner.destroy();
  });

  it('resends: a new email with a new link, and the earlier link stops working', async () => {
    const { coupleId, partnerA } = await invitedCouple();
    await sink.clear();
    const resent = await api.request(
      'POST',
      `/couples/${coupleId}/partners/${partnerA.id}/resend-invitation`,
      { token: therapistToken },
    );
    expect(resent.status).toBe(200);
    expect(await read<InvitedPartnerBody>(resent)).toMatchObject({
      id: partnerA.id,
      seat: 'a',
      status: 'invited',
      invitationSent: true,
    });
    const mail = await sink.waitForMessage((m) => m.to.includes(partnerA.email));
    const newToken = linkTokenFrom(mail.text);
    expect(newToken).not.toBe(partnerA.firstToken);

    expect((await accept(partnerA.firstToken)).status).toBe(400);
    expect((await accept(newToken)).status).toBe(204);
    await api.signIn({ email: partnerA.email, password: PASSWORD });

    const again = await api.request(
      'POST',
      `/couples/${coupleId}/partners/${partnerA.id}/resend-invitation`,
      { token: adminToken },
    );
    expect(again.status).toBe(409);
    expect((await sink.messages()).filter((m) => m.to.includes(partnerA.email))).toHaveLength(1);
    expect(await auditActions(coupleId)).toEqual([
      {
        action: 'couple.partner_invitation_resent',
        actor_user_id: therapist.id,
        detail: { partnerId: partnerA.id },
      },
    ]);
  });

  it('corrects the email before the partner joins: only the new address gets a working link', async () => {
    const { coupleId, partnerA } = await invitedCouple();
    const corrected = email('alex.corrected');
    await sink.clear();
    const response = await api.request(
      'PUT',
      `/couples/${coupleId}/partners/${partnerA.id}/email`,
      {
        token: adminToken,
        body: { email: corrected.toUpperCase() },
      },
    );
    expect(response.status).toBe(200);
    expect((await read<InvitedPartnerBody>(response)).invitationSent).toBe(true);
    const mail = await sink.waitForMessage((m) => m.to.includes(corrected));
    expect((await sink.messages()).filter((m) => m.to.includes(partnerA.email))).toEqual([]);

    expect((await accept(partnerA.firstToken)).status).toBe(400);
    expect((await accept(linkTokenFrom(mail.text))).status).toBe(204);
    await api.signIn({ email: corrected, password: PASSWORD });
    await expect(api.signIn({ email: partnerA.email, password: PASSWORD })).rejects.toThrow();

    const joined = await api.request('PUT', `/couples/${coupleId}/partners/${partnerA.id}/email`, {
      token: therapistToken,
      body: { email: email('too.late') },
    });
    expect(joined.status).toBe(409);
    const audit = await auditActions(coupleId);
    expect(audit).toEqual([
      {
        action: 'couple.partner_email_corrected',
        actor_user_id: admin.id,
        detail: { partnerId: partnerA.id, changed: true },
      },
    ]);
    expect(JSON.stringify(audit)).not.toContain('example.test');
  });

  it('refuses an email already in use in the clinic (409 naming email) and a bad one (400)', async () => {
    const { coupleId, partnerA, partnerB } = await invitedCouple();
    const taken = await api.request('PUT', `/couples/${coupleId}/partners/${partnerA.id}/email`, {
      token: therapistToken,
      body: { email: partnerB.email },
    });
    expect(taken.status).toBe(409);
    expect((await read<ErrorBody>(taken)).fields).toEqual({
      email: 'already in use in this clinic',
    });
    const bad = await api.request('PUT', `/couples/${coupleId}/partners/${partnerA.id}/email`, {
      token: therapistToken,
      body: { email: 'not an email', extra: 1 },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys((await read<ErrorBody>(bad)).fields ?? {}).sort()).toEqual([
      'email',
      'extra',
    ]);
    const [row] = await asClinic<Array<{ email: string }>>(
      owner,
      clinicId,
      'SELECT email FROM users WHERE id = $1',
      [partnerA.id],
    );
    expect(row?.email).toBe(partnerA.email);
  });

  it('refuses both while the couple is closed (409), and sends nothing', async () => {
    const { coupleId, partnerA } = await invitedCouple();
    const closed = await api.request('PUT', `/couples/${coupleId}`, {
      token: therapistToken,
      body: { status: 'closed' },
    });
    expect(closed.status).toBe(200);
    await sink.clear();
    const resend = await api.request(
      'POST',
      `/couples/${coupleId}/partners/${partnerA.id}/resend-invitation`,
      { token: therapistToken },
    );
    expect(resend.status).toBe(409);
    const correct = await api.request('PUT', `/couples/${coupleId}/partners/${partnerA.id}/email`, {
      token: adminToken,
      body: { email: email('closed') },
    });
    expect(correct.status).toBe(409);
    expect(await sink.messages()).toEqual([]);
    expect(await auditActions(coupleId)).toEqual([]);
  });

  it('is for the couple’s therapists and admins: partners 403, others 404, nothing sent', async () => {
    const { coupleId, partnerA } = await invitedCouple();
    const elsewhere = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
    const partnerToken = await api.signIn(elsewhere.partnerA);
    await sink.clear();
    const attempts: Array<[string, string, string]> = [
      [partnerToken, 'POST', 'resend-invitation'],
      [partnerToken, 'PUT', 'email'],
      [colleagueToken, 'POST', 'resend-invitation'],
      [colleagueToken, 'PUT', 'email'],
      [otherAdminToken, 'POST', 'resend-invitation'],
      [otherAdminToken, 'PUT', 'email'],
      [otherTherapistToken, 'PUT', 'email'],
    ];
    const statuses: number[] = [];
    for (const [token, method, tail] of attempts) {
      const response = await api.request(
        method,
        `/couples/${coupleId}/partners/${partnerA.id}/${tail}`,
        { token, body: method === 'PUT' ? { email: email('intruder') } : undefined },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([403, 403, 404, 404, 404, 404, 404]);
    // A partner id that belongs to another couple is not found through this one.
    const wrongCouple = await api.request(
      'POST',
      `/couples/${elsewhere.id}/partners/${partnerA.id}/resend-invitation`,
      { token: therapistToken },
    );
    expect(wrongCouple.status).toBe(404);
    expect(await sink.messages()).toEqual([]);
    expect(await auditActions(coupleId)).toEqual([]);
  });
});
