import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import type { Clinic, User } from '@mend/server-db';
import { Mailer, type MailLocale } from '@mend/server-mail';
import type { IssuedToken } from './user-tokens.service';

/**
 * The emails that carry one-time links. They are sent after the database work commits; a
 * failed send is reported to the caller (who can resend) rather than undoing the account.
 */
@Injectable()
export class AccountEmailsService {
  private readonly logger = new Logger(AccountEmailsService.name);

  constructor(
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendInvitation(
    user: User,
    clinic: Clinic,
    inviterName: string,
    issued: IssuedToken,
  ): Promise<boolean> {
    return this.trySend(() =>
      this.mailer.send({
        to: user.email,
        template: 'invitation',
        locale: mailLocale(user.locale),
        data: {
          clinicName: clinic.name,
          inviterName,
          role: user.role,
          acceptUrl: this.link('accept-invitation', issued.token),
          expiresAt: issued.expiresAt,
          timeZone: user.timeZone,
        },
      }),
    );
  }

  async sendPasswordReset(user: User, issued: IssuedToken): Promise<boolean> {
    return this.trySend(() =>
      this.mailer.send({
        to: user.email,
        template: 'password_reset',
        locale: mailLocale(user.locale),
        data: {
          resetUrl: this.link('reset-password', issued.token),
          expiresAt: issued.expiresAt,
          timeZone: user.timeZone,
        },
      }),
    );
  }

  /** The signup's link: proves the first admin reads the address the clinic was made with. */
  async sendEmailVerification(user: User, clinic: Clinic, issued: IssuedToken): Promise<boolean> {
    return this.trySend(() =>
      this.mailer.send({
        to: user.email,
        template: 'email_verification',
        locale: mailLocale(user.locale),
        data: {
          clinicName: clinic.name,
          verifyUrl: this.link('verify-email', issued.token),
          expiresAt: issued.expiresAt,
          timeZone: user.timeZone,
        },
      }),
    );
  }

  /** The web app's page for the link (hash routing, so any static host serves it). */
  private link(page: string, token: string): string {
    return `${this.config.WEB_ORIGIN}/#/${page}?token=${encodeURIComponent(token)}`;
  }

  private async trySend(send: () => Promise<unknown>): Promise<boolean> {
    try {
      await send();
      return true;
    } catch (error) {
      this.logger.warn(`account email not sent: ${(error as Error).name}`);
      return false;
    }
  }
}

function mailLocale(locale: string): MailLocale {
  return locale === 'es' ? 'es' : 'en';
}
