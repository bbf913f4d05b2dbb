/**
 * A reports worker as its own process, for the test that kills it (SIGKILL) mid-build. Reads
 * its settings from the environment and says "worker ready" once it takes jobs.
 */
import 'reflect-metadata';
import { loadConfig } from '@mend/server-config';
import { startReportsApp } from './worker-app';

startReportsApp(loadConfig())
  .then(() => process.stdout.write('worker ready\n'))
  .catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
