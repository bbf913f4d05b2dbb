import type { DefaultJobOptions } from 'bullmq';

/**
 * Every queue's job defaults, in one place: retries with exponential backoff (1 s, 2 s, 4 s …),
 * and bounded retention so Redis (which never evicts) does not fill up with finished jobs.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 14 * 24 * 3600, count: 50_000 },
};
