import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { computeReminderTimes, reminderPolicySchema } from '@mend/shared-schedule';
import type { CompletionMode } from '@mend/shared-exercises';
import type { DeliveryKind } from '@mend/shared-contracts';
import { queueLookaheadMs, REMINDERS_OPTIONS, type RemindersOptions } from './reminders.options';
import {
  afterQuietHours,
  effectivePolicy,
  expectsAnswerFrom,
  nextDigest,
  quietHoursOf,
} from './reminder-rules';

const PLAN_BATCH = 2_000;
const MAX_OVERDUE_LOOKBACK = '7 days';

interface PlannedDelivery {
  kind: DeliveryKind;
  recipientUserId: string;
  subjectKey: string;
  occurrenceId: string | null;
  alertId: string | null;
  dueAt: Date;
}

interface PartnerRow {
  occurrence_id: string;
  due_at: Date;
  completion_mode: CompletionMode;
  assignee_user_id: string | null;
  reminder_policy: unknown;
  user_id: string;
  time_zone: string;
  reminder_time: string | null;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

interface StaffRow {
  user_id: string;
  time_zone: string;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
}

export interface PlanSummary {
  /** Occurrences whose nudges were planned (or planned again) in this pass. */
  occurrences: number;
  /** Deliveries now planned that were not before: new rows and withdrawn ones put back. */
  deliveries: number;
  /** Marked deliveries withdrawn to be planned again (or not, when they no longer apply). */
  withdrawn: number;
}

/**
 * Turns one clinic's work into delivery rows (status `planned`, with the instant each is due):
 * partner nudges for open occurrences of active couples and assignments coming up, one
 * escalation per therapist for each open missed-streak alert, and each therapist's next daily
 * digest. Runs inside the clinic's tenant context.
 *
 * Re-planning: a change to the rules marks planned deliveries (requestReminderReplanning); a pass
 * first withdraws the marked ones it may still move (status `skipped`, no attempt made) and
 * forgets their occurrences' plans, then plans as usual, which puts each one that still applies
 * back to `planned` at its new time on the same row (the unique key holds, nothing is sent
 * twice). A delivery due within the dispatcher's lookahead is left alone: its send job may
 * already be queued, and the sender checks at send time whether it still applies.
 */
@Injectable()
export class ReminderPlanner {
  constructor(@Inject(REMINDERS_OPTIONS) private readonly options: RemindersOptions) {}

  async planClinic(manager: EntityManager, clinicId: string, now: Date): Promise<PlanSummary> {
    // FOR SHARE: a change that marks deliveries (FOR NO KEY UPDATE) waits for this pass to commit,
    // or this pass waits for it and reads the new rules.
    const [clinic] = await manager.query<Array<{ start: string; end: string }>>(
      `SELECT quiet_hours_start AS start, quiet_hours_end AS end FROM clinics WHERE id = $1
         FOR SHARE`,
      [clinicId],
    );
    if (!clinic) return { occurrences: 0, deliveries: 0, withdrawn: 0 };
    const withdrawn = await this.withdrawMarked(manager, clinicId, now);
    const summary = { occurrences: 0, deliveries: 0, withdrawn };
    for (;;) {
      const planned = await this.planOccurrences(manager, clinicId, clinic, now);
      summary.occurrences += planned.occurrences;
      summary.deliveries += planned.deliveries;
      if (planned.occurrences < PLAN_BATCH) break;
    }
    summary.deliveries += await this.planEscalations(manager, clinicId, clinic, now);
    summary.deliveries += await this.planDigests(manager, clinicId, clinic, now);
    return summary;
  }

  /**
   * Withdraws the marked deliveries that may still move, with the reason when their occurrence
   * no longer applies, and forgets the plans of the occurrences concerned so that this pass
   * plans them again. Clears every mark, including those of deliveries it leaves alone. Word of
   * a message stays as planned: nothing here could plan it again, and it says only that a
   * message waits, which the sender checks at send time.
   */
  private async withdrawMarked(
    manager: EntityManager,
    clinicId: string,
    now: Date,
  ): Promise<number> {
    const movableAfter = new Date(now.getTime() + queueLookaheadMs(this.options));
    const [withdrawn] = await manager.query<[Array<{ occurrence_id: string | null }>, number]>(
      `UPDATE deliveries d
          SET status = 'skipped', replan_requested_at = NULL,
              last_error = CASE
                WHEN d.occurrence_id IS NULL THEN 'replanned'
                WHEN o.status IS DISTINCT FROM 'open' THEN 'occurrence_closed'
                WHEN c.status IS DISTINCT FROM 'active' THEN 'couple_not_active'
                WHEN a.status IS DISTINCT FROM 'active' THEN 'assignment_not_active'
                ELSE 'replanned' END
         FROM deliveries m
         LEFT JOIN occurrences o ON o.clinic_id = m.clinic_id AND o.id = m.occurrence_id
         LEFT JOIN couples c ON c.clinic_id = o.clinic_id AND c.id = o.couple_id
         LEFT JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
        WHERE m.clinic_id = $1 AND m.id = d.id AND d.clinic_id = $1
          AND d.replan_requested_at IS NOT NULL AND d.kind <> 'message'
          AND d.status = 'planned' AND d.attempts = 0 AND d.due_at > $2
        RETURNING d.occurrence_id`,
      [clinicId, movableAfter],
    );
    await manager.query(
      `UPDATE deliveries SET replan_requested_at = NULL
        WHERE clinic_id = $1 AND replan_requested_at IS NOT NULL`,
      [clinicId],
    );
    const occurrenceIds = [
      ...new Set(withdrawn.flatMap((row) => (row.occurrence_id ? [row.occurrence_id] : []))),
    ];
    if (occurrenceIds.length > 0) {
      await manager.query(
        `DELETE FROM reminder_plans WHERE clinic_id = $1 AND occurrence_id = ANY($2::uuid[])`,
        [clinicId, occurrenceIds],
      );
    }
    return withdrawn.length;
  }

  private async planOccurrences(
    manager: EntityManager,
    clinicId: string,
    clinic: { start: string; end: string },
    now: Date,
  ): Promise<{ occurrences: number; deliveries: number }> {
    const rows = await manager.query<PartnerRow[]>(
      `WITH todo AS (
         SELECT o.id, o.due_at, o.assignment_id, o.couple_id FROM occurrences o
           JOIN couples c ON c.clinic_id = o.clinic_id AND c.id = o.couple_id
           JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
          WHERE o.clinic_id = $1 AND o.status = 'open'
            AND c.status = 'active' AND a.status = 'active'
            AND o.due_at BETWEEN $2::timestamptz - interval '${MAX_OVERDUE_LOOKBACK}'
                             AND $2::timestamptz + make_interval(secs => $3)
            AND NOT EXISTS (SELECT 1 FROM reminder_plans p
                             WHERE p.clinic_id = $1 AND p.occurrence_id = o.id)
          ORDER BY o.id LIMIT ${PLAN_BATCH})
       SELECT t.id AS occurrence_id, t.due_at, a.completion_mode, a.assignee_user_id,
              a.reminder_policy, cp.user_id, u.time_zone, u.reminder_time,
              u.quiet_hours_start, u.quiet_hours_end
         FROM todo t
         JOIN assignments a ON a.clinic_id = $1 AND a.id = t.assignment_id
         JOIN couple_partners cp ON cp.clinic_id = $1 AND cp.couple_id = t.couple_id
         JOIN users u ON u.clinic_id = $1 AND u.id = cp.user_id
        UNION ALL
       SELECT t.id, t.due_at, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM todo t`,
      [clinicId, now, this.options.horizonMs / 1000],
    );
    const occurrenceIds = new Set<string>();
    const deliveries: PlannedDelivery[] = [];
    for (const row of rows) {
      occurrenceIds.add(row.occurrence_id);
      if (row.user_id === null) continue;
      if (!expectsAnswerFrom(row.completion_mode, row.assignee_user_id, row.user_id)) continue;
      const policy = reminderPolicySchema.safeParse(row.reminder_policy);
      if (!policy.success) continue;
      const dueAt = new Date(row.due_at);
      const times = computeReminderTimes({
        dueAt,
        recipientTimeZone: row.time_zone,
        policy: effectivePolicy(policy.data, row.reminder_time),
        quietHours: quietHoursOf(clinic, {
          start: row.quiet_hours_start,
          end: row.quiet_hours_end,
        }),
      });
      const base = {
        recipientUserId: row.user_id,
        subjectKey: row.occurrence_id,
        occurrenceId: row.occurrence_id,
        alertId: null,
      };
      // A due-soon nudge planned only after the due time has passed would arrive as nonsense;
      // the overdue nudge speaks for it.
      if (times.dueSoonAt && !(times.dueSoonAt < now && dueAt <= now)) {
        deliveries.push({ ...base, kind: 'due_soon', dueAt: times.dueSoonAt });
      }
      if (times.overdueAt) deliveries.push({ ...base, kind: 'overdue', dueAt: times.overdueAt });
    }
    const inserted = await this.insert(manager, clinicId, deliveries);
    if (occurrenceIds.size > 0) {
      await manager.query(
        `INSERT INTO reminder_plans (clinic_id, occurrence_id, planned_at)
         SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT DO NOTHING`,
        [clinicId, [...occurrenceIds], now],
      );
    }
    return { occurrences: occurrenceIds.size, deliveries: inserted };
  }

  private async planEscalations(
    manager: EntityManager,
    clinicId: string,
    clinic: { start: string; end: string },
    now: Date,
  ): Promise<number> {
    const rows = await manager.query<Array<StaffRow & { alert_id: string }>>(
      `SELECT a.id AS alert_id, u.id AS user_id, u.time_zone, u.quiet_hours_start,
              u.quiet_hours_end
         FROM alerts a
         JOIN couple_therapists ct ON ct.clinic_id = a.clinic_id AND ct.couple_id = a.couple_id
         JOIN users u ON u.clinic_id = ct.clinic_id AND u.id = ct.therapist_user_id
        WHERE a.clinic_id = $1 AND a.kind = 'missed_streak' AND a.status = 'open'
          AND u.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM deliveries d
                           WHERE d.clinic_id = $1 AND d.kind = 'escalation'
                             AND d.subject_key = a.id::text AND d.recipient_user_id = u.id
                             AND (d.status <> 'skipped' OR d.attempts > 0))`,
      [clinicId],
    );
    return this.insert(
      manager,
      clinicId,
      rows.map((row) => ({
        kind: 'escalation',
        recipientUserId: row.user_id,
        subjectKey: row.alert_id,
        occurrenceId: null,
        alertId: row.alert_id,
        dueAt: afterQuietHours(now, row.time_zone, quietHoursOf(clinic, staffQuiet(row))),
      })),
    );
  }

  private async planDigests(
    manager: EntityManager,
    clinicId: string,
    clinic: { start: string; end: string },
    now: Date,
  ): Promise<number> {
    const rows = await manager.query<StaffRow[]>(
      `SELECT u.id AS user_id, u.time_zone, u.quiet_hours_start, u.quiet_hours_end FROM users u
        WHERE u.clinic_id = $1 AND u.role = 'therapist' AND u.status = 'active'
          AND NOT EXISTS (SELECT 1 FROM deliveries d
                           WHERE d.clinic_id = $1 AND d.recipient_user_id = u.id
                             AND d.kind = 'digest' AND d.status IN ('planned', 'sending'))`,
      [clinicId],
    );
    return this.insert(
      manager,
      clinicId,
      rows.map((row) => {
        const next = nextDigest(now, row.time_zone, quietHoursOf(clinic, staffQuiet(row)));
        return {
          kind: 'digest',
          recipientUserId: row.user_id,
          subjectKey: next.localDate,
          occurrenceId: null,
          alertId: null,
          dueAt: next.at,
        };
      }),
    );
  }

  /**
   * Bulk insert. An existing (recipient, kind, subject) keeps its row: one withdrawn before any
   * attempt is planned again at the new time, any other is left untouched. Answers how many
   * rows are planned now (new or put back).
   */
  private async insert(
    manager: EntityManager,
    clinicId: string,
    deliveries: PlannedDelivery[],
  ): Promise<number> {
    if (deliveries.length === 0) return 0;
    const result = await manager.query<Array<{ id: string }>>(
      `INSERT INTO deliveries AS d (clinic_id, kind, recipient_user_id, subject_key,
                                    occurrence_id, alert_id, due_at)
       SELECT $1, * FROM unnest($2::delivery_kind[], $3::uuid[], $4::text[], $5::uuid[],
                                $6::uuid[], $7::timestamptz[])
       ON CONFLICT ON CONSTRAINT uq_deliveries_key DO UPDATE
          SET status = 'planned', due_at = EXCLUDED.due_at, last_error = NULL
        WHERE d.status = 'skipped' AND d.attempts = 0
       RETURNING id`,
      [
        clinicId,
        deliveries.map((d) => d.kind),
        deliveries.map((d) => d.recipientUserId),
        deliveries.map((d) => d.subjectKey),
        deliveries.map((d) => d.occurrenceId),
        deliveries.map((d) => d.alertId),
        deliveries.map((d) => d.dueAt),
      ],
    );
    return result.length;
  }
}

function staffQuiet(row: StaffRow): { start: string | null; end: string | null } {
  return { start: row.quiet_hours_start, end: row.quiet_hours_end };
}
