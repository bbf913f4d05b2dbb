export * from './password-hasher';
export * from './password-policy';
