import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueRegistry } from './queue-registry.service';
import { REDIS, redisProvider } from './redis.provider';
import { WorkerRunner } from './worker-runner.service';

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

  static forWorker(): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [redisProvider, QueueRegistry, WorkerRunner],
      exports: [REDIS, QueueRegistry],
    };
  }
}
