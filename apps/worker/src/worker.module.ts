import { Module } from '@nestjs/common';
import { AssignmentJobsModule } from '@mend/server-assignments';
import { ConfigModule } from '@mend/server-config';
import { DatabaseModule } from '@mend/server-db';
import { IdentityJobsModule } from '@mend/server-identity';
import { JobsModule } from '@mend/server-jobs';
import { HeartbeatModule, loggingModule } from '@mend/server-platform';
import { ProgressJobsModule } from '@mend/server-progress';
import { ReminderJobsModule } from '@mend/server-reminders';
import { TenancyModule } from '@mend/server-tenancy';

@Module({
  imports: [
    ConfigModule.forRoot(),
    loggingModule('mend-worker'),
    DatabaseModule,
    JobsModule.forWorker(),
    TenancyModule,
    HeartbeatModule,
    ProgressJobsModule,
    AssignmentJobsModule,
    ReminderJobsModule.forWorker(),
    IdentityJobsModule,
  ],
})
export class WorkerModule {}
