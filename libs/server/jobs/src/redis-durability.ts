import { Cluster, type Redis } from 'ioredis';
import type { RedisClient } from './redis-connection';

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

/**
 * Throws unless Redis keeps every key in memory and appends every write to disk: on a cluster,
 * every primary (each holds some of the keys).
 */
export async function assertRedisDurable(redis: RedisClient): Promise<void> {
  const problems: string[] = [];
  const servers: Redis[] = redis instanceof Cluster ? redis.nodes('master') : [redis];
  for (const server of servers) {
    const where =
      redis instanceof Cluster ? ` on ${server.options.host}:${server.options.port}` : '';
    const policy = await configValue(server, 'maxmemory-policy');
    if (policy !== 'noeviction') {
      problems.push(`maxmemory-policy is "${policy}", not "noeviction"${where}`);
    }
    const appendOnly = await configValue(server, 'appendonly');
    if (appendOnly !== 'yes') problems.push(`appendonly is "${appendOnly}", not "yes"${where}`);
  }
  if (problems.length > 0) throw new RedisNotDurableError(problems);
}
