// Settings shared by `npm start` and `npm test`. Defaults match .env.example; a .env file or
// the environment overrides them.
import { existsSync } from 'node:fs';

export const root = new URL('../../../', import.meta.url).pathname;

export function loadDotEnv() {
  const file = `${root}.env`;
  if (existsSync(file)) process.loadEnvFile(file);
}

// MEND_TEST_DATABASE lets several checkouts on one machine test side by side.
const testDatabase = process.env.MEND_TEST_DATABASE ?? 'mend_test';
// MEND_TEST_DATABASE_PORT points the tests at another PostgreSQL (tools/ci/moved-clock.mjs).
const testPort = process.env.MEND_TEST_DATABASE_PORT ?? '5432';

const defaults = {
  development: {
    DATABASE_URL: 'postgres://mend_app:mend_app@127.0.0.1:5432/mend',
    DATABASE_OWNER_URL: 'postgres://mend_owner:mend_owner@127.0.0.1:5432/mend',
    QUEUE_PREFIX: 'mend',
  },
  test: {
    DATABASE_URL: `postgres://mend_app:mend_app@127.0.0.1:${testPort}/${testDatabase}`,
    DATABASE_OWNER_URL: `postgres://mend_owner:mend_owner@127.0.0.1:${testPort}/${testDatabase}`,
    // A checkout with its own test database also gets its own queues, so two stacks never
    // take each other's jobs.
    QUEUE_PREFIX: testDatabase.replaceAll('_', '-'),
  },
};

/** The environment for a stage, with the stage's defaults under anything already set. */
export function stageEnv(stage) {
  const env = { ...process.env, NODE_ENV: stage };
  for (const [key, value] of Object.entries(defaults[stage])) {
    if (stage === 'test' || !env[key]) env[key] = value;
  }
  env.DATABASE_ADMIN_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';
  env.REDIS_URL ??= 'redis://127.0.0.1:6379';
  return env;
}
