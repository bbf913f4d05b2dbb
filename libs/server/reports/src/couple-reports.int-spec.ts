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
import { ReportsService } from './reports.service';
import { startReportsApp } from './testing/worker-app';
import { zipEntries } from './testing/zip-entries';

/** Words that only partner A's private answer, draft and safety check hold. */
const A_PRIVATE = 'zebra-private-of-A';
const A_DRAFT = 'walrus-draft-of-A';
const A_SAFETY = 'heron-safety-of-A';
const A_SHARED = '=HYPERLINK("http://evil.test","shared words of A")';
const B_OWN = 'otter-own-words-of-B';

describe('session summaries and exports (real PostgreSQL, Redis, worker)', () => {
  let owner: DataSource;
  let sink: MailSink;
  let app: INestApplication;
  let reports: ReportsService;
  let therapist: TestUser;
  let couple: TestCouple;

  const ctx = (user: TestUser): TenantContext => ({
    clinicId: user.clinicId,
    userId: user.id,
    role: user.role,
    sessionId: 'test-session',
  });

  async function built(user: TestUser, id: string, format: ReportFormat): Promise<Buffer> {
    await waitFor(
      `report ${id}`,
      async () => {
        const report = await reports.get(ctx(user), id);
        if (report.status === 'failed') throw new Error('report failed');
        return report.status === 'ready' ? report : undefined;
      },
      30_000,
    );
    const rows = await asClinic<Array<{ bytes: Buffer }>>(
      owner,
      user.clinicId,
      `SELECT bytes FROM report_files WHERE clinic_id = $1 AND report_id = $2 AND format = $3
        ORDER BY part`,
      [user.clinicId, id, format],
    );
    return Buffer.concat(rows.map((row) => row.bytes));
  }

  async function respond(
    occurrenceId: string,
    author: TestUser,
    status: 'draft' | 'submitted',
    answers: Record<string, { value: string; visibility: string }>,
  ) {
    await asClinic(
      owner,
      couple.clinicId,
      `INSERT INTO responses (clinic_id, occurrence_id, couple_id, author_user_id, status,
                              submitted_at, answers)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        couple.clinicId,
        occurrenceId,
        couple.id,
        author.id,
        status,
        status === 'submitted' ? new Date('2025-03-04T10:00:00Z') : null,
        answers,
      ],
    );
  }

  beforeAll(async () => {
    owner = await ownerDataSource();
    sink = await startMailSink();
    app = await startReportsApp(testConfig({ SMTP_URL: sink.smtpUrl }));
    reports = app.get(ReportsService);
    const clinic = await newClinic(owner);
    therapist = await newUser(owner, clinic.id, 'therapist');
    couple = await newCouple(owner, clinic.id, { therapistIds: [therapist.id], timeZone: 'UTC' });
    const assignment = await newAssignment(owner, clinic.id, couple.id, { mode: 'each' });
    const o1 = await newOccurrence(
      owner,
      clinic.id,
      assignment,
      couple.id,
      new Date('2025-03-03T20:00:00Z'),
    );
    const o2 = await newOccurrence(
      owner,
      clinic.id,
      assignment,
      couple.id,
      new Date('2025-03-04T20:00:00Z'),
    );
    await respond(o1, couple.partnerA, 'submitted', {
      shared: { value: A_SHARED, visibility: 'partner' },
      secret: { value: A_PRIVATE, visibility: 'therapist' },
    });
    await respond(o1, couple.partnerB, 'submitted', {
      own: { value: B_OWN, visibility: 'therapist' },
    });
    await respond(o2, couple.partnerA, 'draft', {
      shared: { value: A_DRAFT, visibility: 'partner' },
    });
    await asClinic(
      owner,
      clinic.id,
      `INSERT INTO safety_flags (clinic_id, couple_id, raised_by_user_id, note) VALUES ($1, $2, $3, $4)`,
      [clinic.id, couple.id, couple.partnerA.id, A_SAFETY],
    );
  }, 60_000);

  afterAll(async () => {
    await app.get(QueueRegistry).queue('reports').obliterate({ force: true });
    await app.close();
    await sink.stop();
    await owner.destroy();
  });

  it("gives partner B their own answers and A's shared one, and no byte of A's private ones", async () => {
    const report = await reports.requestExport(ctx(couple.partnerB), couple.id);
    const zip = await built(couple.partnerB, report.id, 'zip');
    const entries = zipEntries(zip);
    expect([...entries.keys()].sort()).toEqual(['answers.csv', 'record.json', 'record.pdf']);
    const dir = mkdtempSync(join(tmpdir(), 'mend-export-'));
    writeFileSync(join(dir, 'record.pdf'), entries.get('record.pdf') ?? Buffer.alloc(0));
    const pdfText = execFileSync('pdftotext', [join(dir, 'record.pdf'), '-']).toString();
    const everything = [
      zip.toString('latin1'),
      ...[...entries.values()].map((bytes) => bytes.toString('utf8')),
      pdfText,
    ].join('\n');
    expect(everything).toContain(B_OWN);
    expect(everything).toContain('shared words of A');
    for (const secret of [A_PRIVATE, A_DRAFT, A_SAFETY]) expect(everything).not.toContain(secret);

    // The shared answer that starts with "=" is text in the CSV, never a formula.
    const csv = entries.get('answers.csv')?.toString('utf8') ?? '';
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row['answer']).sort()).toEqual([`'${A_SHARED}`, B_OWN].sort());
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""shared words of A"")"`);
  });

  it('gives the therapist the whole submitted record, but not drafts', async () => {
    const report = await reports.requestExport(ctx(therapist), couple.id);
    const entries = zipEntries(await built(therapist, report.id, 'zip'));
    const json = entries.get('record.json')?.toString('utf8') ?? '';
    expect(json).toContain(A_PRIVATE);
    expect(json).toContain(B_OWN);
    expect(json).toContain(A_SAFETY);
    expect(json).not.toContain(A_DRAFT);
  });

  it('keeps an export to the person who asked for it', async () => {
    const report = await reports.requestExport(ctx(couple.partnerB), couple.id);
    for (const user of [couple.partnerA, therapist]) {
      await expect(reports.get(ctx(user), report.id)).rejects.toMatchObject({ status: 404 });
    }
  });

  it('summarises the couple for the therapist in a page or two, in their language', async () => {
    await asClinic(owner, therapist.clinicId, `UPDATE users SET locale = 'es' WHERE id = $1`, [
      therapist.id,
    ]);
    const report = await reports.requestSessionPrep(ctx(therapist), couple.id, {
      since: '2025-03-01',
    });
    const pdf = await built(therapist, report.id, 'pdf');
    const dir = mkdtempSync(join(tmpdir(), 'mend-prep-'));
    writeFileSync(join(dir, 'prep.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'prep.pdf'), '-']).toString();
    expect(text).toContain('Antes de la sesión');
    // Figures: 2 exercises due since the day, 2 answers (one per partner), no promises.
    expect(text).toMatch(/2\s+2\s+0 ?\/ ?0/);
    expect(text).toContain(A_PRIVATE);
    expect(text).toContain(B_OWN);
    expect(text).toContain('Avisos de seguridad');
    expect(text).not.toContain(A_DRAFT);
    expect(text).toMatch(/Página 1 de [12]\b/);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      join(dir, 'prep.pdf'),
      join(dir, 'page'),
    ]);
    const png = readFileSync(join(dir, 'page-1.png'));
    writeFileSync(join(process.env['MEND_REPORT_SHOTS'] ?? dir, 'session-prep-page-1.png'), png);
  });

  it('refuses a session summary to partners, and a couple the therapist does not see', async () => {
    await expect(
      reports.requestSessionPrep(ctx(couple.partnerA), couple.id, { since: '2025-03-01' }),
    ).rejects.toMatchObject({ status: 403 });
    const stranger = await newUser(owner, couple.clinicId, 'therapist');
    await expect(
      reports.requestSessionPrep(ctx(stranger), couple.id, { since: '2025-03-01' }),
    ).rejects.toMatchObject({ status: 404 });
    const elsewhere = await newCouple(owner, (await newClinic(owner)).id);
    await expect(reports.requestExport(ctx(couple.partnerA), elsewhere.id)).rejects.toMatchObject({
      status: 404,
    });
  });
});
