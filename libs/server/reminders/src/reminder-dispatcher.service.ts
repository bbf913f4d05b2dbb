import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { QueueRegistry } from '@mend/server-jobs';
import { TenantDb } from '@mend/server-tenancy';
import { JOBS } from '@mend/shared-contracts';
import { queueLookaheadMs, REMINDERS_OPTIONS, type RemindersOptions } from './reminders.options';

interface DueRow {
  clinic_id: string;
  delivery_id: string;
  attempts: number;
  due_at: Date;
}

const NO_CURSOR = { dueAt: new Date(0), id: '00000000-0000-0000-0000-000000000000' };

/**
 * The job id of a send batch: its clinic, its first delivery's due minute and id, and a digest
 * of all its delivery ids. Deterministic, so a tick that re-finds a batch still queued adds
 * nothing: re-found deliveries of one clinic are cut into batches in the same order as before,
 * and a job claims its whole batch at once, so untouched batches come out the same. A batch that
 * comes out different (grown by the next tick's lookahead, or by a newly planned delivery) is a
 * new job, so none of its deliveries waits for a later tick; the overlap is claimed only once.
 *
 * A batch whose first delivery already had attempts gets a fresh id per attempt count: its
 * earlier job may be finished, failed or stuck with a dead worker. A batch due for longer than
 * a lease also gets a fresh id per lease period: a job that gave up without claiming anything
 * (PostgreSQL was down for all its retries) must not keep the id, and so the deliveries, for as
 * long as Redis keeps failed jobs. The claim in PostgreSQL keeps two jobs from sending twice.
 * (BullMQ refuses ':' in custom ids, hence '.'.)
 */
export function sendBatchJobId(
  clinicId: string,
  batch: ReadonlyArray<{ delivery_id: string; attempts: number; due_at: Date }>,
  at: Date,
  leaseMs: number,
): string {
  const [first] = batch;
  if (!first) throw new Error('a send batch needs a delivery');
  const dueAt = new Date(first.due_at).getTime();
  const members = createHash('sha256')
    .update(batch.map((row) => row.delivery_id).join(','))
    .digest('hex')
    .slice(0, 16);
  const base = `send.${clinicId}.${Math.floor(dueAt / 60_000)}.${first.delivery_id}.${members}`;
  const retried = first.attempts > 0 ? `.a${first.attempts}` : '';
  const stale = at.getTime() - dueAt > leaseMs ? `.g${Math.floor(at.getTime() / leaseMs)}` : '';
  return `${base}${retried}${stale}`;
}

export interface TickSummary {
  plansQueued: number;
  /** Deliveries queued for sending (in `sendJobsQueued` batches). */
  sendsQueued: number;
  sendJobsQueued: number;
}

interface QueuedSends {
  deliveries: number;
  jobs: number;
}

/**
 * The minute tick, across all clinics at once: two SECURITY DEFINER functions answer which
 * clinics have planning to do and which deliveries are due (keys only), and the tick queues a
 * plan job per clinic and send jobs carrying batches of one clinic's due deliveries — those due
 * before the next tick (and a margin) as delayed jobs, so a reminder goes out at its minute, not
 * up to a tick late. Everything that reads or writes a clinic's rows runs in those jobs, under
 * that clinic's tenant context.
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
    const sends = await this.queueDue(at, onlyClinics);
    return { plansQueued, sendsQueued: sends.deliveries, sendJobsQueued: sends.jobs };
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

  /**
   * Queues send jobs for what is due by `at` plus the lookahead, in pages. Each clinic's
   * deliveries are grouped by when they may go (now, or their window) and cut into batches of
   * `sendBatchSize` in (due time, id) order; a part batch at a page's end waits for the next
   * page, so the cut does not depend on where pages end.
   */
  async queueDue(
    at: Date,
    onlyClinics: string[] | null = null,
    lookaheadMs: number | null = this.options.lookaheadMs,
  ): Promise<QueuedSends> {
    const lookahead = lookaheadMs ?? queueLookaheadMs(this.options);
    const until = new Date(at.getTime() + lookahead);
    const open = new Map<string, DueRow[]>();
    const queued: QueuedSends = { deliveries: 0, jobs: 0 };
    let cursor = NO_CURSOR;
    for (;;) {
      const rows = await this.db.query<DueRow[]>(
        `SELECT clinic_id, delivery_id, attempts, due_at
           FROM due_deliveries($1, $2, $3, $4, $5, $6)`,
        [at, until, cursor.dueAt, cursor.id, this.options.duePageSize, onlyClinics],
      );
      const full: DueRow[][] = [];
      for (const row of rows) {
        const key = `${row.clinic_id}.${this.windowOf(row, at)}`;
        const batch = open.get(key) ?? [];
        batch.push(row);
        if (batch.length >= this.options.sendBatchSize) {
          full.push(batch);
          open.delete(key);
        } else {
          open.set(key, batch);
        }
      }
      const last = rows[rows.length - 1];
      const done = !last || rows.length < this.options.duePageSize;
      await this.add(done ? [...full, ...open.values()] : full, at, queued);
      if (done) return queued;
      cursor = { dueAt: new Date(last.due_at), id: last.delivery_id };
    }
  }

  /** When a delivery may go: 'now' if already due, else the index of its window. */
  private windowOf(row: DueRow, at: Date): string {
    const dueAt = new Date(row.due_at).getTime();
    return dueAt <= at.getTime() ? 'now' : String(Math.floor(dueAt / this.options.sendWindowMs));
  }

  private async add(batches: DueRow[][], at: Date, queued: QueuedSends): Promise<void> {
    const jobs = batches.flatMap((batch) => {
      const [first] = batch;
      if (!first) return [];
      const lastDue = Math.max(...batch.map((row) => new Date(row.due_at).getTime()));
      return [
        {
          name: 'reminders.send' as const,
          data: {
            clinicId: first.clinic_id,
            deliveryIds: batch.map((row) => row.delivery_id),
          },
          opts: {
            jobId: sendBatchJobId(first.clinic_id, batch, at, this.options.leaseMs),
            delay: Math.max(0, lastDue - at.getTime()),
          },
        },
      ];
    });
    if (jobs.length === 0) return;
    await this.queues.queue(JOBS['reminders.send'].queue).addBulk(jobs);
    queued.jobs += jobs.length;
    queued.deliveries += jobs.reduce((sum, job) => sum + job.data.deliveryIds.length, 0);
  }
}
