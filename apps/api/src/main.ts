import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { loadConfig } from '@mend/server-config';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  configureApp(app, config);
  await app.listen(config.API_PORT);
  app.get(Logger).log(`Mend API listening on http://localhost:${config.API_PORT}/api`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    `mend-api failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
