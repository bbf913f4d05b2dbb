export * from './logging/logging.module';
export * from './health/health.module';
export * from './heartbeat/heartbeat.module';
export * from './heartbeat/heartbeat.job';
export * from './rest/list-query';
export * from './rest/input-guard';
export * from './rest/api-list.decorator';
export * from './rest/single-line.decorator';
