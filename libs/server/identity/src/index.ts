export * from './identity.module';
export * from './password/password-hasher';
export * from './password/password-policy';
export * from './auth/tokens';
export * from './auth/auth.service';
