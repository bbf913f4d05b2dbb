export * from './test-config';
export * from './wait-for';
export * from './scratch-redis';
export * from './factories';
export * from './mail-sink';
export * from './reminder-factories';
