import { SetMetadata } from '@nestjs/common';

const AUTH_ATTEMPT = Symbol('AUTH_ATTEMPT');

/** Routes that try a credential; they share the stricter per-IP limit. */
export const AuthAttempt = (): MethodDecorator => SetMetadata(AUTH_ATTEMPT, true);

export function isAuthAttempt(handler: object): boolean {
  return Reflect.getMetadata(AUTH_ATTEMPT, handler) === true;
}
