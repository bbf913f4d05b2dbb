import type { INestApplicationContext } from '@nestjs/common';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * On SIGTERM (or Ctrl-C) the worker closes the application: the job runner stops taking jobs
 * and waits for the active ones to finish before queues, Redis, mail and PostgreSQL close
 * (WorkerRunner closes its workers in `beforeApplicationShutdown`, the connections close in
 * `onApplicationShutdown`), then the process exits 0. A second signal while it waits exits at
 * once with 1; a job it cuts off comes back through BullMQ's stalled-job check and the
 * deliveries table, as after SIGKILL.
 *
 * Nest's own `enableShutdownHooks()` re-raises the signal after closing, so a clean stop would
 * end "killed by SIGTERM" (exit status 143), which supervisors report as a failure.
 */
export function exitGracefullyOnSignals(
  app: INestApplicationContext,
  log: (message: string) => void,
): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) {
      log(`${signal} again: exiting without waiting for active jobs`);
      process.exit(1);
    }
    closing = true;
    log(`${signal}: finishing active jobs, then exiting`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
