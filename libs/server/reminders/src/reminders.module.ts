import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { MailModule } from '@mend/server-mail';
import { DeliverySender } from './delivery-sender.service';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OperatorServer } from './operator-server.service';
import { PreferencesController } from './preferences.controller';
import { PreferencesService } from './preferences.service';
import { ReminderDispatcher } from './reminder-dispatcher.service';
import { ReminderJobs } from './reminder.jobs';
import { ReminderMetrics } from './reminder-metrics';
import { ReminderPlanner } from './reminder-planner.service';
import {
  DEFAULT_REMINDERS_OPTIONS,
  REMINDERS_OPTIONS,
  type RemindersOptions,
} from './reminders.options';

function optionsProvider(options: Partial<RemindersOptions>): Provider {
  return { provide: REMINDERS_OPTIONS, useValue: { ...DEFAULT_REMINDERS_OPTIONS, ...options } };
}

/** API side: the signed-in user's notifications and reminder preferences. */
@Module({
  controllers: [NotificationsController, PreferencesController],
  providers: [NotificationsService, PreferencesService],
})
export class RemindersModule {}

/**
 * Worker side: the minute tick, planning, sending, and the operator port (metrics and the
 * queue dashboard). `forWorker(options)` lets tests stop the scheduler and drive the clock.
 */
@Module({})
export class ReminderJobsModule {
  static forWorker(options: Partial<RemindersOptions> = {}): DynamicModule {
    return {
      module: ReminderJobsModule,
      imports: [MailModule],
      providers: [
        optionsProvider(options),
        { provide: ReminderMetrics, useValue: new ReminderMetrics() },
        ReminderPlanner,
        ReminderDispatcher,
        DeliverySender,
        ReminderJobs,
        OperatorServer,
      ],
      exports: [
        ReminderPlanner,
        ReminderDispatcher,
        DeliverySender,
        ReminderMetrics,
        OperatorServer,
      ],
    };
  }
}
