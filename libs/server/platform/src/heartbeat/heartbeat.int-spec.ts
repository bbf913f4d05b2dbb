import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { ConfigModule } from '@mend/server-config';
import { DatabaseModule } from '@mend/server-db';
import { JobsModule } from '@mend/server-jobs';
import { testConfig, waitFor } from '@mend/server-testing';
import { HeartbeatJob } from './heartbeat.job';
import { HeartbeatModule } from './heartbeat.module';

describe('heartbeat job, end to end (real PostgreSQL and Redis)', () => {
  it('is scheduled by BullMQ, run by the worker and recorded in PostgreSQL', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(testConfig({ HEARTBEAT_EVERY_MS: '1000' })),
        DatabaseModule,
        JobsModule.forWorker({ jobs: ['system.heartbeat'] }),
        HeartbeatModule,
      ],
    }).compile();
    const app = moduleRef.createNestApplication();
    await app.init();
    try {
      const dataSource = app.get(DataSource);
      const { workerId } = app.get(HeartbeatJob);
      const beatsOf = async () => {
        const rows: Array<{ beats: string }> = await dataSource.query(
          'SELECT beats FROM worker_heartbeats WHERE worker_id = $1',
          [workerId],
        );
        return rows[0] ? Number(rows[0].beats) : 0;
      };
      const before = await beatsOf();
      // Two beats prove the scheduler repeats, not just that one job ran.
      await waitFor('two heartbeats', async () =>
        (await beatsOf()) >= before + 2 ? true : undefined,
      );
      expect(await beatsOf()).toBeGreaterThanOrEqual(before + 2);
    } finally {
      await app.close();
    }
  });
});
