import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  applicationName: string;
}

/**
 * The single description of how Mend talks to PostgreSQL. `synchronize` stays off: the schema
 * changes only through reviewed migrations.
 */
export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    uuidExtension: 'pgcrypto',
    // gen_random_uuid() is built into PostgreSQL 13+. Without this, TypeORM issues
    // `CREATE EXTENSION` checks on every connect, which a Citus coordinator (and a role without
    // CREATE) refuses.
    installExtensions: false,
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: { max: settings.poolSize ?? 10, application_name: settings.applicationName },
  };
}
