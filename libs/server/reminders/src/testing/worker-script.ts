/**
 * A reminder worker as its own process, for tests that kill it (SIGKILL) mid-batch. Reads its
 * settings from the environment; REMINDER_LEASE_MS shortens the lease so a test need not wait
 * minutes for the dead worker's deliveries to be handed on.
 */
import 'reflect-metadata';
import { loadConfig } from '@mend/server-config';
import { startTestWorker } from './test-worker';

startTestWorker(loadConfig(), { leaseMs: Number(process.env['REMINDER_LEASE_MS'] ?? 120_000) })
  .then(() => process.stdout.write('worker ready\n'))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
