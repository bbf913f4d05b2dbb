import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import type { DataSource } from 'typeorm';
import { QueueRegistry } from '@mend/server-jobs';
import type { TenantContext } from '@mend/server-tenancy';
import {
  asClinic,
  newAssignment,
  newClinic,
  newCouple,
  newOccurrence,
  newResponse,
  newUser,
  ownerDataSource,
  startMailSink,
  testConfig,
  waitFor,
  type MailSink,
  type TestCouple,
  type TestUser,
} from '@mend/server-testing';
import type { ReportFormat } from '@mend/shared-contracts';
import { ReportJobs } from './report.jobs';
import { ReportsService } from './reports.service';
import { startReportsApp } from './testing/worker-app';

/** A month that has ended whatever day the tests run on (the clinic is in UTC). */
const MONTH = '2025-03';
const at = (iso: string) => new Date(iso);
const SECRET = '=HYPERLINK("http://evil.test","private words of partner A")';

describe('reports on the reports queue (real PostgreSQL, Redis, worker)', () => {
  let owner: DataSource;
  let sink: MailSink;
  let app: INestApplication;
  let reports: ReportsService;
  let clinicId: string;
  let admin: TestUser;
  let therapist1: TestUser;
  let therapist2: TestUser;
  let couples: TestCouple[];

  const ctx = (user: TestUser): TenantContext => ({
    clinicId: user.clinicId,
    userId: user.id,
    role: user.role,
    sessionId: 'test-session',
  });

  async function fileOf(reportClinic: string, reportId: string, format: ReportFormat) {
    const rows = await asClinic<Array<{ bytes: Buffer }>>(
      owner,
      reportClinic,
      `SELECT bytes FROM report_files WHERE clinic_id = $1 AND report_id = $2 AND format = $3
        ORDER BY part`,
      [reportClinic, reportId, format],
    );
    return Buffer.concat(rows.map((row) => row.bytes));
  }

  async function ready(reportClinic: string, reportId: string) {
    return waitFor(
      `report ${reportId} to be ready`,
      async () => {
        const [row] = await asClinic<Array<{ status: string; progress: number }>>(
          owner,
          reportClinic,
          `SELECT status, progress FROM reports WHERE clinic_id = $1 AND id = $2`,
          [reportClinic, reportId],
        );
        if (row?.status === 'failed') throw new Error('report failed');
        return row?.status === 'ready' ? row : undefined;
      },
      30_000,
    );
  }

  beforeAll(async () => {
    owner = await ownerDataSource();
    sink = await startMailSink();
    app = await startReportsApp(testConfig({ SMTP_URL: sink.smtpUrl }));
    reports = app.get(ReportsService);

    const clinic = await newClinic(owner);
    clinicId = clinic.id;
    admin = await newUser(owner, clinicId, 'clinic_admin');
    therapist1 = await newUser(owner, clinicId, 'therapist');
    therapist2 = await newUser(owner, clinicId, 'therapist');
    await asClinic(
      owner,
      clinicId,
      `UPDATE users SET display_name = CASE id WHEN $2 THEN 'Dra. Núñez' ELSE 'Tomás Ibáñez' END
        WHERE clinic_id = $1 AND id IN ($2, $3)`,
      [clinicId, therapist1.id, therapist2.id],
    );
    const c1 = await newCouple(owner, clinicId, { therapistIds: [therapist1.id] });
    const c2 = await newCouple(owner, clinicId, {
      therapistIds: [therapist1.id, therapist2.id],
    });
    const c3 = await newCouple(owner, clinicId, { therapistIds: [therapist2.id] });
    couples = [c1, c2, c3];
    await asClinic(
      owner,
      clinicId,
      `UPDATE couples SET created_at = '2025-01-10T00:00:00Z' WHERE clinic_id = $1`,
      [clinicId],
    );
    await asClinic(
      owner,
      clinicId,
      `UPDATE couples SET created_at = '2025-03-05T00:00:00Z', status = 'closed',
              closed_at = '2025-03-25T00:00:00Z' WHERE clinic_id = $1 AND id = $2`,
      [clinicId, c3.id],
    );

    // c1, `each`: both answered, one answered, none; a joint one answered by A (counts both).
    const each1 = await newAssignment(owner, clinicId, c1.id, { mode: 'each' });
    const o1 = await newOccurrence(owner, clinicId, each1, c1.id, at('2025-03-03T20:00:00Z'));
    const o2 = await newOccurrence(owner, clinicId, each1, c1.id, at('2025-03-04T20:00:00Z'));
    await newOccurrence(owner, clinicId, each1, c1.id, at('2025-03-05T20:00:00Z'));
    await newResponse(owner, clinicId, o1, c1.id, c1.partnerA.id);
    await newResponse(owner, clinicId, o1, c1.id, c1.partnerB.id);
    await newResponse(owner, clinicId, o2, c1.id, c1.partnerA.id);
    await asClinic(
      owner,
      clinicId,
      `UPDATE responses SET answers = $2 WHERE clinic_id = $1 AND occurrence_id = $3`,
      [clinicId, { q1: SECRET }, o2],
    );
    const joint = await newAssignment(owner, clinicId, c1.id, { mode: 'joint' });
    const o4 = await newOccurrence(owner, clinicId, joint, c1.id, at('2025-03-10T20:00:00Z'));
    await newResponse(owner, clinicId, o4, c1.id, c1.partnerA.id);
    // Outside the month: not counted.
    const late = await newOccurrence(owner, clinicId, each1, c1.id, at('2025-04-01T20:00:00Z'));
    await newResponse(owner, clinicId, late, c1.id, c1.partnerA.id);

    // c2, `one` for partner B: answered; a cancelled occurrence does not count.
    const one = await newAssignment(owner, clinicId, c2.id, {
      mode: 'one',
      assigneeUserId: c2.partnerB.id,
    });
    const o5 = await newOccurrence(owner, clinicId, one, c2.id, at('2025-03-12T20:00:00Z'));
    await newResponse(owner, clinicId, o5, c2.id, c2.partnerB.id);
    await newOccurrence(owner, clinicId, one, c2.id, at('2025-03-13T20:00:00Z'), {
      status: 'cancelled',
    });
    for (const [status, partner] of [
      ['sent', c2.partnerA],
      ['failed', c2.partnerB],
    ] as const) {
      await asClinic(
        owner,
        clinicId,
        `INSERT INTO deliveries (clinic_id, kind, recipient_user_id, subject_key, occurrence_id,
                                 due_at, status, sent_at)
         VALUES ($1, 'due_soon', $2, $3, $6, '2025-03-12T18:00:00Z', $4, $5)`,
        [
          clinicId,
          partner.id,
          `due_soon:${o5}`,
          status,
          status === 'sent' ? '2025-03-12T18:00:05Z' : null,
          o5,
        ],
      );
    }
    await asClinic(
      owner,
      clinicId,
      `INSERT INTO alerts (clinic_id, couple_id, kind, dedupe_key, created_at)
       VALUES ($1, $2, 'asymmetry', 'asymmetry:c2', '2025-03-20T00:00:00Z')`,
      [clinicId, c2.id],
    );
  }, 60_000);

  afterAll(async () => {
    await app.get(QueueRegistry).queue('reports').obliterate({ force: true });
    await app.close();
    await sink.stop();
    await owner.destroy();
  });

  it('builds the monthly report once when asked twice at the same time', async () => {
    const [first, second] = await Promise.all([
      reports.requestMonthly(ctx(admin), { month: MONTH }),
      reports.requestMonthly(ctx(admin), { month: MONTH }),
    ]);
    expect(second.id).toBe(first.id);
    await ready(clinicId, first.id);
    const rows = await asClinic<Array<{ reports: number; builds: number }>>(
      owner,
      clinicId,
      `SELECT count(*)::int AS reports,
              (SELECT count(*)::int FROM report_files f
                WHERE f.clinic_id = $1 AND f.format = 'csv' AND f.part = 0) AS builds
         FROM reports WHERE clinic_id = $1 AND kind = 'clinic_monthly'`,
      [clinicId],
    );
    expect(rows[0]).toEqual({ reports: 1, builds: 1 });
    const got = await reports.get(ctx(admin), first.id);
    expect(got).toMatchObject({ status: 'ready', progress: 100, formats: ['csv', 'pdf'] });
  });

  it('writes a CSV whose figures equal the ones SQL counts from the raw rows', async () => {
    const { rows: list } = await reports.list(ctx(admin), {
      filter: { kind: 'clinic_monthly' },
      sort: 'requestedAt',
      order: 'DESC',
      offset: 0,
      limit: 10,
    });
    const report = list[0];
    if (!report) throw new Error('no report listed');
    const csv = await fileOf(clinicId, report.id, 'csv');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(csv.toString('utf8').slice(1), { columns: true }) as Array<
      Record<string, string>
    >;
    // Independently: each expected (occurrence, partner) pair, and whether that partner's (or a
    // joint) submitted answer exists, from the raw tables without the report's query.
    const expected = await asClinic<
      Array<{
        couple_id: string;
        due: number;
        expected: number;
        answers: number;
        both: number;
        one: number;
        none: number;
      }>
    >(
      owner,
      clinicId,
      `WITH pairs AS (
         SELECT o.couple_id, o.id AS occurrence_id, p.user_id,
                EXISTS (SELECT 1 FROM responses r WHERE r.clinic_id = o.clinic_id
                          AND r.occurrence_id = o.id AND r.status = 'submitted'
                          AND (r.author_user_id = p.user_id OR a.completion_mode = 'joint')) AS done
           FROM occurrences o
           JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
           JOIN couple_partners p ON p.clinic_id = o.clinic_id AND p.couple_id = o.couple_id
          WHERE o.clinic_id = $1 AND o.status <> 'cancelled'
            AND o.due_at >= '2025-03-01T00:00:00Z' AND o.due_at < '2025-04-01T00:00:00Z'
            AND (a.assignee_user_id IS NULL OR a.assignee_user_id = p.user_id)
       ), per_occurrence AS (
         SELECT couple_id, occurrence_id, count(*) AS n, count(*) FILTER (WHERE done) AS d
           FROM pairs GROUP BY couple_id, occurrence_id
       )
       SELECT c.id AS couple_id, count(po.occurrence_id)::int AS due,
              COALESCE(sum(po.n), 0)::int AS expected, COALESCE(sum(po.d), 0)::int AS answers,
              (count(*) FILTER (WHERE po.n = 2 AND po.d = 2))::int AS both,
              (count(*) FILTER (WHERE po.n = 2 AND po.d = 1))::int AS one,
              (count(*) FILTER (WHERE po.d = 0))::int AS none
         FROM couples c LEFT JOIN per_occurrence po ON po.couple_id = c.id
        WHERE c.clinic_id = $1 GROUP BY c.id`,
      [clinicId],
    );
    const fromCsv = Object.fromEntries(
      records.map((r) => [
        r['couple_id'],
        {
          due: Number(r['occurrences_due']),
          expected: Number(r['expected_answers']),
          answers: Number(r['answers']),
          both: Number(r['both_partners_answered']),
          one: Number(r['one_partner_answered']),
          none: Number(r['none_answered']),
        },
      ]),
    );
    const fromSql = Object.fromEntries(
      expected.map(({ couple_id: id, ...figures }) => [id, figures]),
    );
    expect(fromCsv).toEqual(fromSql);
    expect(Object.keys(fromCsv).sort()).toEqual(couples.map((c) => c.id).sort());
    // The seed's shape, so the comparison above is not between two empty sets.
    expect(fromCsv[couples[0]?.id ?? '']).toEqual({
      due: 4,
      expected: 8,
      answers: 5,
      both: 2,
      one: 1,
      none: 1,
    });
    const c2 = records.find((r) => r['couple_id'] === couples[1]?.id);
    expect(c2).toMatchObject({
      reminders_sent: '1',
      reminders_failed: '1',
      unresolved_alerts: '1',
    });
    const c3 = records.find((r) => r['couple_id'] === couples[2]?.id);
    expect(c3).toMatchObject({ new_in_period: 'true', closed_in_period: 'true' });
    expect(csv.toString('utf8')).not.toContain('private words');
  });

  it('writes a PDF whose text holds the same totals, set in a font that renders Spanish', async () => {
    const { rows } = await reports.list(ctx(admin), {
      filter: { kind: 'clinic_monthly' },
      sort: 'requestedAt',
      order: 'DESC',
      offset: 0,
      limit: 10,
    });
    const pdf = await fileOf(clinicId, rows[0]?.id ?? '', 'pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'mend-report-'));
    writeFileSync(join(dir, 'report.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-']).toString();
    expect(text).toContain('Monthly clinic report');
    expect(text).toContain('2025-03-01 to 2025-03-31');
    expect(text).toMatch(/Page 2 of \d/);
    // Totals: 3 couples, 1 new, 1 closed; 5 exercises due (4 + 1), answers 6 of 9 → 67 %.
    expect(text).toMatch(/3\s+1\s+1\s+5\s+67 %/);
    expect(text).toContain('Dra. Núñez');
    expect(text).toContain('Tomás Ibáñez');
    expect(text).not.toContain('private words');
    // A page as an image, kept for a person to look at.
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '2',
      '-l',
      '2',
      join(dir, 'report.pdf'),
      join(dir, 'page'),
    ]);
    const png = readFileSync(join(dir, 'page-2.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    writeFileSync(join(process.env['MEND_REPORT_SHOTS'] ?? dir, 'monthly-page-2.png'), png);
  });

  it('tells the requester in the app and by an email that names nobody', async () => {
    const [notification] = await asClinic<Array<{ kind: string; report_id: string }>>(
      owner,
      clinicId,
      `SELECT kind, report_id FROM notifications WHERE clinic_id = $1 AND user_id = $2`,
      [clinicId, admin.id],
    );
    expect(notification?.kind).toBe('report_ready');
    const mail = await sink.waitForMessage((m) => m.to.includes(admin.email));
    expect(mail.subject).toBe('Your monthly clinic report is ready');
    for (const couple of couples) expect(mail.text).not.toContain(couple.id.slice(0, 4));
    expect(mail.text).not.toContain('Núñez');
    const mails = (await sink.messages()).filter((m) => m.to.includes(admin.email));
    expect(mails).toHaveLength(1);
  });

  it('answers not found to anyone who may not read the report, in or out of the clinic', async () => {
    const { rows } = await reports.list(ctx(admin), {
      filter: {},
      sort: 'requestedAt',
      order: 'DESC',
      offset: 0,
      limit: 10,
    });
    const id = rows[0]?.id ?? '';
    const other = await newClinic(owner);
    const outsiders = [
      therapist1,
      couples[0]?.partnerA as TestUser,
      await newUser(owner, other.id, 'clinic_admin'),
      await newUser(owner, other.id, 'therapist'),
    ];
    for (const user of outsiders) {
      await expect(reports.get(ctx(user), id)).rejects.toMatchObject({ status: 404 });
      const { rows: seen } = await reports.list(ctx(user), {
        filter: {},
        sort: 'requestedAt',
        order: 'DESC',
        offset: 0,
        limit: 10,
      });
      expect(seen).toEqual([]);
    }
  });

  it('refuses a month that has not ended, naming the field', async () => {
    await expect(reports.requestMonthly(ctx(admin), { month: '2999-01' })).rejects.toMatchObject({
      status: 400,
      response: { fields: { month: expect.any(String) } },
    });
  });

  it("asks for each clinic's monthly report once its month has begun in its own time zone", async () => {
    const jobs = app.get(ReportJobs);
    const auckland = await newClinic(owner);
    const losAngeles = await newClinic(owner);
    for (const [clinic, zone] of [
      [auckland.id, 'Pacific/Auckland'],
      [losAngeles.id, 'America/Los_Angeles'],
    ] as const) {
      await asClinic(
        owner,
        clinic,
        `UPDATE clinics SET time_zone = $2, created_at = '2024-06-01T00:00:00Z' WHERE id = $1`,
        [clinic, zone],
      );
    }
    // 12:00 UTC on 31 March: already 1 April in Auckland, still 31 March in Los Angeles.
    await jobs.monthly({ scheduledBy: 'test', at: '2025-03-31T12:00:00Z' });
    await jobs.monthly({ scheduledBy: 'test', at: '2025-03-31T12:05:00Z' });
    const periods = async (clinic: string) =>
      (
        await asClinic<Array<{ period_start: string }>>(
          owner,
          clinic,
          `SELECT period_start::text AS period_start FROM reports
            WHERE clinic_id = $1 AND kind = 'clinic_monthly' ORDER BY period_start`,
          [clinic],
        )
      ).map((row) => row.period_start);
    expect(await periods(auckland.id)).toEqual(['2025-03-01']);
    expect(await periods(losAngeles.id)).toEqual(['2025-02-01']);
  });

  it("keeps a report as long as the clinic's retention says", async () => {
    await asClinic(owner, clinicId, `UPDATE clinics SET report_retention_days = 10 WHERE id = $1`, [
      clinicId,
    ]);
    const report = await reports.requestMonthly(ctx(admin), { month: '2025-02' });
    await ready(clinicId, report.id);
    const got = await reports.get(ctx(admin), report.id);
    const kept = Date.parse(got.expiresAt ?? '') - Date.parse(got.finishedAt ?? '');
    expect(Math.round(kept / 86_400_000)).toBe(10);
    await asClinic(owner, clinicId, `UPDATE clinics SET report_retention_days = 90 WHERE id = $1`, [
      clinicId,
    ]);
  });

  it('deletes reports and their files once the clinic retention has passed', async () => {
    const jobs = app.get(ReportJobs);
    const { rows } = await reports.list(ctx(admin), {
      filter: { kind: 'clinic_monthly' },
      sort: 'requestedAt',
      order: 'DESC',
      offset: 0,
      limit: 10,
    });
    const report = rows.find((row) => row.periodStart === '2025-03-01');
    if (!report?.expiresAt) throw new Error('a ready report has an expiry');
    const retention = Date.parse(report.expiresAt) - Date.parse(report.finishedAt ?? '');
    expect(Math.round(retention / 86_400_000)).toBe(90);
    await jobs.sweep({
      scheduledBy: 'test',
      at: new Date(Date.parse(report.expiresAt) - 1000).toISOString(),
    });
    expect((await fileOf(clinicId, report.id, 'csv')).length).toBeGreaterThan(0);
    // The row keeps microseconds; the DTO's time is cut to milliseconds.
    await jobs.sweep({
      scheduledBy: 'test',
      at: new Date(Date.parse(report.expiresAt) + 1000).toISOString(),
    });
    await expect(reports.get(ctx(admin), report.id)).rejects.toMatchObject({ status: 404 });
    expect((await fileOf(clinicId, report.id, 'csv')).length).toBe(0);
  });
});
