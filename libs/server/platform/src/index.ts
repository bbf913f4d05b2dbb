export * from './logging/logging.module';
export * from './health/health.module';
export * from './heartbeat/heartbeat.module';
export * from './heartbeat/heartbeat.job';
export * from './rest/list-query';
export * from './rest/invalid-request';
export * from './rest/api-list.decorator';
export * from './sql/sql-builder';
