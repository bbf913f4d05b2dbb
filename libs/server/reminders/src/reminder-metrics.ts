import { Counter, Histogram, Registry } from 'prom-client';

/**
 * The reminder figures this process produces. Queue depth and delivery counts are read at
 * scrape time (see OperatorServer); these are the ones only a sender can observe.
 */
export class ReminderMetrics {
  readonly registry = new Registry();

  readonly sent = new Counter({
    name: 'mend_reminder_deliveries_sent_total',
    help: 'Deliveries sent, by kind and channel.',
    labelNames: ['kind', 'channel'] as const,
    registers: [this.registry],
  });

  readonly failed = new Counter({
    name: 'mend_reminder_delivery_failures_total',
    help: 'Failed delivery attempts, by kind and whether the delivery gave up for good.',
    labelNames: ['kind', 'final'] as const,
    registers: [this.registry],
  });

  readonly skipped = new Counter({
    name: 'mend_reminder_deliveries_skipped_total',
    help: 'Deliveries that no longer applied when their time came, by reason.',
    labelNames: ['kind', 'reason'] as const,
    registers: [this.registry],
  });

  readonly lag = new Histogram({
    name: 'mend_reminder_delivery_lag_seconds',
    help: 'From the instant a delivery was due to the instant it was recorded as sent.',
    labelNames: ['kind'] as const,
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300, 900],
    registers: [this.registry],
  });
}
