export * from './reports.module';
export * from './reports.options';
export * from './reports.dto';
export * from './clinic-dashboard.dto';
