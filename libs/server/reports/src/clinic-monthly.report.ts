import { Injectable } from '@nestjs/common';
import QueryStream from 'pg-query-stream';
import type { EntityManager } from 'typeorm';
import type { AlertKind, DeliveryKind } from '@mend/shared-contracts';
import {
  answerRate,
  byTherapist,
  COUPLE_CSV_COLUMNS,
  coupleCsvValues,
  engagementTotals,
  type CoupleEngagementRow,
} from './clinic-figures';
import {
  COUPLE_ENGAGEMENT_SQL,
  REMINDER_TOTALS_SQL,
  THERAPISTS_SQL,
  UNRESOLVED_ALERTS_SQL,
} from './clinic-report.queries';
import { CSV_BOM, csvLine } from './csv';
import type { ReportBuildContext } from './report-build-context';
import { ReportPdf } from './report-pdf';
import { REPORT_TEXT, reportLocale } from './report-text';

/** The pg client under TypeORM's query runner: all a cursor needs of it. */
interface CursorClient {
  query(stream: QueryStream): QueryStream;
}

/**
 * Rows of `sql` through a server-side cursor on the transaction's own connection (so row-level
 * security and the tenant setting apply), a batch at a time.
 */
export async function cursorRows(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
  batchSize: number,
): Promise<QueryStream> {
  const runner = manager.queryRunner as unknown as { connect(): Promise<CursorClient> } | undefined;
  if (!runner) throw new Error('a cursor needs a transaction');
  const client = await runner.connect();
  return client.query(new QueryStream(sql, parameters, { batchSize }));
}

/** Rows the cursor fetches at a time: memory stays at one batch whatever the clinic's size. */
const CURSOR_BATCH = 500;

/**
 * The monthly clinic report: a CSV with one row per couple, streamed from a server-side cursor
 * (constant memory for a clinic of thousands of couples), and a PDF with the month's totals,
 * engagement, caseload per therapist, reminders and unresolved alerts. Counts only.
 */
@Injectable()
export class ClinicMonthlyReport {
  async build(context: ReportBuildContext): Promise<void> {
    const { manager, report } = context;
    const parameters = [report.clinicId, report.periodStart, report.periodEnd, context.timeZone];

    const csv = context.file('csv');
    await csv.write(CSV_BOM + csvLine(COUPLE_CSV_COLUMNS));
    const stream = await cursorRows(manager, COUPLE_ENGAGEMENT_SQL, parameters, CURSOR_BATCH);
    let lines: string[] = [];
    for await (const row of stream) {
      lines.push(csvLine(coupleCsvValues(row as CoupleEngagementRow)));
      if (lines.length >= CURSOR_BATCH) {
        await csv.write(lines.join(''));
        lines = [];
      }
    }
    await csv.write(lines.join(''));
    await csv.close();
    await context.progress(50);

    // The PDF's figures: totals per therapist need every couple's counts (numbers only).
    const rows: CoupleEngagementRow[] = await manager.query(COUPLE_ENGAGEMENT_SQL, parameters);
    const therapists: Array<{ id: string; name: string }> = await manager.query(THERAPISTS_SQL, [
      report.clinicId,
    ]);
    const reminders: Array<{ kind: DeliveryKind; sent: number; failed: number }> =
      await manager.query(REMINDER_TOTALS_SQL, parameters);
    const alerts: Array<{ kind: AlertKind; alerts: number }> = await manager.query(
      UNRESOLVED_ALERTS_SQL,
      parameters,
    );
    await context.progress(75);

    const text = REPORT_TEXT[reportLocale(report.locale)];
    const totals = engagementTotals(rows);
    const pdf = new ReportPdf(text.monthlyTitle, { page: text.page });
    const pdfFile = context.file('pdf');
    const written = pdfFile.pipeFrom(pdf.doc);
    pdf.cover(text.monthlyTitle, text.period(report.periodStart, report.periodEnd), [
      text.generated(new Date().toISOString().slice(0, 10)),
      text.noAnswerText,
    ]);
    pdf.newPage().heading(text.overview);
    pdf.figures([
      { label: text.couples, value: String(totals.couples) },
      { label: text.newCouples, value: String(totals.newCouples) },
      { label: text.closedCouples, value: String(totals.closedCouples) },
      { label: text.occurrencesDue, value: String(totals.occurrencesDue) },
      { label: text.answerRate, value: `${answerRate(totals)} %` },
    ]);
    pdf.heading(text.engagement).paragraph(text.engagementNote, { muted: true });
    pdf.barChart(
      [text.bothAnswered, text.oneAnswered, text.noneAnswered],
      [
        {
          label: text.occurrencesDue,
          values: [totals.bothAnswered, totals.oneAnswered, totals.noneAnswered],
        },
      ],
    );
    const perTherapist = byTherapist(rows, therapists);
    pdf.heading(text.byTherapist);
    pdf.table(
      [
        { label: text.therapist, width: 0.3 },
        { label: text.caseload, width: 0.12, align: 'right' },
        { label: text.occurrencesDue, width: 0.16, align: 'right' },
        { label: text.answers, width: 0.14, align: 'right' },
        { label: text.bothAnswered, width: 0.14, align: 'right' },
        { label: text.oneAnswered, width: 0.14, align: 'right' },
      ],
      perTherapist.map((t) => [
        t.name,
        String(t.couples),
        String(t.occurrencesDue),
        `${t.answers} / ${t.expectedAnswers}`,
        String(t.bothAnswered),
        String(t.oneAnswered),
      ]),
    );
    pdf.barChart(
      perTherapist.map((t) => t.name),
      [
        { label: text.answers, values: perTherapist.map((t) => t.answers) },
        { label: text.occurrencesDue, values: perTherapist.map((t) => t.occurrencesDue) },
      ],
    );
    pdf.heading(text.reminders);
    if (reminders.length === 0) pdf.paragraph(text.none);
    else {
      pdf.table(
        [
          { label: text.reminderKind, width: 0.5 },
          { label: text.sent, width: 0.25, align: 'right' },
          { label: text.failed, width: 0.25, align: 'right' },
        ],
        [
          ...reminders.map((r) => [text.reminderKinds[r.kind], String(r.sent), String(r.failed)]),
          [
            text.reminders,
            String(reminders.reduce((sum, r) => sum + r.sent, 0)),
            String(reminders.reduce((sum, r) => sum + r.failed, 0)),
          ],
        ],
      );
    }
    pdf.heading(text.alerts);
    if (alerts.length === 0) pdf.paragraph(text.none);
    else {
      pdf.table(
        [
          { label: text.alertKind, width: 0.7 },
          { label: text.count, width: 0.3, align: 'right' },
        ],
        alerts.map((a) => [text.alertKinds[a.kind], String(a.alerts)]),
      );
    }
    pdf.end();
    await written;
    await pdfFile.close();
  }
}
