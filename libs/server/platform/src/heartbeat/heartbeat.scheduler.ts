import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { QueueRegistry } from '@mend/server-jobs';
import { JOBS } from '@mend/shared-contracts';

/**
 * One job scheduler for the whole service (upsert is idempotent, so every worker may call it):
 * BullMQ, not a timer in one process, decides when the next heartbeat is due.
 */
@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap {
  constructor(
    private readonly queues: QueueRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues
      .queue(JOBS['system.heartbeat'].queue)
      .upsertJobScheduler(
        'system.heartbeat',
        { every: this.config.HEARTBEAT_EVERY_MS },
        { name: 'system.heartbeat', data: { scheduledBy: 'heartbeat-scheduler' } },
      );
  }
}
