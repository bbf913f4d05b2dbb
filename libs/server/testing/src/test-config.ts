import { randomUUID } from 'node:crypto';
import { loadConfig, type AppConfig } from '@mend/server-config';

/**
 * Configuration for one test file: the test database, and a queue prefix no other test file
 * shares, so suites running in parallel never see each other's jobs.
 */
export function testConfig(overrides: Partial<Record<keyof AppConfig, string>> = {}): AppConfig {
  return loadConfig({
    ...process.env,
    QUEUE_PREFIX: `mend-test-${randomUUID().slice(0, 8)}`,
    HEARTBEAT_EVERY_MS: '1000',
    ...overrides,
  });
}
