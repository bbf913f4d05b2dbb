// Tests run against the test database and a queue prefix of their own, whatever the shell says.
process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'silent';
// MEND_TEST_DATABASE lets several checkouts on one machine test side by side.
const database = process.env.MEND_TEST_DATABASE ?? 'mend_test';
const port = process.env.MEND_TEST_DATABASE_PORT ?? '5432';
process.env.DATABASE_URL = `postgres://mend_app:mend_app@127.0.0.1:${port}/${database}`;
process.env.DATABASE_OWNER_URL = `postgres://mend_owner:mend_owner@127.0.0.1:${port}/${database}`;
process.env.REDIS_URL ??= 'redis://127.0.0.1:6379';
