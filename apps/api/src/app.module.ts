import { Module } from '@nestjs/common';
import { AssignmentsModule } from '@mend/server-assignments';
import { AuditModule } from '@mend/server-audit';
import { ConfigModule } from '@mend/server-config';
import { DatabaseModule } from '@mend/server-db';
import { JobsModule } from '@mend/server-jobs';
import { IdentityModule } from '@mend/server-identity';
import { HealthModule, loggingModule } from '@mend/server-platform';
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
    AssignmentsModule,
  ],
})
export class AppModule {}
