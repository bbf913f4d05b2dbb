/**
 * The monthly clinic report's figures, as pure functions over one row per couple, so the CSV
 * (written row by row from a cursor) and the PDF (totals, therapists) agree by construction.
 * Counts only: no answer text ever enters a clinic report. Outcome figures (measures) are not
 * here yet; they will be a section of their own beside engagement.
 */
export interface CoupleEngagementRow {
  couple_id: string;
  label: string;
  status: string;
  therapist_ids: string[];
  therapists: string;
  is_new: boolean;
  closed_in_period: boolean;
  occurrences_due: number;
  expected_answers: number;
  answers: number;
  both_answered: number;
  one_answered: number;
  none_answered: number;
  reminders_sent: number;
  reminders_failed: number;
  unresolved_alerts: number;
}

/** The CSV's columns, in order: the header row and the values of each couple. */
export const COUPLE_CSV_COLUMNS = [
  'couple_id',
  'couple',
  'status',
  'therapists',
  'new_in_period',
  'closed_in_period',
  'occurrences_due',
  'expected_answers',
  'answers',
  'both_partners_answered',
  'one_partner_answered',
  'none_answered',
  'reminders_sent',
  'reminders_failed',
  'unresolved_alerts',
] as const;

export function coupleCsvValues(row: CoupleEngagementRow): Array<string | number | boolean> {
  return [
    row.couple_id,
    row.label,
    row.status,
    row.therapists,
    row.is_new,
    row.closed_in_period,
    row.occurrences_due,
    row.expected_answers,
    row.answers,
    row.both_answered,
    row.one_answered,
    row.none_answered,
    row.reminders_sent,
    row.reminders_failed,
    row.unresolved_alerts,
  ];
}

export interface EngagementTotals {
  couples: number;
  newCouples: number;
  closedCouples: number;
  occurrencesDue: number;
  expectedAnswers: number;
  answers: number;
  bothAnswered: number;
  oneAnswered: number;
  noneAnswered: number;
  remindersSent: number;
  remindersFailed: number;
  unresolvedAlerts: number;
}

const ZERO: EngagementTotals = {
  couples: 0,
  newCouples: 0,
  closedCouples: 0,
  occurrencesDue: 0,
  expectedAnswers: 0,
  answers: 0,
  bothAnswered: 0,
  oneAnswered: 0,
  noneAnswered: 0,
  remindersSent: 0,
  remindersFailed: 0,
  unresolvedAlerts: 0,
};

export function addRow(totals: EngagementTotals, row: CoupleEngagementRow): EngagementTotals {
  return {
    couples: totals.couples + 1,
    newCouples: totals.newCouples + (row.is_new ? 1 : 0),
    closedCouples: totals.closedCouples + (row.closed_in_period ? 1 : 0),
    occurrencesDue: totals.occurrencesDue + row.occurrences_due,
    expectedAnswers: totals.expectedAnswers + row.expected_answers,
    answers: totals.answers + row.answers,
    bothAnswered: totals.bothAnswered + row.both_answered,
    oneAnswered: totals.oneAnswered + row.one_answered,
    noneAnswered: totals.noneAnswered + row.none_answered,
    remindersSent: totals.remindersSent + row.reminders_sent,
    remindersFailed: totals.remindersFailed + row.reminders_failed,
    unresolvedAlerts: totals.unresolvedAlerts + row.unresolved_alerts,
  };
}

export function engagementTotals(rows: readonly CoupleEngagementRow[]): EngagementTotals {
  return rows.reduce(addRow, ZERO);
}

/** Share of expected answers given, in whole percent (0 when nothing was expected). */
export function answerRate(totals: Pick<EngagementTotals, 'answers' | 'expectedAnswers'>): number {
  return totals.expectedAnswers === 0
    ? 0
    : Math.round((100 * totals.answers) / totals.expectedAnswers);
}

export interface TherapistFigures extends EngagementTotals {
  therapistId: string;
  name: string;
}

/**
 * The same totals per therapist: a couple with two therapists counts for each. Therapists
 * without couples in the period are listed with zeros, so a caseload of none shows.
 */
export function byTherapist(
  rows: readonly CoupleEngagementRow[],
  therapists: ReadonlyArray<{ id: string; name: string }>,
): TherapistFigures[] {
  return therapists.map((therapist) => ({
    therapistId: therapist.id,
    name: therapist.name,
    ...engagementTotals(rows.filter((row) => row.therapist_ids.includes(therapist.id))),
  }));
}
