import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('fills in development defaults', () => {
    const config = loadConfig({});
    expect(config.API_PORT).toBe(3000);
    expect(config.QUEUE_PREFIX).toBe('mend');
    expect(config.REDIS_REQUIRE_DURABLE).toBe(true);
  });

  it('coerces numbers and flags from strings', () => {
    const config = loadConfig({ API_PORT: '3100', REDIS_REQUIRE_DURABLE: 'false' });
    expect(config.API_PORT).toBe(3100);
    expect(config.REDIS_REQUIRE_DURABLE).toBe(false);
  });

  it('names every bad variable in one error', () => {
    let caught: unknown;
    try {
      loadConfig({ API_PORT: 'eighty', DATABASE_URL: 'mysql://x', REDIS_REQUIRE_DURABLE: 'maybe' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('API_PORT');
    expect(message).toContain('DATABASE_URL: must be a postgres:// connection URL');
    expect(message).toContain('REDIS_REQUIRE_DURABLE');
    expect((caught as ConfigError).problems).toHaveLength(3);
  });

  it('takes a Redis Cluster only with a hash-tagged queue prefix', () => {
    const nodes = '127.0.0.1:7100,127.0.0.1:7101';
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: nodes })).toThrow(
      'QUEUE_PREFIX: must start with a {hash tag}',
    );
    const config = loadConfig({ REDIS_CLUSTER_NODES: nodes, QUEUE_PREFIX: '{mend}' });
    expect(config.REDIS_CLUSTER_NODES).toBe(nodes);
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis://x' })).toThrow('REDIS_CLUSTER_NODES');
    expect(() => loadConfig({ QUEUE_PREFIX: 'me{nd}' })).toThrow('QUEUE_PREFIX');
  });

  it('refuses development-only secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'AUTH_JWT_SECRET: must be set in production',
    );
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(40) }).NODE_ENV).toBe(
      'production',
    );
  });
});
