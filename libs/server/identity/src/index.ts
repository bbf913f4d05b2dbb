export * from './identity.module';
export * from './auth/tokens';
export * from './auth/auth.service';
