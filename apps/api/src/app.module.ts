import { Module } from '@nestjs/common';
import { AuditModule } from '@mend/server-audit';
import { ConfigModule } from '@mend/server-config';
import { DatabaseModule } from '@mend/server-db';
import { JobsModule } from '@mend/server-jobs';
import { IdentityModule } from '@mend/server-identity';
import { HealthModule, loggingModule } from '@mend/server-platform';
import { ProgressModule } from '@mend/server-progress';
import { RemindersModule } from '@mend/server-reminders';
import { TenancyModule } from '@mend/server-tenancy';

@Module({
  imports: [
    ConfigModule.forRoot(),
    loggingModule('mend-api'),
    DatabaseModule,
    JobsModule.forProducer(),
    TenancyModule,
    AuditModule,
    HealthModule,
    IdentityModule,
    ProgressModule,
    RemindersModule,
  ],
})
export class AppModule {}
