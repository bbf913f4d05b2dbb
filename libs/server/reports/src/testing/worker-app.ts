import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuditModule } from '@mend/server-audit';
import { ConfigModule, type AppConfig } from '@mend/server-config';
import { DatabaseModule } from '@mend/server-db';
import { JobsModule } from '@mend/server-jobs';
import { TenancyModule } from '@mend/server-tenancy';
import { ReportJobsModule, ReportsModule } from '../reports.module';

/**
 * The reports service and the reports worker in one process (as the API and the worker share
 * their libraries), with the schedulers off so a test drives the clock. `worker: false` leaves
 * the job runner out: a producer only.
 */
export async function startReportsApp(
  config: AppConfig,
  options: { worker?: boolean } = {},
): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule,
      options.worker === false
        ? JobsModule.forProducer()
        : JobsModule.forWorker({ jobs: ['reports.build', 'reports.monthly', 'reports.sweep'] }),
      TenancyModule,
      AuditModule,
      ReportsModule,
      ...(options.worker === false ? [] : [ReportJobsModule.forWorker({ scheduleEveryMs: null })]),
    ],
  }).compile();
  const app = moduleRef.createNestApplication();
  await app.init();
  return app;
}
