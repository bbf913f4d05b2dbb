import { Module } from '@nestjs/common';
import { Mailer } from './mailer.service';

/**
 * Provides `Mailer`. Not global on purpose: the few feature modules that send mail (identity,
 * reminders, reports) import it, which keeps their dependencies visible. Nest builds a module
 * once however often it is imported, so the process still has a single SMTP pool. `Mailer`
 * reads `APP_CONFIG`, which the global ConfigModule provides.
 */
@Module({
  providers: [Mailer],
  exports: [Mailer],
})
export class MailModule {}
