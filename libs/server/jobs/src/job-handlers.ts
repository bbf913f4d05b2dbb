import { JOB_NAMES, isJobName, type JobName } from '@mend/shared-contracts';

/** A handler found on a provider: where it lives (for messages) and what it runs. */
export interface FoundHandler {
  jobName: string;
  owner: string;
  run: (payload: unknown, context: JobRunContext) => Promise<void>;
}

export interface JobRunContext {
  jobId: string;
  attempt: number;
}

export class JobHandlerError extends Error {
  constructor(problems: string[]) {
    super(`The worker cannot start:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'JobHandlerError';
  }
}

/**
 * Pairs each registered job with its one handler. Throws, naming every problem at once, when a
 * job has no handler, has two, or a handler claims a job the registry does not list.
 */
export function matchHandlers(
  found: FoundHandler[],
  registered: readonly JobName[] = JOB_NAMES,
): Map<JobName, FoundHandler> {
  const problems: string[] = [];
  const byName = new Map<JobName, FoundHandler>();
  for (const handler of found) {
    const { jobName } = handler;
    if (!isJobName(jobName) || !registered.includes(jobName)) {
      problems.push(`${handler.owner} handles "${jobName}", which is not a registered job`);
      continue;
    }
    const existing = byName.get(jobName);
    if (existing) {
      problems.push(`job "${jobName}" has two handlers: ${existing.owner} and ${handler.owner}`);
      continue;
    }
    byName.set(jobName, handler);
  }
  for (const name of registered) {
    if (!byName.has(name)) problems.push(`job "${name}" has no handler`);
  }
  if (problems.length > 0) throw new JobHandlerError(problems);
  return byName;
}
