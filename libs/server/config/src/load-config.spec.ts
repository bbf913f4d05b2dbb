import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { PUBLISHED_SECRETS } from './config.schema';
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

  it('refuses, in production, a signing secret published in the repository', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      'AUTH_JWT_SECRET: must be set to a secret of your own in production',
    );
    for (const published of PUBLISHED_SECRETS.AUTH_JWT_SECRET ?? []) {
      expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: published })).toThrow(
        ConfigError,
      );
    }
    const own = randomBytes(32).toString('base64');
    expect(loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: own }).AUTH_JWT_SECRET).toBe(own);
  });

  it('refuses a signing secret shorter than 32 bytes', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_JWT_SECRET: 'x'.repeat(31) })).toThrow(
      'AUTH_JWT_SECRET: must be at least 32 bytes',
    );
    // 16 characters of two bytes each are 32 bytes.
    expect(loadConfig({ AUTH_JWT_SECRET: 'é'.repeat(16) }).AUTH_JWT_SECRET).toHaveLength(16);
  });

  it('lists every AUTH_JWT_SECRET value written in the repository as published', () => {
    const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
    // Tracked lines outside TypeScript that give the variable a value: env files, compose,
    // scripts, docs. (The TypeScript default is the one loadConfig({}) answers.)
    const lines = execFileSync(
      'git',
      ['grep', '-h', '-I', '-E', 'AUTH_JWT_SECRET', '--', ':!*.ts', ':!*.tsx'],
      { cwd: root, encoding: 'utf8' },
    ).split('\n');
    const values = lines.flatMap((line) => {
      const composeDefault = /\$\{AUTH_JWT_SECRET:?-([^}]+)\}/.exec(line)?.[1];
      // A value that starts with `$` is read from elsewhere (`${…:?…}` makes the operator set it).
      const assigned = /(?<!\{)AUTH_JWT_SECRET *[:=] *['"]?([^'"\s$][^'"\s]*)/.exec(line)?.[1];
      return [composeDefault ?? assigned ?? []].flat();
    });
    const published = PUBLISHED_SECRETS.AUTH_JWT_SECRET ?? [];
    for (const value of values) expect(published).toContain(value);
    expect(published).toContain(loadConfig({}).AUTH_JWT_SECRET);
  });
});
