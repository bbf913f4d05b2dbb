import { Inject, Injectable } from '@nestjs/common';
import { QueueRegistry } from '@mend/server-jobs';
import { TenantDb } from '@mend/server-tenancy';
import { JOBS, type DeliveryKind } from '@mend/shared-contracts';
import { REMINDERS_OPTIONS, type RemindersOptions } from './reminders.options';

interface DueRow {
  clinic_id: string;
  delivery_id: string;
  kind: DeliveryKind;
  recipient_user_id: string;
  subject_key: string;
  attempts: number;
  due_at: Date;
}

const NO_CURSOR = { dueAt: new Date(0), id: '00000000-0000-0000-0000-000000000000' };

/**
 * The job id of a send. Deterministic, so a tick that re-finds a delivery whose job is still
 * queued adds nothing. A delivery that already had attempts gets a fresh id per attempt count:
 * its earlier job may be finished, failed or stuck with a dead worker, and the claim in
 * PostgreSQL keeps two jobs from sending twice. (BullMQ refuses ':' in custom ids, hence '.'.)
 */
export function sendJobId(row: {
  kind: DeliveryKind;
  recipient_user_id: string;
  subject_key: string;
  attempts: number;
}): string {
  const base =
    row.kind === 'due_soon' || row.kind === 'overdue'
      ? `reminder.${row.subject_key}.${row.recipient_user_id}.${row.kind}`
      : `${row.kind}.${row.subject_key}.${row.recipient_user_id}`;
  return row.attempts > 0 ? `${base}.a${row.attempts}` : base;
}

export interface TickSummary {
  plansQueued: number;
  sendsQueued: number;
}

/**
 * The minute tick, across all clinics at once: two SECURITY DEFINER functions answer which
 * clinics have planning to do and which deliveries are due (keys only), and the tick queues a
 * plan job per clinic and a send job per delivery — those due before the next tick as delayed
 * jobs, so a reminder goes out at its minute, not up to a tick late. Everything that reads or writes a clinic's
 * rows runs in those jobs, under that clinic's tenant context.
 */
@Injectable()
export class ReminderDispatcher {
  constructor(
    private readonly db: TenantDb,
    private readonly queues: QueueRegistry,
    @Inject(REMINDERS_OPTIONS) private readonly options: RemindersOptions,
  ) {}

  /** `onlyClinics` narrows the search; tests sharing a database use it, production never. */
  async tick(at: Date, onlyClinics: string[] | null = null): Promise<TickSummary> {
    const plansQueued = await this.queuePlans(at, onlyClinics);
    const sendsQueued = await this.queueDue(at, onlyClinics);
    return { plansQueued, sendsQueued };
  }

  async queuePlans(at: Date, onlyClinics: string[] | null = null): Promise<number> {
    const clinics = await this.db.query<Array<{ clinic_id: string }>>(
      `SELECT clinic_id FROM clinics_needing_reminder_plans($1, make_interval(secs => $2), $3)`,
      [at, this.options.horizonMs / 1000, onlyClinics],
    );
    const minute = Math.floor(at.getTime() / 60_000);
    await this.queues.queue(JOBS['reminders.plan'].queue).addBulk(
      clinics.map(({ clinic_id: clinicId }) => ({
        name: 'reminders.plan',
        data: { clinicId, at: at.toISOString() },
        opts: { jobId: `plan.${clinicId}.${minute}` },
      })),
    );
    return clinics.length;
  }

  async queueDue(
    at: Date,
    onlyClinics: string[] | null = null,
    lookaheadMs: number | null = this.options.lookaheadMs,
  ): Promise<number> {
    const queue = this.queues.queue(JOBS['reminders.send'].queue);
    const lookahead = lookaheadMs ?? this.options.tickEveryMs ?? 0;
    const until = new Date(at.getTime() + lookahead);
    let cursor = NO_CURSOR;
    let queued = 0;
    for (;;) {
      const rows = await this.db.query<DueRow[]>(
        `SELECT * FROM due_deliveries($1, $2, $3, $4, $5, $6)`,
        [at, until, cursor.dueAt, cursor.id, this.options.batchSize, onlyClinics],
      );
      if (rows.length === 0) break;
      await queue.addBulk(
        rows.map((row) => ({
          name: 'reminders.send',
          data: { clinicId: row.clinic_id, deliveryId: row.delivery_id },
          opts: {
            jobId: sendJobId(row),
            delay: Math.max(0, new Date(row.due_at).getTime() - at.getTime()),
          },
        })),
      );
      queued += rows.length;
      const last = rows[rows.length - 1];
      if (!last || rows.length < this.options.batchSize) break;
      cursor = { dueAt: new Date(last.due_at), id: last.delivery_id };
    }
    return queued;
  }
}
