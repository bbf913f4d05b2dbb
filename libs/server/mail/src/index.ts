export * from './mail-templates';
export * from './mail-send.error';
export * from './mailer.service';
export * from './mail.module';
