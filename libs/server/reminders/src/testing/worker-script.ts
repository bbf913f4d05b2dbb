/**
 * A reminder worker as its own process, for tests that stop it (SIGTERM) or kill it (SIGKILL)
 * mid-batch. Reads its settings from the environment; REMINDER_LEASE_MS shortens the lease so
 * a test need not wait minutes for a dead worker's deliveries to be handed on. Shuts down as
 * apps/worker does.
 */
import 'reflect-metadata';
import { loadConfig } from '@mend/server-config';
import { exitGracefullyOnSignals } from '@mend/server-jobs';
import { startTestWorker } from './test-worker';

startTestWorker(loadConfig(), { leaseMs: Number(process.env['REMINDER_LEASE_MS'] ?? 120_000) })
  .then((app) => {
    exitGracefullyOnSignals(app, (message) => process.stdout.write(`${message}\n`));
    process.stdout.write('worker ready\n');
  })
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
