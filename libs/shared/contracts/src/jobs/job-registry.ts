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
} as const satisfies Record<string, JobDefinition>;

export type JobName = keyof typeof JOBS;

/** Payload of every job, by name. Clinic-scoped payloads must include `clinicId`. */
export interface JobPayloads {
  'system.heartbeat': { scheduledBy: string };
  'occurrences.sweep': { scheduledBy: string };
  'occurrences.close-overdue': { clinicId: string };
  'occurrences.plan-sweep': { scheduledBy: string };
  'occurrences.plan-ahead': { clinicId: string };
}

export type JobPayload<N extends JobName> = JobPayloads[N];

export const JOB_NAMES = Object.keys(JOBS) as JobName[];

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}
