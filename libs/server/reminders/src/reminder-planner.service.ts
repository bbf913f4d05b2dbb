import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { computeReminderTimes, reminderPolicySchema } from '@mend/shared-schedule';
import type { CompletionMode } from '@mend/shared-exercises';
import type { DeliveryKind } from '@mend/shared-contracts';
import { REMINDERS_OPTIONS, type RemindersOptions } from './reminders.options';
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
  occurrences: number;
  deliveries: number;
}

/**
 * Turns one clinic's work into delivery rows (status `planned`, with the instant each is due):
 * partner nudges for open occurrences coming up, one escalation per therapist for each open
 * missed-streak alert, and each therapist's next daily digest. Runs inside the clinic's tenant
 * context; every insert is ON CONFLICT DO NOTHING, so planning twice plans nothing new. Whether
 * a nudge still applies (answered, paused, safety pause) is decided when it is sent.
 */
@Injectable()
export class ReminderPlanner {
  constructor(@Inject(REMINDERS_OPTIONS) private readonly options: RemindersOptions) {}

  async planClinic(manager: EntityManager, clinicId: string, now: Date): Promise<PlanSummary> {
    const [clinic] = await manager.query<Array<{ start: string; end: string }>>(
      `SELECT quiet_hours_start AS start, quiet_hours_end AS end FROM clinics WHERE id = $1`,
      [clinicId],
    );
    if (!clinic) return { occurrences: 0, deliveries: 0 };
    const summary = { occurrences: 0, deliveries: 0 };
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

  private async planOccurrences(
    manager: EntityManager,
    clinicId: string,
    clinic: { start: string; end: string },
    now: Date,
  ): Promise<PlanSummary> {
    const rows = await manager.query<PartnerRow[]>(
      `WITH todo AS (
         SELECT o.id, o.due_at, o.assignment_id, o.couple_id FROM occurrences o
          WHERE o.clinic_id = $1 AND o.status = 'open'
            AND o.due_at BETWEEN $2::timestamptz - interval '${MAX_OVERDUE_LOOKBACK}'
                             AND $2::timestamptz + make_interval(secs => $3)
            AND NOT EXISTS (SELECT 1 FROM reminder_plans p
                             WHERE p.clinic_id = o.clinic_id AND p.occurrence_id = o.id)
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
                           WHERE d.clinic_id = a.clinic_id AND d.kind = 'escalation'
                             AND d.subject_key = a.id::text AND d.recipient_user_id = u.id)`,
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
                           WHERE d.clinic_id = u.clinic_id AND d.recipient_user_id = u.id
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

  /** Bulk insert; an existing (recipient, kind, subject) keeps its row untouched. */
  private async insert(
    manager: EntityManager,
    clinicId: string,
    deliveries: PlannedDelivery[],
  ): Promise<number> {
    if (deliveries.length === 0) return 0;
    const result = await manager.query<Array<{ id: string }>>(
      `INSERT INTO deliveries (clinic_id, kind, recipient_user_id, subject_key, occurrence_id,
                               alert_id, due_at)
       SELECT $1, * FROM unnest($2::delivery_kind[], $3::uuid[], $4::text[], $5::uuid[],
                                $6::uuid[], $7::timestamptz[])
       ON CONFLICT ON CONSTRAINT uq_deliveries_key DO NOTHING
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

  /**
   * After a partner changes their preferences, forget the plans of their nudges not yet begun,
   * so the next planning pass computes them afresh (the other partner's rows stay, by key).
   */
  async forgetPlansOf(manager: EntityManager, clinicId: string, userId: string): Promise<void> {
    await manager.query(
      `WITH dropped AS (
         DELETE FROM deliveries
          WHERE clinic_id = $1 AND recipient_user_id = $2 AND status = 'planned' AND attempts = 0
            AND kind IN ('due_soon', 'overdue', 'digest')
         RETURNING occurrence_id)
       DELETE FROM reminder_plans p USING dropped
        WHERE p.clinic_id = $1 AND p.occurrence_id = dropped.occurrence_id`,
      [clinicId, userId],
    );
  }
}

function staffQuiet(row: StaffRow): { start: string | null; end: string | null } {
  return { start: row.quiet_hours_start, end: row.quiet_hours_end };
}
