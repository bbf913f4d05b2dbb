import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Reuses a well-formed `X-Request-Id` from a proxy, else makes one; either way it is echoed
 * back so a user's report can be matched to the log lines.
 */
function requestId(request: IncomingMessage, response: ServerResponse): string {
  const incoming = request.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/** Paths pino blanks out: credentials, tokens and anything a partner typed. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.code',
  '*.secret',
  '*.answers',
];

/** Structured JSON logs (pretty in development), a request id on every line of a request. */
export function loggingModule(service: string) {
  return LoggerModule.forRootAsync({
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({
      pinoHttp: {
        name: service,
        level: config.LOG_LEVEL,
        genReqId: requestId,
        customAttributeKeys: { reqId: 'requestId' },
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({
            id: req.id,
            method: req.method,
            url: req.url,
          }),
        },
        ...(config.NODE_ENV === 'development'
          ? { transport: { target: 'pino-pretty', options: { singleLine: true } } }
          : {}),
      },
    }),
  });
}
