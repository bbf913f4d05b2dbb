import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HandlesJob, QueueRegistry, type JobRunContext } from '@mend/server-jobs';
import { TenantDb } from '@mend/server-tenancy';
import { JOBS, type JobPayload } from '@mend/shared-contracts';
import { DeliverySender } from './delivery-sender.service';
import { ReminderDispatcher } from './reminder-dispatcher.service';
import { ReminderPlanner } from './reminder-planner.service';
import { REMINDERS_OPTIONS, type RemindersOptions } from './reminders.options';

/**
 * The reminders queue's handlers. One job scheduler (upsert is idempotent, so every worker may
 * register it) wakes the tick every minute; plan and send jobs carry their clinic and run
 * inside its tenant context.
 */
@Injectable()
export class ReminderJobs implements OnApplicationBootstrap {
  constructor(
    private readonly db: TenantDb,
    private readonly queues: QueueRegistry,
    private readonly planner: ReminderPlanner,
    private readonly dispatcher: ReminderDispatcher,
    private readonly sender: DeliverySender,
    @Inject(REMINDERS_OPTIONS) private readonly options: RemindersOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.tickEveryMs === null) return;
    await this.queues
      .queue(JOBS['reminders.tick'].queue)
      .upsertJobScheduler(
        'reminders.tick',
        { every: this.options.tickEveryMs },
        { name: 'reminders.tick', data: { scheduledBy: 'reminders' } },
      );
  }

  @HandlesJob('reminders.tick')
  async tick(_payload: JobPayload<'reminders.tick'>): Promise<void> {
    await this.dispatcher.tick(new Date());
  }

  @HandlesJob('reminders.plan')
  async plan(payload: JobPayload<'reminders.plan'>): Promise<void> {
    const at = new Date(payload.at);
    if (Number.isNaN(at.getTime())) throw new Error('reminders.plan needs an ISO `at`');
    await this.db.run({ clinicId: payload.clinicId }, (manager) =>
      this.planner.planClinic(manager, payload.clinicId, at),
    );
  }

  @HandlesJob('reminders.send')
  async send(payload: JobPayload<'reminders.send'>, context: JobRunContext): Promise<void> {
    await this.sender.send(payload, context);
  }
}
