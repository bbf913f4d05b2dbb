import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@mend/server-config';
import { InputValidationPipe, jsonBodyParser, securityHeaders } from '@mend/server-platform';

export const API_PREFIX = 'api';

/**
 * Everything about the HTTP surface that tests must see exactly as production does: prefix,
 * CORS, OpenAPI. main.ts and the integration tests both call it.
 */
export function configureApp(app: INestApplication, config: AppConfig): void {
  app.setGlobalPrefix(API_PREFIX);
  if (config.TRUST_PROXY) {
    // Only these proxies' X-Forwarded-For is believed; anyone else's is ignored.
    const hops = /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : null;
    (app as NestExpressApplication).set('trust proxy', hops ?? config.TRUST_PROXY);
  }
  app.use(securityHeaders(`/${API_PREFIX}/docs`));
  // Before Nest registers its own JSON parser, which then sees this one and stands aside.
  app.use(...jsonBodyParser());
  app.useGlobalPipes(new InputValidationPipe());
  app.enableCors({
    origin: config.WEB_ORIGIN,
    credentials: false,
    exposedHeaders: ['Content-Range', 'X-Request-Id', 'Retry-After'],
  });
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Mend API')
      .setDescription('Trust-repair work between couples-therapy sessions.')
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
}
