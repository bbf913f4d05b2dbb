import type { EntityManager } from 'typeorm';
import type { InstalledLibrary, StoredAnswers } from '@mend/server-db';
import { validateAnswers, type ExerciseTemplate, type Visibility } from '@mend/shared-exercises';
import { occurrencesBetween, todayIn, type Recurrence, type Schedule } from '@mend/shared-schedule';
import {
  CONFIRMATION_NOTES,
  FEEDBACK,
  PROMISES,
  demoAnswers,
  pick,
  seededRng,
  type DemoLocale,
  type Rng,
} from './demo-answers';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
/** Occurrences exist this far ahead, as the rolling planner keeps them. */
const PLAN_AHEAD_DAYS = 14;
/** An unanswered occurrence stays open (answerable late) this long after it was due. */
const GRACE = DAY;

type Seat = 'a' | 'b';
type Outcome = 'kept' | 'partly' | 'not_kept';

interface AssignmentScript {
  exerciseKey: string;
  mode: 'each' | 'one';
  assignee?: Seat;
  recurrence: Recurrence;
  dueTime: string;
}

interface CoupleScript {
  index: 1 | 2 | 3;
  therapist: 'therapist1' | 'therapist2';
  weeks: number;
  locale: DemoLocale;
  assignments: AssignmentScript[];
  /** The chance a partner answers, by how far through the history (0 → 1) the day is. */
  engagement: Record<Seat, (progress: number) => number>;
  /** How the pair is doing (0 → 1) by then: it steers scores and words. */
  mood: (progress: number) => number;
  /** Nobody has answered for this many days: the recent stretch behind a missed-streak alert. */
  silentDays?: number;
  /** Promises in the order they fell due; the last one is still open. */
  promises: Array<{ by: Seat; outcome: Outcome | 'open' }>;
  alerts: Array<'missed_streak' | 'asymmetry'>;
}

const DAILY_CHECK_IN: AssignmentScript = {
  exerciseKey: 'daily-check-in',
  mode: 'each',
  recurrence: { kind: 'daily' },
  dueTime: '21:00',
};

const rising = (from: number, to: number) => (p: number) => from + (to - from) * p;

/**
 * The six demo couples' stories. Harbor: Jordan & Casey, an engaged pair whose promises are
 * kept more and more often; Priya & Tom, where Priya does most of the work and both have gone
 * quiet this week; Lucía & Mateo, steady. Northside: two steady English-speaking couples and
 * Lucía & Mateo, who write in Spanish and where Lucía carries the work.
 */
function scripts(domain: string): CoupleScript[] {
  const northside = domain === 'northside.test';
  if (!northside) {
    return [
      {
        index: 1,
        therapist: 'therapist1',
        weeks: 6,
        locale: 'en',
        assignments: [
          DAILY_CHECK_IN,
          {
            exerciseKey: 'weekly-consistency-review',
            mode: 'each',
            recurrence: { kind: 'weekdays', weekdays: [7] },
            dueTime: '20:00',
          },
          {
            exerciseKey: 'consistent-actions-log',
            mode: 'one',
            assignee: 'a',
            recurrence: { kind: 'weekdays', weekdays: [1, 3, 5] },
            dueTime: '22:00',
          },
        ],
        engagement: { a: rising(0.8, 0.97), b: rising(0.75, 0.95) },
        mood: rising(0.25, 0.85),
        promises: [
          { by: 'a', outcome: 'not_kept' },
          { by: 'a', outcome: 'partly' },
          { by: 'a', outcome: 'kept' },
          { by: 'a', outcome: 'open' },
        ],
        alerts: [],
      },
      {
        index: 2,
        therapist: 'therapist1',
        weeks: 5,
        locale: 'en',
        assignments: [
          DAILY_CHECK_IN,
          {
            exerciseKey: 'reflect-back-listening',
            mode: 'each',
            recurrence: { kind: 'weekdays', weekdays: [4] },
            dueTime: '20:30',
          },
          {
            exerciseKey: 'consistent-actions-log',
            mode: 'one',
            assignee: 'b',
            recurrence: { kind: 'weekdays', weekdays: [2, 5] },
            dueTime: '22:00',
          },
        ],
        engagement: { a: () => 0.9, b: rising(0.45, 0.15) },
        mood: rising(0.45, 0.3),
        silentDays: 5,
        promises: [
          { by: 'b', outcome: 'not_kept' },
          { by: 'a', outcome: 'kept' },
          { by: 'b', outcome: 'partly' },
          { by: 'b', outcome: 'open' },
        ],
        alerts: ['missed_streak', 'asymmetry'],
      },
      {
        index: 3,
        therapist: 'therapist2',
        weeks: 4,
        locale: 'en',
        assignments: [
          DAILY_CHECK_IN,
          {
            exerciseKey: 'reflect-back-listening',
            mode: 'each',
            recurrence: { kind: 'weekdays', weekdays: [6] },
            dueTime: '18:00',
          },
        ],
        engagement: { a: () => 0.8, b: () => 0.75 },
        mood: () => 0.6,
        promises: [
          { by: 'b', outcome: 'kept' },
          { by: 'a', outcome: 'partly' },
          { by: 'b', outcome: 'open' },
        ],
        alerts: [],
      },
    ];
  }
  return [
    {
      index: 1,
      therapist: 'therapist1',
      weeks: 5,
      locale: 'en',
      assignments: [
        DAILY_CHECK_IN,
        {
          exerciseKey: 'weekly-consistency-review',
          mode: 'each',
          recurrence: { kind: 'weekdays', weekdays: [7] },
          dueTime: '19:00',
        },
      ],
      engagement: { a: () => 0.85, b: () => 0.85 },
      mood: rising(0.5, 0.75),
      promises: [
        { by: 'a', outcome: 'kept' },
        { by: 'b', outcome: 'kept' },
        { by: 'a', outcome: 'open' },
      ],
      alerts: [],
    },
    {
      index: 2,
      therapist: 'therapist1',
      weeks: 6,
      locale: 'en',
      assignments: [
        DAILY_CHECK_IN,
        {
          exerciseKey: 'reflect-back-listening',
          mode: 'each',
          recurrence: { kind: 'weekdays', weekdays: [3] },
          dueTime: '20:00',
        },
        {
          exerciseKey: 'consistent-actions-log',
          mode: 'one',
          assignee: 'b',
          recurrence: { kind: 'weekdays', weekdays: [1, 4] },
          dueTime: '22:30',
        },
      ],
      engagement: { a: rising(0.7, 0.85), b: rising(0.65, 0.85) },
      mood: rising(0.35, 0.6),
      promises: [
        { by: 'b', outcome: 'partly' },
        { by: 'b', outcome: 'kept' },
        { by: 'b', outcome: 'open' },
      ],
      alerts: [],
    },
    {
      index: 3,
      therapist: 'therapist2',
      weeks: 4,
      locale: 'es',
      assignments: [
        DAILY_CHECK_IN,
        {
          exerciseKey: 'weekly-consistency-review',
          mode: 'each',
          recurrence: { kind: 'weekdays', weekdays: [7] },
          dueTime: '20:00',
        },
        {
          exerciseKey: 'consistent-actions-log',
          mode: 'one',
          assignee: 'a',
          recurrence: { kind: 'weekdays', weekdays: [2, 4] },
          dueTime: '22:00',
        },
      ],
      engagement: { a: () => 0.9, b: rising(0.45, 0.15) },
      mood: rising(0.4, 0.5),
      promises: [
        { by: 'b', outcome: 'not_kept' },
        { by: 'b', outcome: 'partly' },
        { by: 'b', outcome: 'open' },
      ],
      alerts: ['asymmetry'],
    },
  ];
}

export interface DemoCouplesClinic {
  id: string;
  domain: string;
  timeZone: string;
}

/**
 * The demo clinic's three couples with several weeks of history up to `now` (and occurrences
 * planned two weeks ahead), so the demo always looks current. Skips a clinic that already has
 * couples, so seeding again changes nothing. Runs in the caller's transaction, with the clinic
 * set for row-level security; every answer is checked against its exercise version's form.
 */
export async function seedDemoCouples(
  manager: EntityManager,
  clinic: DemoCouplesClinic,
  library: InstalledLibrary,
  now: Date,
): Promise<boolean> {
  const [existing] = await manager.query<Array<{ n: string }>>(
    `SELECT count(*) AS n FROM couples WHERE clinic_id = $1`,
    [clinic.id],
  );
  if (Number(existing?.n) > 0) return false;
  const users = new Map<string, { id: string; displayName: string }>();
  for (const row of await manager.query<Array<{ id: string; email: string; display_name: string }>>(
    `SELECT id, email, display_name FROM users WHERE clinic_id = $1`,
    [clinic.id],
  )) {
    users.set(row.email.split('@')[0] ?? '', { id: row.id, displayName: row.display_name });
  }
  const user = (name: string) => {
    const found = users.get(name);
    if (!found) throw new Error(`the demo clinic ${clinic.domain} has no ${name}`);
    return found;
  };
  for (const script of scripts(clinic.domain)) {
    await seedCouple(manager, clinic, library, now, script, {
      therapist: user(script.therapist),
      a: user(`couple${script.index}.a`),
      b: user(`couple${script.index}.b`),
    });
  }
  return true;
}

interface People {
  therapist: { id: string };
  a: { id: string; displayName: string };
  b: { id: string; displayName: string };
}

async function seedCouple(
  manager: EntityManager,
  clinic: DemoCouplesClinic,
  library: InstalledLibrary,
  now: Date,
  script: CoupleScript,
  people: People,
): Promise<void> {
  const rng = seededRng(`${clinic.domain}:couple${script.index}`);
  const historyStart = new Date(now.getTime() - script.weeks * 7 * DAY);
  const coupleCreated = new Date(historyStart.getTime() - 3 * DAY);
  const [couple] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO couples (clinic_id, label, status, time_zone, created_by_user_id, created_at)
     VALUES ($1, $2, 'active', $3, $4, $5) RETURNING id`,
    [
      clinic.id,
      `${people.a.displayName} & ${people.b.displayName}`,
      clinic.timeZone,
      people.therapist.id,
      coupleCreated,
    ],
  );
  if (!couple) throw new Error('couple not inserted');
  const coupleId = couple.id;
  for (const seat of ['a', 'b'] as const) {
    await manager.query(
      `INSERT INTO couple_partners (clinic_id, couple_id, seat, user_id, policy_acknowledged_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        clinic.id,
        coupleId,
        seat,
        people[seat].id,
        new Date(coupleCreated.getTime() + (seat === 'a' ? 20 : 30) * HOUR),
        coupleCreated,
      ],
    );
  }
  await manager.query(
    `INSERT INTO couple_therapists (clinic_id, couple_id, therapist_user_id, assigned_at)
     VALUES ($1, $2, $3, $4)`,
    [clinic.id, coupleId, people.therapist.id, coupleCreated],
  );

  const span = now.getTime() - historyStart.getTime();
  const submittedRecently: Record<Seat, number> = { a: 0, b: 0 };
  let checkIn: { assignmentId: string; statuses: string[]; dues: Date[] } | undefined;

  for (const plan of script.assignments) {
    const installed = library.exercises.get(plan.exerciseKey);
    if (!installed) throw new Error(`the library has no ${plan.exerciseKey}`);
    const [version] = await manager.query<Array<{ definition: ExerciseTemplate }>>(
      `SELECT definition FROM exercise_versions WHERE clinic_id = $1 AND id = $2`,
      [clinic.id, installed.versionId],
    );
    if (!version) throw new Error(`no version ${installed.versionId}`);
    const template = version.definition;
    const schedule: Schedule = {
      timeZone: clinic.timeZone,
      startDate: todayIn(clinic.timeZone, historyStart),
      dueTime: plan.dueTime,
      recurrence: plan.recurrence,
    };
    const planUntil = new Date(now.getTime() + PLAN_AHEAD_DAYS * DAY);
    const [assignment] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO assignments (clinic_id, couple_id, exercise_version_id, completion_mode,
         assignee_user_id, schedule, reminder_policy, status, planned_until, created_by_user_id,
         created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9, $10) RETURNING id`,
      [
        clinic.id,
        coupleId,
        installed.versionId,
        plan.mode,
        plan.assignee ? people[plan.assignee].id : null,
        JSON.stringify(schedule),
        JSON.stringify({ dueSoon: { kind: 'before_due', minutes: 120 }, overdueAfterMinutes: 180 }),
        todayIn(clinic.timeZone, planUntil),
        people.therapist.id,
        new Date(historyStart.getTime() - DAY),
      ],
    );
    if (!assignment) throw new Error('assignment not inserted');
    const seats: Seat[] = plan.mode === 'one' && plan.assignee ? [plan.assignee] : ['a', 'b'];
    const statuses: string[] = [];
    const dues: Date[] = [];

    const occurrences = occurrencesBetween(
      schedule,
      new Date(historyStart.getTime() - 2 * DAY),
      planUntil,
    );
    for (const occurrence of occurrences) {
      const due = occurrence.dueAt;
      const progress = Math.min(1, Math.max(0, (due.getTime() - historyStart.getTime()) / span));
      const silent =
        script.silentDays !== undefined && due.getTime() > now.getTime() - script.silentDays * DAY;
      const answers: Array<{ seat: Seat; submittedAt: Date; late: boolean }> = [];
      if (due < now && !silent) {
        for (const seat of seats) {
          if (rng() >= script.engagement[seat](progress)) continue;
          const canBeLate = due.getTime() + 20 * HOUR < now.getTime();
          const late = canBeLate && rng() < 0.1;
          const submittedAt = late
            ? new Date(due.getTime() + (2 + rng() * 16) * HOUR)
            : new Date(due.getTime() - (0.25 + rng() * 4) * HOUR);
          if (submittedAt < now) answers.push({ seat, submittedAt, late });
        }
      }
      // 'missed' means nobody answered; an occurrence one partner answered closes as
      // completed once its grace period is over (who answered is in the responses, which is
      // what the asymmetry alert reads), and stays open for the other partner until then.
      const everyone = answers.length === seats.length;
      const closed = due.getTime() + GRACE < now.getTime();
      const status =
        everyone || (closed && answers.length > 0) ? 'completed' : closed ? 'missed' : 'open';
      const completedAt =
        status === 'completed'
          ? new Date(Math.max(...answers.map((answer) => answer.submittedAt.getTime())))
          : null;
      const [row] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO occurrences (clinic_id, assignment_id, couple_id, local_date, due_at, status, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [clinic.id, assignment.id, coupleId, occurrence.localDate, due, status, completedAt],
      );
      if (!row) throw new Error('occurrence not inserted');
      if (due < now) {
        statuses.push(status);
        dues.push(due);
      }
      for (const answer of answers) {
        const responseId = await insertResponse(manager, clinic.id, {
          occurrenceId: row.id,
          coupleId,
          authorId: people[answer.seat].id,
          answers: storedAnswers(template, rng, script.locale, script.mood(progress)),
          submittedAt: answer.submittedAt,
          late: answer.late,
        });
        if (now.getTime() - answer.submittedAt.getTime() < 14 * DAY) {
          submittedRecently[answer.seat] += 1;
        }
        const feedbackAt = new Date(answer.submittedAt.getTime() + 20 * HOUR);
        const worthFeedback = plan.exerciseKey !== 'daily-check-in' ? 0.3 : 0.05;
        if (feedbackAt < now && rng() < worthFeedback) {
          await manager.query(
            `INSERT INTO response_feedback (clinic_id, response_id, author_user_id, body, created_at)
             VALUES ($1, $2, $3, $4, $5)`,
            [
              clinic.id,
              responseId,
              people.therapist.id,
              pick(rng, FEEDBACK[script.locale]),
              feedbackAt,
            ],
          );
        }
      }
    }
    if (plan.exerciseKey === DAILY_CHECK_IN.exerciseKey) {
      checkIn = { assignmentId: assignment.id, statuses, dues };
    }
  }

  await seedPromises(manager, clinic, coupleId, now, script, people, rng);

  for (const kind of script.alerts) {
    if (kind === 'missed_streak') {
      if (!checkIn) throw new Error('a missed streak needs the daily check-in');
      // Newest first: the missed occurrences since the last one somebody completed.
      const streakDues: Date[] = [];
      for (let i = checkIn.statuses.length - 1; i >= 0; i -= 1) {
        const status = checkIn.statuses[i];
        const due = checkIn.dues[i];
        if (status === 'open') continue;
        if (status !== 'missed' || !due) break;
        streakDues.push(due);
      }
      const streak = streakDues.length;
      // Raised when the third missed one in a row was past its grace period.
      const third = streakDues[streak - 3];
      if (!third) throw new Error(`the demo missed streak is only ${streak}`);
      await insertAlert(manager, clinic.id, {
        coupleId,
        kind,
        subjectUserId: null,
        dedupeKey: `missed_streak:${coupleId}`,
        detail: { assignmentId: checkIn.assignmentId, missedInARow: streak, threshold: 3 },
        createdAt: new Date(third.getTime() + GRACE),
      });
    } else {
      const quieter: Seat = submittedRecently.a <= submittedRecently.b ? 'a' : 'b';
      const other: Seat = quieter === 'a' ? 'b' : 'a';
      await insertAlert(manager, clinic.id, {
        coupleId,
        kind,
        subjectUserId: people[quieter].id,
        dedupeKey: `asymmetry:${coupleId}`,
        detail: {
          windowDays: 14,
          subjectSubmitted: submittedRecently[quieter],
          partnerSubmitted: submittedRecently[other],
        },
        createdAt: new Date(now.getTime() - 2 * DAY),
      });
    }
  }
}

/** Answers valid for the version's form, each with the visibility its author chose. */
function storedAnswers(
  template: ExerciseTemplate,
  rng: Rng,
  locale: DemoLocale,
  mood: number,
): StoredAnswers {
  const raw = demoAnswers(template.key, rng, locale, mood);
  const checked = validateAnswers(template.form, raw);
  if (!checked.ok) {
    throw new Error(`demo answers for ${template.key}: ${JSON.stringify(checked.problems)}`);
  }
  const options = template.visibilityOptions;
  const shared: Visibility = options.includes('partner') && rng() < 0.65 ? 'partner' : 'therapist';
  const stored: StoredAnswers = {};
  for (const [promptId, value] of Object.entries(checked.value)) {
    // Now and then one answer is kept for the therapist alone.
    const visibility: Visibility =
      shared === 'partner' && options.includes('therapist') && rng() < 0.15 ? 'therapist' : shared;
    stored[promptId] = { value, visibility };
  }
  return stored;
}

async function insertResponse(
  manager: EntityManager,
  clinicId: string,
  response: {
    occurrenceId: string;
    coupleId: string;
    authorId: string;
    answers: StoredAnswers;
    submittedAt: Date;
    late: boolean;
  },
): Promise<string> {
  const startedAt = new Date(response.submittedAt.getTime() - 6 * 60 * 1000);
  const [row] = await manager.query<Array<{ id: string }>>(
    `INSERT INTO responses (clinic_id, occurrence_id, couple_id, author_user_id, status, answers,
       submitted_at, late, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $7, $8, $6) RETURNING id`,
    [
      clinicId,
      response.occurrenceId,
      response.coupleId,
      response.authorId,
      JSON.stringify(response.answers),
      response.submittedAt,
      response.late,
      startedAt,
    ],
  );
  if (!row) throw new Error('response not inserted');
  return row.id;
}

async function seedPromises(
  manager: EntityManager,
  clinic: DemoCouplesClinic,
  coupleId: string,
  now: Date,
  script: CoupleScript,
  people: People,
  rng: Rng,
): Promise<void> {
  const texts = [...PROMISES[script.locale]];
  const count = script.promises.length;
  for (const [index, promise] of script.promises.entries()) {
    const description = texts.splice(Math.floor(rng() * texts.length), 1)[0] ?? texts[0] ?? '';
    // Confirmed promises fell due a week apart, the latest last week; the open one is due soon.
    const due =
      promise.outcome === 'open'
        ? new Date(now.getTime() + 4 * DAY)
        : new Date(now.getTime() - (count - 2 - index) * 7 * DAY - 3 * DAY);
    const confirmer = promise.by === 'a' ? people.b : people.a;
    const { outcome } = promise;
    const confirmation =
      outcome === 'open'
        ? null
        : {
            by: confirmer.id,
            at: new Date(due.getTime() + 18 * HOUR),
            note: pick(rng, CONFIRMATION_NOTES[outcome][script.locale]),
          };
    await manager.query(
      `INSERT INTO promises (clinic_id, couple_id, promiser_user_id, description, due_date, status,
         confirmed_by_user_id, confirmed_at, confirmation_note, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        clinic.id,
        coupleId,
        people[promise.by].id,
        description,
        todayIn(clinic.timeZone, due),
        outcome,
        confirmation?.by ?? null,
        confirmation?.at ?? null,
        confirmation?.note ?? null,
        new Date(due.getTime() - 6 * DAY),
      ],
    );
  }
}

async function insertAlert(
  manager: EntityManager,
  clinicId: string,
  alert: {
    coupleId: string;
    kind: 'missed_streak' | 'asymmetry';
    subjectUserId: string | null;
    dedupeKey: string;
    detail: Record<string, string | number>;
    createdAt: Date;
  },
): Promise<void> {
  await manager.query(
    `INSERT INTO alerts (clinic_id, couple_id, kind, severity, status, subject_user_id, dedupe_key,
       detail, created_at)
     VALUES ($1, $2, $3, 'normal', 'open', $4, $5, $6, $7)`,
    [
      clinicId,
      alert.coupleId,
      alert.kind,
      alert.subjectUserId,
      alert.dedupeKey,
      JSON.stringify(alert.detail),
      alert.createdAt,
    ],
  );
}
