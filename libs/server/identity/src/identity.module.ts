import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { isAuthAttempt } from './auth/auth-attempt.decorator';
import { SessionGuard } from './auth/session.guard';
import { ClinicsController } from './clinics/clinics.controller';
import { ClinicsService } from './clinics/clinics.service';
import { MailModule } from '@mend/server-mail';
import { MfaController } from './mfa/mfa.controller';
import { AccountEmailsService } from './tokens/account-emails.service';
import { AccountLinksController } from './tokens/account-links.controller';
import { AccountLinksService } from './tokens/account-links.service';
import { UserTokensService } from './tokens/user-tokens.service';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { MfaService } from './mfa/mfa.service';
import { PasswordResetJobs } from './tokens/password-reset.jobs';
import { AuditService } from '@mend/server-audit';

/**
 * Sign-in, sessions and the guards every route passes: the rate limits first, then the
 * session. Limits count per client IP in this process; several API processes would need a
 * shared (Redis) store.
 */
@Module({
  imports: [
    MailModule,
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
  controllers: [
    AuthController,
    MfaController,
    AccountLinksController,
    ClinicsController,
    UsersController,
  ],
  providers: [
    AuthService,
    MfaService,
    UserTokensService,
    AccountEmailsService,
    AccountLinksService,
    ClinicsService,
    UsersService,
    { provide: APP_GUARD, useClass: ThrottlerGuard },
    { provide: APP_GUARD, useClass: SessionGuard },
  ],
  exports: [AuthService, UserTokensService, AccountEmailsService],
})
export class IdentityModule {}

/**
 * Worker side: the mails that leave the request's path (password resets), sent from queue jobs
 * so that an answer's timing never depends on what they find.
 */
@Module({
  imports: [MailModule],
  providers: [
    AuditService,
    UserTokensService,
    AccountEmailsService,
    AccountLinksService,
    PasswordResetJobs,
  ],
})
export class IdentityJobsModule {}
