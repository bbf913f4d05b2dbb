import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1');

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL');

/** The development default; a published value, so production refuses it. */
const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-0123456789';

const redisUrl = z.string().regex(/^rediss?:\/\//, 'must be a redis:// connection URL');

/**
 * Every setting the API and the worker read, with its default for local development.
 * `.env.example` lists the same variables; keep the two in step.
 */
export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /**
   * The interface the worker's operator port listens on: loopback unless an operator opens it
   * (e.g. `0.0.0.0` inside a container whose port only the monitoring network reaches).
   */
  WORKER_HEALTH_HOST: z.union([z.ipv4(), z.ipv6(), z.literal('localhost')]).default('127.0.0.1'),
  WEB_ORIGIN: z.url().default('http://localhost:4200'),
  /** The app role: owns no table and cannot bypass row-level security. */
  DATABASE_URL: postgresUrl.default('postgres://mend_app:mend_app@127.0.0.1:5432/mend'),
  /** The schema owner; only migrations and the seed use it. */
  DATABASE_OWNER_URL: postgresUrl.default('postgres://mend_owner:mend_owner@127.0.0.1:5432/mend'),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: redisUrl.default('redis://127.0.0.1:6379'),
  /** Key prefix for every BullMQ queue, so tests and several stacks can share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9:_-]+$/, 'may hold only a-z, 0-9, ":", "_" and "-"')
    .default('mend'),
  /**
   * The worker refuses a Redis that may evict or forget jobs. Only a throwaway test Redis may
   * turn this off.
   */
  REDIS_REQUIRE_DURABLE: booleanFlag.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(20),
  /**
   * Signs access tokens (HS256) and seals TOTP secrets. At least 32 bytes; production must set
   * its own, never one published in this repository (see PUBLISHED_SECRETS).
   */
  AUTH_JWT_SECRET: z
    .string()
    .refine((value) => Buffer.byteLength(value, 'utf8') >= 32, 'must be at least 32 bytes')
    .default(DEVELOPMENT_JWT_SECRET),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
  /** Absolute session lifetime, however active the user is. */
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  /** Sign-in and token refresh attempts per client IP per minute (429 beyond). */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  /** Every other request, per client IP per minute. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Outgoing mail. `npm start` runs maildev on 1025 (its inbox at http://localhost:1080). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// URL')
    .default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Mend <no-reply@mend.test>'),
  HEARTBEAT_EVERY_MS: z.coerce.number().int().min(1000).default(60_000),
  /**
   * HTTP basic auth for the queue dashboard and the metrics on the worker's operator port
   * (platform operators, not clinic users). The dashboard is off unless both are set.
   */
  OPERATOR_USER: z.string().min(1).max(100).optional(),
  OPERATOR_PASSWORD: z.string().min(16, 'must be at least 16 characters').max(200).optional(),
  /**
   * A bearer token that opens `/metrics` only (for a Prometheus scraper), so the scraper need
   * not hold the dashboard's credentials. `/metrics` is off unless this or both of the above
   * are set.
   */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').max(200).optional(),
});

export type AppConfig = z.infer<typeof configSchema>;

/**
 * Secret values that have appeared in this repository (defaults, examples, the compose file's
 * old placeholder). Anyone can read them, so production refuses every one. A test checks that
 * each AUTH_JWT_SECRET value written anywhere in the repository is listed here.
 */
export const PUBLISHED_SECRETS: Partial<Record<keyof AppConfig, readonly string[]>> = {
  AUTH_JWT_SECRET: [DEVELOPMENT_JWT_SECRET, 'replace-me-with-a-long-random-secret-value'],
};
