import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@mend/server-config';
import { exitGracefullyOnSignals } from '@mend/server-jobs';
import { WorkerModule } from './worker.module';

/**
 * The BullMQ process: the same modules as the API with the job runner on and no HTTP port.
 * SIGTERM lets active jobs finish before the process exits (with status 0).
 */
async function bootstrap(): Promise<void> {
  loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    bufferLogs: true,
    abortOnError: false,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  await app.init();
  exitGracefullyOnSignals(app, (message) => logger.log(message, 'Shutdown'));
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `mend-worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
