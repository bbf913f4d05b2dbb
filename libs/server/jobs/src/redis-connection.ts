import { Cluster, Redis } from 'ioredis';

/** One Redis server, or a Redis Cluster (REDIS_CLUSTER_NODES); BullMQ takes either. */
export type RedisClient = Redis | Cluster;

export interface RedisSettings {
  REDIS_URL: string;
  REDIS_CLUSTER_NODES?: string | undefined;
}

/**
 * A connection BullMQ can block on. `maxRetriesPerRequest: null` lets workers wait out a Redis
 * restart (or a cluster's failover) and reconnect by themselves instead of crashing. On a
 * cluster, the client learns the other nodes from the ones named and follows slot moves.
 */
export function createRedisConnection(
  settings: RedisSettings,
  connectionName: string,
): RedisClient {
  const retryStrategy = (attempt: number) => Math.min(attempt * 200, 5000);
  if (settings.REDIS_CLUSTER_NODES) {
    const nodes = settings.REDIS_CLUSTER_NODES.split(',').map((node) => {
      const at = node.lastIndexOf(':');
      return { host: node.slice(0, at), port: Number(node.slice(at + 1)) };
    });
    return new Cluster(nodes, {
      enableReadyCheck: true,
      clusterRetryStrategy: retryStrategy,
      redisOptions: { maxRetriesPerRequest: null, connectionName },
    });
  }
  return new Redis(settings.REDIS_URL, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName,
    retryStrategy,
  });
}
