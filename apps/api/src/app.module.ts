import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard } from '@nestjs/throttler';
import { AssignmentsModule } from '@mend/server-assignments';
import { AuditModule } from '@mend/server-audit';
import { ConfigModule } from '@mend/server-config';
import { CouplesModule } from '@mend/server-couples';
import { DatabaseModule } from '@mend/server-db';
import { JobsModule } from '@mend/server-jobs';
import { MeasuresModule } from '@mend/server-measures';
import { ExercisesModule } from '@mend/server-exercises';
import { IdentityModule, SessionGuard } from '@mend/server-identity';
import { MessagesModule } from '@mend/server-messages';
import { HealthModule, loggingModule } from '@mend/server-platform';
import { ProgressModule } from '@mend/server-progress';
import { RemindersModule } from '@mend/server-reminders';
import { ReportsModule } from '@mend/server-reports';
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
    CouplesModule,
    ProgressModule,
    ExercisesModule,
    AssignmentsModule,
    RemindersModule,
    MessagesModule,
    MeasuresModule,
    ReportsModule,
  ],
  providers: [
    // Every route passes these, in this order: the rate limits (IdentityModule configures
    // them), then the session check; a route opens itself up with @Public().
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useExisting: SessionGuard },
  ],
})
export class AppModule {}
