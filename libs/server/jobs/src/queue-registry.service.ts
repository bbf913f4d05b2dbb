import { once } from 'node:events';
import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import {
  JOBS,
  type JobDefinition,
  type JobName,
  type JobPayload,
  type QueueName,
} from '@mend/shared-contracts';
import { DEFAULT_JOB_OPTIONS } from './job-defaults';
import { REDIS } from './redis.provider';
import type { RedisClient } from './redis-connection';

export interface EnqueueOptions {
  /** A deterministic id makes a second enqueue of the same work a no-op. */
  jobId?: string;
  delayMs?: number;
}

/**
 * The queues of the registry, created on first use with the shared defaults. Owns the shared
 * Redis connection's lifetime.
 */
@Injectable()
export class QueueRegistry implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.redis,
        prefix: this.config.QUEUE_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayload<N>,
    options: EnqueueOptions = {},
  ): Promise<void> {
    const definition: JobDefinition = JOBS[name];
    if (definition.scope === 'clinic' && !hasClinicId(payload)) {
      throw new Error(`job "${name}" is clinic-scoped; its payload needs a clinicId`);
    }
    await this.queue(definition.queue).add(name, payload, {
      ...(options.jobId ? { jobId: options.jobId } : {}),
      ...(options.delayMs ? { delay: options.delayMs } : {}),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  /** After queues and workers have closed (they run before this hook), drop the connection. */
  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'end') return;
    const ended = once(this.redis, 'end');
    if (this.redis.status === 'ready') await this.redis.quit();
    else this.redis.disconnect();
    await ended;
  }
}

function hasClinicId(payload: unknown): boolean {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    typeof (payload as { clinicId?: unknown }).clinicId === 'string'
  );
}
