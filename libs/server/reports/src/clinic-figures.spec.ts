import {
  answerRate,
  byTherapist,
  coupleCsvValues,
  COUPLE_CSV_COLUMNS,
  engagementTotals,
  type CoupleEngagementRow,
} from './clinic-figures';

function row(overrides: Partial<CoupleEngagementRow>): CoupleEngagementRow {
  return {
    couple_id: 'c',
    label: 'Couple',
    status: 'active',
    therapist_ids: [],
    therapists: '',
    is_new: false,
    closed_in_period: false,
    occurrences_due: 0,
    expected_answers: 0,
    answers: 0,
    both_answered: 0,
    one_answered: 0,
    none_answered: 0,
    reminders_sent: 0,
    reminders_failed: 0,
    unresolved_alerts: 0,
    ...overrides,
  };
}

const rows = [
  row({
    couple_id: 'c1',
    therapist_ids: ['t1'],
    is_new: true,
    occurrences_due: 4,
    expected_answers: 8,
    answers: 5,
    both_answered: 2,
    one_answered: 1,
    none_answered: 1,
    reminders_sent: 6,
  }),
  row({
    couple_id: 'c2',
    therapist_ids: ['t1', 't2'],
    closed_in_period: true,
    occurrences_due: 2,
    expected_answers: 3,
    answers: 3,
    both_answered: 1,
    reminders_failed: 2,
    unresolved_alerts: 1,
  }),
];

describe('clinic report figures', () => {
  it('adds couples up', () => {
    expect(engagementTotals(rows)).toEqual({
      couples: 2,
      newCouples: 1,
      closedCouples: 1,
      occurrencesDue: 6,
      expectedAnswers: 11,
      answers: 8,
      bothAnswered: 3,
      oneAnswered: 1,
      noneAnswered: 1,
      remindersSent: 6,
      remindersFailed: 2,
      unresolvedAlerts: 1,
    });
  });

  it('counts a shared couple for each of its therapists, and lists a therapist with none', () => {
    const figures = byTherapist(rows, [
      { id: 't1', name: 'Ana' },
      { id: 't2', name: 'Bo' },
      { id: 't3', name: 'Cy' },
    ]);
    expect(figures.map((f) => [f.name, f.couples, f.occurrencesDue, f.answers])).toEqual([
      ['Ana', 2, 6, 8],
      ['Bo', 1, 2, 3],
      ['Cy', 0, 0, 0],
    ]);
  });

  it('rounds the answer rate and is 0 when nothing was expected', () => {
    expect(answerRate({ answers: 8, expectedAnswers: 11 })).toBe(73);
    expect(answerRate({ answers: 0, expectedAnswers: 0 })).toBe(0);
  });

  it('writes one value per CSV column', () => {
    expect(coupleCsvValues(rows[0] as CoupleEngagementRow)).toHaveLength(COUPLE_CSV_COLUMNS.length);
  });
});
