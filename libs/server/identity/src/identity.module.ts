import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { isAuthAttempt } from './auth/auth-attempt.decorator';
import { SessionGuard } from './auth/session.guard';
import { MfaController } from './mfa/mfa.controller';
import { MfaService } from './mfa/mfa.service';

/**
 * Sign-in, sessions and the guards every route passes: the rate limits first, then the
 * session. Limits count per client IP in this process; several API processes would need a
 * shared (Redis) store.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => [
        { name: 'api', limit: config.API_RATE_LIMIT_PER_MINUTE, ttl: 60_000 },
        {
          // Named "default" so its 429 carries a plain Retry-After header.
          name: 'default',
          limit: config.AUTH_RATE_LIMIT_PER_MINUTE,
          ttl: 60_000,
          skipIf: (context) => !isAuthAttempt(context.getHandler()),
        },
      ],
    }),
  ],
  controllers: [AuthController, MfaController],
  providers: [
    AuthService,
    MfaService,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [AuthService],
})
export class IdentityModule {}
