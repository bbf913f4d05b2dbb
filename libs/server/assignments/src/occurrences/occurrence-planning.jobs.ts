import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HandlesJob, QueueRegistry } from '@mend/server-jobs';
import { TenantDb } from '@mend/server-tenancy';
import { JOBS, type JobPayload } from '@mend/shared-contracts';
import { OccurrencePlanner } from './occurrence-planner.service';

const PLAN_EVERY_MS = 60 * 60_000;
/** Replan once fewer than this many days of occurrences are left (the window is 28). */
const REPLAN_HORIZON_DAYS = 21;

/**
 * Keeps every active assignment's occurrences a rolling window ahead. Hourly, one platform job
 * asks which clinics have assignments running short and fans out one clinic job each (fixed
 * job ids per hour, so a repeated sweep adds nothing); planning inserts are idempotent.
 */
@Injectable()
export class OccurrencePlanningJobs implements OnApplicationBootstrap {
  constructor(
    private readonly db: TenantDb,
    private readonly queues: QueueRegistry,
    private readonly planner: OccurrencePlanner,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue(JOBS['occurrences.plan-sweep'].queue)
      .upsertJobScheduler(
        'occurrences.plan-sweep',
        { every: PLAN_EVERY_MS },
        { name: 'occurrences.plan-sweep', data: { scheduledBy: 'occurrence-planning' } },
      );
  }

  @HandlesJob('occurrences.plan-sweep')
  async sweep(_payload: JobPayload<'occurrences.plan-sweep'>): Promise<void> {
    const clinics = await this.db.query<Array<{ clinic_id: string }>>(
      'SELECT clinic_id FROM clinics_with_assignments_to_plan($1)',
      [REPLAN_HORIZON_DAYS],
    );
    const bucket = Math.floor(Date.now() / PLAN_EVERY_MS);
    for (const { clinic_id: clinicId } of clinics) {
      await this.queues.enqueue(
        'occurrences.plan-ahead',
        { clinicId },
        { jobId: `plan-ahead:${clinicId}:${bucket}` },
      );
    }
  }

  @HandlesJob('occurrences.plan-ahead')
  async planAhead(payload: JobPayload<'occurrences.plan-ahead'>): Promise<void> {
    await this.db.run({ clinicId: payload.clinicId }, (manager) =>
      this.planner.planClinic(manager, payload.clinicId),
    );
  }
}
