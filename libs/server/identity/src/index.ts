export * from './identity.module';
export { SessionGuard } from './auth/session.guard';
export * from './auth/tokens';
export * from './auth/auth.service';
export * from './tokens/user-tokens.service';
export * from './tokens/account-emails.service';
