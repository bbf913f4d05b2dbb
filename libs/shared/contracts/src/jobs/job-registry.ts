/**
 * The one registry of queues, jobs and their payloads. The API enqueues and the worker handles
 * only what is listed here; the worker refuses to start if a listed job has no handler or two.
 */
export const QUEUE_NAMES = ['system', 'reminders', 'reports'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/**
 * `platform` jobs concern the whole service (no tenant). `clinic` jobs carry a `clinicId` and run
 * inside that clinic's tenant context, so row-level security applies to the worker as well.
 */
export type JobScope = 'platform' | 'clinic';

export interface JobDefinition {
  readonly queue: QueueName;
  readonly scope: JobScope;
}

export const JOBS = {
  'system.heartbeat': { queue: 'system', scope: 'platform' },
  /** Finds clinics with occurrences past their grace period and fans out one job per clinic. */
  'occurrences.sweep': { queue: 'system', scope: 'platform' },
  /** Closes a clinic's overdue occurrences and re-evaluates its couples' alerts. */
  'occurrences.close-overdue': { queue: 'system', scope: 'clinic' },
  /** Finds clinics whose assignments' occurrences run out soon and fans out one job each. */
  'occurrences.plan-sweep': { queue: 'system', scope: 'platform' },
  /** Extends a clinic's active assignments' occurrences to the rolling window. */
  'occurrences.plan-ahead': { queue: 'system', scope: 'clinic' },
  /**
   * Every minute: fans out a plan job to each clinic with reminders to plan, and enqueues a send
   * job for every delivery whose time has come (or whose sender died mid-send).
   */
  'reminders.tick': { queue: 'reminders', scope: 'platform' },
  /** Turns a clinic's open occurrences, missed-streak alerts and digests into deliveries. */
  'reminders.plan': { queue: 'reminders', scope: 'clinic' },
  /**
   * Claims a batch of one clinic's deliveries in PostgreSQL, then sends each (in-app, and email
   * when wanted); one delivery's failure is retried on its own.
   */
  'reminders.send': { queue: 'reminders', scope: 'clinic' },
  /**
   * A password reset asked for by email address: finds the accounts it signs in to and fans out
   * one mail job each. The API answers before any of this, the same for every address.
   */
  'accounts.password-reset': { queue: 'system', scope: 'platform' },
  /** Issues one account's reset link and mails it, once per request (PostgreSQL decides). */
  'accounts.password-reset-mail': { queue: 'system', scope: 'clinic' },
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;

/** Payload of every job, by name. Clinic-scoped payloads must include `clinicId`. */
export interface JobPayloads {
  'system.heartbeat': { scheduledBy: string };
  'occurrences.sweep': { scheduledBy: string };
  'occurrences.close-overdue': { clinicId: string };
  'occurrences.plan-sweep': { scheduledBy: string };
  'occurrences.plan-ahead': { clinicId: string };
  'reminders.tick': { scheduledBy: string };
  /** `at`: the planner's clock (ISO 8601), fixed by the tick that fanned it out. */
  'reminders.plan': { clinicId: string; at: string };
  /** `deliveryIds`: deliveries of that clinic, due by the time the job runs (at most ~100). */
  'reminders.send': { clinicId: string; deliveryIds: string[] };
  /** `requestId`: one per request to the API, so a retried job sends nothing twice. */
  'accounts.password-reset': { email: string; requestId: string };
  'accounts.password-reset-mail': { clinicId: string; userId: string; requestId: string };
}

export type JobPayload<N extends JobName> = JobPayloads[N];

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}
