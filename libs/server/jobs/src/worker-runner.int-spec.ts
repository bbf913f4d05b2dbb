import { Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule, type AppConfig } from '@mend/server-config';
import { startScratchRedis, testConfig, type ScratchRedis } from '@mend/server-testing';
import { HandlesJob } from './handles-job.decorator';
import { JobHandlerError } from './job-handlers';
import { JobsModule } from './jobs.module';
import { RedisNotDurableError } from './redis-durability';

@Injectable()
class StandInHeartbeat {
  @HandlesJob('system.heartbeat')
  async beat(): Promise<void> {
    // Intentionally empty: these tests stop before any job runs.
  }
}

@Module({ providers: [StandInHeartbeat] })
class StandInHandlers {}

/** Boots a worker context and returns the error its start-up threw, if any. */
async function startUpError(config: AppConfig, handlers: Array<typeof StandInHandlers>) {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      JobsModule.forWorker({ jobs: ['system.heartbeat'] }),
      ...handlers,
    ],
  }).compile();
  const app = moduleRef.createNestApplication();
  try {
    await app.init();
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await app.close();
  }
}

describe('worker start-up checks (real Redis)', () => {
  let volatileRedis: ScratchRedis;

  beforeAll(async () => {
    volatileRedis = await startScratchRedis([
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'allkeys-lru',
    ]);
  });

  afterAll(async () => {
    await volatileRedis.stop();
  });

  it('starts when every job has a handler and Redis is durable', async () => {
    expect(await startUpError(testConfig(), [StandInHandlers])).toBeUndefined();
  });

  it('refuses to start when a registered job has no handler', async () => {
    const error = await startUpError(testConfig(), []);
    expect(error).toBeInstanceOf(JobHandlerError);
    expect((error as Error).message).toContain('job "system.heartbeat" has no handler');
  });

  it('refuses a Redis that may evict keys or forget writes, naming both settings', async () => {
    const error = await startUpError(testConfig({ REDIS_URL: volatileRedis.url }), [
      StandInHandlers,
    ]);
    expect(error).toBeInstanceOf(RedisNotDurableError);
    expect((error as Error).message).toMatch(
      /maxmemory-policy is "allkeys-lru", not "noeviction"; appendonly is "no", not "yes"/,
    );
  });

  it('accepts that Redis when durability is explicitly waived (throwaway test Redis)', async () => {
    const config = testConfig({ REDIS_URL: volatileRedis.url, REDIS_REQUIRE_DURABLE: 'false' });
    expect(await startUpError(config, [StandInHandlers])).toBeUndefined();
  });
});
