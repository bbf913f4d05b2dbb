import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Worker, type Job } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { JOBS, QUEUE_NAMES, isJobName, type JobName } from '@mend/shared-contracts';
import { HANDLES_JOB } from './handles-job.decorator';
import { matchHandlers, type FoundHandler } from './job-handlers';
import { assertRedisDurable } from './redis-durability';
import { REDIS } from './redis.provider';
import type { RedisClient } from './redis-connection';

/** The jobs this worker process must handle (JobsModule.forWorker's `jobs`). */
export const WORKER_JOBS = Symbol('WORKER_JOBS');

/**
 * Starts one BullMQ worker per queue and routes each job to its handler by name. Refuses to
 * start when the handlers do not match the registry or Redis could lose jobs. On shutdown it
 * lets active jobs finish; a job cut off by SIGKILL goes back to the queue as stalled.
 */
@Injectable()
export class WorkerRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerRunner.name);
  private readonly workers: Worker[] = [];
  private handlers = new Map<JobName, FoundHandler>();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WORKER_JOBS) private readonly jobs: readonly JobName[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.handlers = matchHandlers(this.findHandlers(), this.jobs);
    if (this.config.REDIS_REQUIRE_DURABLE) await assertRedisDurable(this.redis);
    for (const queueName of QUEUE_NAMES) {
      const worker = new Worker(queueName, (job) => this.process(job), {
        connection: this.redis,
        prefix: this.config.QUEUE_PREFIX,
        concurrency: this.config.WORKER_CONCURRENCY,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { jobId: job?.id, jobName: job?.name, attempt: job?.attemptsMade, err: error.message },
          'job failed',
        ),
      );
      worker.on('error', (error) => this.logger.error({ err: error.message }, 'worker error'));
      this.workers.push(worker);
    }
    this.logger.log(`worker started: ${this.handlers.size} jobs on ${QUEUE_NAMES.length} queues`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private async process(job: Job): Promise<void> {
    const handler = isJobName(job.name) ? this.handlers.get(job.name) : undefined;
    if (!handler || JOBS[job.name as JobName].queue !== job.queueName) {
      throw new Error(`no handler for job "${job.name}" on queue "${job.queueName}"`);
    }
    await handler.run(job.data, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
  }

  private findHandlers(): FoundHandler[] {
    const found: FoundHandler[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method = (instance as Record<string, unknown>)[methodName];
        if (typeof method !== 'function') continue;
        const jobName = this.reflector.get<string | undefined>(HANDLES_JOB, method);
        if (!jobName) continue;
        found.push({
          jobName,
          owner: `${instance.constructor.name}.${methodName}`,
          run: (payload, context) => method.call(instance, payload, context) as Promise<void>,
        });
      }
    }
    return found;
  }
}
