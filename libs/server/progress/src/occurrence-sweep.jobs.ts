import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HandlesJob, QueueRegistry } from '@mend/server-jobs';
import { TenantDb } from '@mend/server-tenancy';
import { JOBS, type JobPayload } from '@mend/shared-contracts';
import { OccurrenceCloser } from './occurrence-closer.service';
import { MISSED_AFTER_HOURS } from './progress-figures';

const SWEEP_EVERY_MS = 5 * 60_000;

/**
 * Every few minutes one platform job asks which clinics have occurrences past their grace
 * period, then fans out one clinic job each; the clinic jobs do the work under row-level
 * security. The per-clinic job id is fixed per sweep, so a repeated sweep adds nothing.
 */
@Injectable()
export class OccurrenceSweepJobs implements OnApplicationBootstrap {
  constructor(
    private readonly db: TenantDb,
    private readonly queues: QueueRegistry,
    private readonly closer: OccurrenceCloser,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue(JOBS['occurrences.sweep'].queue)
      .upsertJobScheduler(
        'occurrences.sweep',
        { every: SWEEP_EVERY_MS },
        { name: 'occurrences.sweep', data: { scheduledBy: 'occurrence-sweep' } },
      );
  }

  @HandlesJob('occurrences.sweep')
  async sweep(_payload: JobPayload<'occurrences.sweep'>): Promise<void> {
    const clinics = await this.db.query<Array<{ clinic_id: string }>>(
      'SELECT clinic_id FROM clinics_with_overdue_occurrences(make_interval(hours => $1))',
      [MISSED_AFTER_HOURS],
    );
    const bucket = Math.floor(Date.now() / SWEEP_EVERY_MS);
    for (const { clinic_id: clinicId } of clinics) {
      await this.queues.enqueue(
        'occurrences.close-overdue',
        { clinicId },
        { jobId: `close-overdue:${clinicId}:${bucket}` },
      );
    }
  }

  @HandlesJob('occurrences.close-overdue')
  async closeOverdue(payload: JobPayload<'occurrences.close-overdue'>): Promise<void> {
    await this.db.run({ clinicId: payload.clinicId }, (manager) =>
      this.closer.closeOverdue(manager, payload.clinicId),
    );
  }
}
