export * from './reports.module';
export * from './reports.options';
export * from './reports.dto';
