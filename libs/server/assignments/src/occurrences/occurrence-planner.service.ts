import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Assignment } from '@mend/server-db';
import { addDays, occurrencesBetween, todayIn, type Schedule } from '@mend/shared-schedule';
import { earlierOf, laterOf, utcMidnight } from '../common/local-date';

/** Occurrences exist this many days ahead of today, in the couple's zone. */
export const PLANNING_WINDOW_DAYS = 28;

/** The local dates and due instants of a schedule from `from` through `until` (inclusive). */
export function plannedDates(
  schedule: Schedule,
  from: string,
  until: string,
): Array<{ localDate: string; dueAt: Date }> {
  if (from > until) return [];
  // The instant window is padded by days on both sides and then cut by local date, so a zone
  // far from UTC never loses or gains an edge date.
  return occurrencesBetween(
    schedule,
    utcMidnight(addDays(from, -2)),
    utcMidnight(addDays(until, 3)),
  ).filter((o) => o.localDate >= from && o.localDate <= until);
}

/**
 * Creates an assignment's occurrences ahead of time, a rolling window at a time. Inserts are
 * idempotent (unique clinic, assignment, local date), so running it twice, or from two
 * processes, creates each occurrence once.
 */
@Injectable()
export class OccurrencePlanner {
  /** The end of the usual window for a schedule: today + 28 days in its zone. */
  windowEnd(schedule: Schedule, now: Date = new Date()): string {
    return addDays(todayIn(schedule.timeZone, now), PLANNING_WINDOW_DAYS);
  }

  /**
   * Plans an active assignment's occurrences through `untilLocalDate` and moves
   * `planned_until` forward. Dates before `planned_until` are not planned again unless
   * `options.from` says where to start (resuming, or a later end date); a paused or ended
   * assignment gets none. Answers how many occurrences were created.
   */
  async planAhead(
    manager: EntityManager,
    clinicId: string,
    assignmentId: string,
    untilLocalDate: string,
    options: { from?: string } = {},
  ): Promise<number> {
    const assignment = await manager.findOneBy(Assignment, { clinicId, id: assignmentId });
    if (!assignment) throw new NotFoundException('Not found');
    if (assignment.status !== 'active') return 0;
    const { schedule } = assignment;
    const from = laterOf(
      schedule.startDate,
      options.from ??
        (assignment.plannedUntil ? addDays(assignment.plannedUntil, 1) : schedule.startDate),
    );
    const until = schedule.endDate ? earlierOf(untilLocalDate, schedule.endDate) : untilLocalDate;
    const dates = plannedDates(schedule, from, until);
    let created = 0;
    if (dates.length > 0) {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO occurrences (clinic_id, assignment_id, couple_id, local_date, due_at)
         SELECT $1, $2, $3, d.local_date, d.due_at
           FROM unnest($4::date[], $5::timestamptz[]) AS d(local_date, due_at)
         ON CONFLICT ON CONSTRAINT uq_occurrences_date DO NOTHING
         RETURNING id`,
        [
          clinicId,
          assignmentId,
          assignment.coupleId,
          dates.map((d) => d.localDate),
          dates.map((d) => d.dueAt.toISOString()),
        ],
      );
      created = inserted.length;
    }
    await manager.query(
      `UPDATE assignments SET planned_until = GREATEST(planned_until, $3::date)
        WHERE clinic_id = $1 AND id = $2`,
      [clinicId, assignmentId, untilLocalDate],
    );
    return created;
  }

  /** Extends each of a clinic's active assignments to its window end; answers occurrences made. */
  async planClinic(
    manager: EntityManager,
    clinicId: string,
    now: Date = new Date(),
  ): Promise<number> {
    const assignments = await manager.findBy(Assignment, { clinicId, status: 'active' });
    let created = 0;
    for (const assignment of assignments) {
      created += await this.planAhead(
        manager,
        clinicId,
        assignment.id,
        this.windowEnd(assignment.schedule, now),
      );
    }
    return created;
  }
}
