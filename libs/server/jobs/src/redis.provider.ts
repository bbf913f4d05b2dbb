import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { createRedisConnection } from './redis-connection';

export const REDIS = Symbol('REDIS');

export const redisProvider: Provider = {
  provide: REDIS,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => createRedisConnection(config, 'mend'),
};
