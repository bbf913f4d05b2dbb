export * from './jobs/job-registry';
export * from './health/health';
export * from './identity/roles';
export * from './identity/session-activity';
export * from './clinical/clinical';
export * from './reminders/reminders';
export * from './web/web-links';
export * from './reports/reports';
