import { Redis } from 'ioredis';

/**
 * A connection BullMQ can block on. `maxRetriesPerRequest: null` lets workers wait out a Redis
 * restart and reconnect by themselves instead of crashing.
 */
export function createRedisConnection(url: string, connectionName: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  });
}
