import type { EntityManager } from 'typeorm';
import { installMeasureLibrary } from '@mend/server-db';
import { MEND_TRUST_CHECK_IN, scoreMeasure } from '@mend/shared-measures';
import { occurrencesBetween, type Schedule } from '@mend/shared-schedule';

const DAY_MS = 24 * 60 * 60 * 1000;
const EXPIRY_DAYS = 4;

/**
 * Trust check-in totals (0–24) per demo couple and partner, oldest round first. Couple 2 is
 * the one that diverges: partner A (Priya, who carries the work) trusts more with every
 * round while Tom slides, so the gap widens. The last round of each couple is left open,
 * ready to be answered at first start.
 */
const STORIES: Record<number, { a: number[]; b: number[] }> = {
  1: { a: [9, 11, 12, 14, 16], b: [10, 11, 13, 14, 15] },
  2: { a: [10, 12, 15, 18, 20], b: [12, 11, 10, 9, 8] },
  3: { a: [13, 14, 13, 15], b: [14, 13, 14, 15] },
};

/** Spreads a total over the four 0–6 items, as evenly as a person might answer. */
function answersFor(total: number): Record<string, number> {
  const ids = MEND_TRUST_CHECK_IN.items.map((item) => item.id);
  const base = Math.floor(total / ids.length);
  const extra = total - base * ids.length;
  return Object.fromEntries(ids.map((id, index) => [id, base + (index < extra ? 1 : 0)]));
}

/**
 * Every demo couple gets the trust check-in every two weeks, with 4–6 rounds up to `now`, each
 * partner answering separately. Idempotent: a clinic that already has measure schedules is
 * left as it is. Runs inside the clinic's seeding transaction.
 */
export async function seedDemoMeasures(
  manager: EntityManager,
  clinic: { id: string; domain: string },
  now: Date,
): Promise<void> {
  const [existing] = await manager.query<Array<{ n: string }>>(
    `SELECT count(*) AS n FROM measure_schedules WHERE clinic_id = $1`,
    [clinic.id],
  );
  if (Number(existing?.n) > 0) return;
  await installMeasureLibrary(manager, clinic.id);
  const [trust] = await manager.query<Array<{ version_id: string }>>(
    `SELECT v.id AS version_id FROM measure_definitions d
       JOIN measure_definition_versions v
         ON v.clinic_id = d.clinic_id AND v.definition_id = d.id AND v.version = d.current_version
      WHERE d.clinic_id = $1 AND d.key = $2`,
    [clinic.id, MEND_TRUST_CHECK_IN.key],
  );
  if (!trust) throw new Error(`the trust check-in is missing in ${clinic.domain}`);
  const couples = await manager.query<
    Array<{
      id: string;
      time_zone: string;
      a: string;
      a_email: string;
      b: string;
      therapist: string;
    }>
  >(
    `SELECT c.id, c.time_zone, pa.user_id AS a, ua.email AS a_email, pb.user_id AS b,
            (SELECT t.therapist_user_id FROM couple_therapists t
              WHERE t.clinic_id = c.clinic_id AND t.couple_id = c.id LIMIT 1) AS therapist
       FROM couples c
       JOIN couple_partners pa ON pa.clinic_id = c.clinic_id AND pa.couple_id = c.id AND pa.seat = 'a'
       JOIN users ua ON ua.clinic_id = c.clinic_id AND ua.id = pa.user_id
       JOIN couple_partners pb ON pb.clinic_id = c.clinic_id AND pb.couple_id = c.id AND pb.seat = 'b'
      WHERE c.clinic_id = $1`,
    [clinic.id],
  );
  for (const couple of couples) {
    const index = Number(/^couple(\d+)\.a@/.exec(couple.a_email)?.[1]);
    const story = STORIES[index];
    if (!story) continue;
    const rounds = story.a.length + 1;
    // Start far enough back that the last round opens today, in the couple's zone.
    const startDate = new Date(now.getTime() - (rounds - 1) * 14 * DAY_MS)
      .toLocaleDateString('en-CA', { timeZone: couple.time_zone })
      .slice(0, 10);
    const schedule: Schedule = {
      timeZone: couple.time_zone,
      startDate,
      dueTime: '00:00',
      recurrence: { kind: 'every_n_days', n: 14 },
    };
    const dates = occurrencesBetween(schedule, new Date(now.getTime() - rounds * 14 * DAY_MS), now);
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO measure_schedules
         (clinic_id, couple_id, definition_version_id, schedule, expiry_days, created_by_user_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        clinic.id,
        couple.id,
        trust.version_id,
        JSON.stringify(schedule),
        EXPIRY_DAYS,
        couple.therapist,
        new Date(now.getTime() - rounds * 14 * DAY_MS),
      ],
    );
    for (const [roundIndex, round] of dates.entries()) {
      for (const [partner, totals] of [
        [couple.a, story.a],
        [couple.b, story.b],
      ] as const) {
        const total = totals[roundIndex];
        const answers = total === undefined ? null : answersFor(total);
        const scored = answers ? scoreMeasure(MEND_TRUST_CHECK_IN, answers) : null;
        if (scored && !scored.ok) throw new Error(`demo answers do not score: ${total}`);
        const score = scored?.value;
        await manager.query(
          `INSERT INTO measure_administrations
             (clinic_id, schedule_id, couple_id, partner_user_id, definition_version_id, local_date,
              opens_at, expires_at, answered_at, answers, total, subscales, keyed_items, prorated)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
          [
            clinic.id,
            row?.id,
            couple.id,
            partner,
            trust.version_id,
            round.localDate,
            round.dueAt,
            new Date(round.dueAt.getTime() + EXPIRY_DAYS * DAY_MS),
            // Partners answer within a day of a round opening.
            score
              ? new Date(round.dueAt.getTime() + (partner === couple.a ? 5 : 20) * 3600_000)
              : null,
            answers ? JSON.stringify(answers) : null,
            score?.total ?? null,
            score ? JSON.stringify(score.subscales) : null,
            score ? JSON.stringify(score.keyedItems) : null,
            score?.prorated ?? null,
          ],
        );
      }
    }
  }
}
