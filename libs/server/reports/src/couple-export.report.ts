import { Injectable } from '@nestjs/common';
import { ZipFile } from 'yazl';
import { loadCoupleRecord, type RecordReader } from './couple-record';
import { CSV_BOM, csvLine } from './csv';
import type { ReportBuildContext } from './report-build-context';
import { ReportPdf } from './report-pdf';
import { drawCoupleRecord } from './session-prep.report';
import { REPORT_TEXT, reportLocale } from './report-text';

/** Everything since the couple began. */
const BEGINNING = '1970-01-01';

/**
 * A couple's data as its requester may see it, as a ZIP of a readable PDF, a CSV of answers
 * (one row per answer, formula-guarded) and the same record as JSON. A partner's export holds
 * their own answers and what answer visibility shows them of the other partner's — never the
 * other partner's private answers, drafts or safety checks; a therapist's holds the whole
 * record. The rule is `loadCoupleRecord`'s, the same as the app's.
 */
@Injectable()
export class CoupleExportReport {
  async build(context: ReportBuildContext): Promise<void> {
    const { manager, report } = context;
    if (!report.coupleId || !report.requestedByUserId) {
      throw new Error('an export needs a couple and the person who asked for it');
    }
    const [requester] = await manager.query<Array<{ role: string; display_name: string }>>(
      `SELECT role::text AS role, display_name FROM users WHERE clinic_id = $1 AND id = $2`,
      [report.clinicId, report.requestedByUserId],
    );
    const reader: RecordReader =
      requester?.role === 'therapist'
        ? { kind: 'therapist' }
        : { kind: 'partner', userId: report.requestedByUserId };
    const locale = reportLocale(report.locale);
    const text = REPORT_TEXT[locale];
    const record = await loadCoupleRecord(
      manager,
      report.clinicId,
      report.coupleId,
      BEGINNING,
      reader,
      { yes: text.yes, no: text.no },
    );
    await context.progress(40);

    const zip = new ZipFile();
    const file = context.file('zip');
    const written = file.pipeFrom(zip.outputStream);
    const csv = [
      CSV_BOM,
      csvLine(['submitted_at', 'exercise', 'author', 'prompt', 'answer']),
      ...record.answers.flatMap((answer) =>
        answer.answers.map((item) =>
          csvLine([answer.submittedAt, answer.exercise, answer.author, item.prompt, item.answer]),
        ),
      ),
    ].join('');
    zip.addBuffer(Buffer.from(csv, 'utf8'), 'answers.csv');
    zip.addBuffer(Buffer.from(JSON.stringify(record, null, 2), 'utf8'), 'record.json');
    const pdf = new ReportPdf(text.exportTitle, { page: text.page });
    zip.addReadStream(pdf.doc, 'record.pdf');
    pdf.cover(text.exportTitle, text.exportFor(record.label, requester?.display_name ?? ''), [
      text.generated(new Date().toISOString().slice(0, 10)),
    ]);
    pdf.newPage();
    drawCoupleRecord(pdf, record, locale, { maxAnswers: record.answers.length });
    pdf.end();
    zip.end();
    await written;
    await file.close();
  }
}
