import type { Redis } from 'ioredis';

export class RedisNotDurableError extends Error {
  constructor(problems: string[]) {
    super(
      `Redis may lose queued jobs: ${problems.join('; ')}. ` +
        'Run Redis with `maxmemory-policy noeviction` and `appendonly yes` ' +
        '(for example `redis-cli CONFIG SET maxmemory-policy noeviction` and ' +
        '`redis-cli CONFIG SET appendonly yes`), or set REDIS_REQUIRE_DURABLE=false for a ' +
        'throwaway test Redis.',
    );
    this.name = 'RedisNotDurableError';
  }
}

async function configValue(redis: Redis, key: string): Promise<string> {
  const reply = (await redis.config('GET', key)) as string[];
  return reply[1] ?? '';
}

/** Throws unless Redis keeps every key in memory and appends every write to disk. */
export async function assertRedisDurable(redis: Redis): Promise<void> {
  const problems: string[] = [];
  const policy = await configValue(redis, 'maxmemory-policy');
  if (policy !== 'noeviction') problems.push(`maxmemory-policy is "${policy}", not "noeviction"`);
  const appendOnly = await configValue(redis, 'appendonly');
  if (appendOnly !== 'yes') problems.push(`appendonly is "${appendOnly}", not "yes"`);
  if (problems.length > 0) throw new RedisNotDurableError(problems);
}
