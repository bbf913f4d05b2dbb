import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueRegistry } from './queue-registry.service';
import { REDIS, redisProvider } from './redis.provider';
import { WORKER_JOBS, WorkerRunner } from './worker-runner.service';
import { JOB_NAMES, type JobName } from '@mend/shared-contracts';

/**
 * Queues for every process; `forWorker()` adds the job runner. The API and the worker share
 * this module so that a feature's handlers sit next to its services.
 */
@Module({})
export class JobsModule {
  static forProducer(): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      providers: [redisProvider, QueueRegistry],
      exports: [REDIS, QueueRegistry],
    };
  }

  /**
   * `jobs` narrows what this process must handle (a worker pool dedicated to some jobs, or a
   * test of one feature); by default it is every job in the registry.
   */
  static forWorker(options: { jobs?: readonly JobName[] } = {}): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        redisProvider,
        QueueRegistry,
        WorkerRunner,
        { provide: WORKER_JOBS, useValue: options.jobs ?? JOB_NAMES },
      ],
      exports: [REDIS, QueueRegistry],
    };
  }
}
