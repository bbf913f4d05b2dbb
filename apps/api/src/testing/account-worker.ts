import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ConfigModule, type AppConfig } from '@mend/server-config';
import { DatabaseModule } from '@mend/server-db';
import { IdentityJobsModule } from '@mend/server-identity';
import { JobsModule } from '@mend/server-jobs';
import { TenancyModule } from '@mend/server-tenancy';

/**
 * A worker in the test process that handles the account mail jobs (password resets), on the
 * test API's configuration, so it takes the jobs that API queues and mails the test's sink.
 */
export async function startAccountWorker(config: AppConfig): Promise<INestApplicationContext> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule,
      JobsModule.forWorker({ jobs: ['accounts.password-reset', 'accounts.password-reset-mail'] }),
      TenancyModule,
      IdentityJobsModule,
    ],
  }).compile();
  const app = moduleRef.createNestApplication();
  await app.init();
  return app;
}
