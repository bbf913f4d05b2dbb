export * from './messages.module';
export * from './message.dto';
export { DEFAULT_MESSAGES_NOTICE } from './default-notice';
export { SEND_LIMIT } from './messages.service';
