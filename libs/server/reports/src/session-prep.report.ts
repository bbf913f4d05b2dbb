import { Injectable } from '@nestjs/common';
import type { AlertKind } from '@mend/shared-contracts';
import { loadCoupleRecord, type CoupleRecord } from './couple-record';
import type { ReportBuildContext } from './report-build-context';
import { ReportPdf } from './report-pdf';
import { REPORT_TEXT, reportLocale, type ReportLocale } from './report-text';

/** What fits in two pages: the latest answers, each cut to a paragraph. */
const MAX_ANSWERS = 10;
const MAX_ANSWER_CHARS = 280;

const clip = (text: string) =>
  text.length > MAX_ANSWER_CHARS ? `${text.slice(0, MAX_ANSWER_CHARS - 1)}…` : text;

/**
 * Draws a couple's record as a short PDF: the figures first, then alerts and safety checks,
 * promises, and the latest answers with their feedback. Shared by the session summary (a
 * therapist's two-minute read) and the export (where it is the ZIP's readable part).
 */
export function drawCoupleRecord(
  pdf: ReportPdf,
  record: CoupleRecord,
  locale: ReportLocale,
  options: { maxAnswers: number },
): void {
  const text = REPORT_TEXT[locale];
  const day = (at: Date) => at.toISOString().slice(0, 10);
  const kept = record.promises.filter((p) => p.status === 'kept').length;
  const settled = record.promises.filter((p) => p.status !== 'open').length;
  pdf.figures([
    { label: text.occurrencesDue, value: String(record.occurrencesDue) },
    { label: text.answersGiven, value: String(record.answers.length) },
    { label: text.promisesKept, value: `${kept} / ${settled}` },
    ...(record.alerts.length > 0 || record.safetyChecks.length > 0
      ? [
          {
            label: text.openAlerts,
            value: String(record.alerts.filter((a) => a.status !== 'resolved').length),
          },
          { label: text.safetyChecks, value: String(record.safetyChecks.length) },
        ]
      : []),
  ]);
  if (record.alerts.length > 0) {
    pdf.heading(text.alertsHeading);
    pdf.table(
      [
        { label: text.alertKind, width: 0.6 },
        { label: '', width: 0.2 },
        { label: '', width: 0.2, align: 'right' },
      ],
      record.alerts.map((a) => [
        text.alertKinds[a.kind as AlertKind] ?? a.kind,
        a.status,
        day(a.createdAt),
      ]),
    );
  }
  if (record.safetyChecks.length > 0) {
    pdf.heading(text.safetyChecks);
    for (const check of record.safetyChecks) {
      pdf.paragraph(
        `${day(check.createdAt)} · ${check.by} · ${check.resolved ? text.resolved : text.unresolved}${check.note ? ` — ${clip(check.note)}` : ''}`,
      );
    }
  }
  pdf.heading(text.promises);
  if (record.promises.length === 0) pdf.paragraph(text.none);
  for (const promise of record.promises) {
    pdf.paragraph(
      `${promise.by}: ${promise.description} (${promise.dueDate}, ${text.promiseStatus[promise.status] ?? promise.status})`,
    );
  }
  pdf.heading(text.recentAnswers);
  if (record.answers.length === 0) pdf.paragraph(text.none);
  for (const answer of record.answers.slice(0, options.maxAnswers)) {
    pdf.paragraph(`${day(answer.submittedAt)} · ${answer.exercise} · ${answer.author}`);
    for (const item of answer.answers) {
      pdf.paragraph(`${item.prompt}: ${clip(item.answer)}`, { muted: true });
    }
    for (const note of answer.feedback) pdf.paragraph(`${text.feedback}: ${clip(note.body)}`);
  }
  if (record.answers.length > options.maxAnswers) {
    pdf.paragraph(text.moreInApp(record.answers.length - options.maxAnswers), { muted: true });
  }
}

/**
 * The session summary: one couple since a day, as its therapist may read it, in one or two
 * pages — no cover, figures first.
 */
@Injectable()
export class SessionPrepReport {
  async build(context: ReportBuildContext): Promise<void> {
    const { manager, report } = context;
    if (!report.coupleId) throw new Error('a session summary needs a couple');
    const locale = reportLocale(report.locale);
    const text = REPORT_TEXT[locale];
    const record = await loadCoupleRecord(
      manager,
      report.clinicId,
      report.coupleId,
      report.periodStart,
      { kind: 'therapist' },
      { yes: text.yes, no: text.no },
    );
    await context.progress(50);
    const pdf = new ReportPdf(text.prepTitle(record.label), { page: text.page });
    const file = context.file('pdf');
    const written = file.pipeFrom(pdf.doc);
    pdf.heading(text.prepTitle(record.label));
    pdf.paragraph(text.since(report.periodStart), { muted: true });
    drawCoupleRecord(pdf, record, locale, { maxAnswers: MAX_ANSWERS });
    pdf.end();
    await written;
    await file.close();
  }
}
