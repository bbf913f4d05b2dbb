export * from './test-config';
export * from './wait-for';
export * from './scratch-redis';
export * from './factories';
export * from './mail-sink';
export * from './couples-factories';
export * from './assignment-factories';
export * from './reminder-factories';
