import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { createTransport, type Transporter } from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { MailSendError } from './mail-send.error';
import {
  renderMail,
  type MailLocale,
  type TemplateData,
  type TemplateName,
} from './mail-templates';

/**
 * One message: a single recipient, a template and the data that template needs. The type is a
 * union over templates, so `data` must match `template`.
 */
export type MailMessage<K extends TemplateName = TemplateName> = {
  [T in K]: { to: string; template: T; locale: MailLocale; data: TemplateData[T] };
}[K];

export interface SentMail {
  messageId: string;
}

/**
 * Defaults that suit queue jobs: fail within seconds rather than nodemailer's minutes, so a
 * dead server costs a retry, not a stuck worker slot. Query parameters in SMTP_URL
 * (`?maxConnections=10&socketTimeout=60000`, `tls.*`) override them.
 */
const POOL_DEFAULTS = {
  maxConnections: 5,
  maxMessages: 100,
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
};

/** A bare address, one recipient: no display name, no lists, no header tricks. */
const SINGLE_ADDRESS = /^[^\s@,;:<>()[\]"\\]+@[^\s@,;:<>()[\]"\\]+\.[^\s@,;:<>()[\]"\\]+$/;

export function smtpPoolOptions(smtpUrl: string): SMTPPool.Options {
  return { ...POOL_DEFAULTS, ...parseConnectionUrl(smtpUrl), pool: true };
}

/**
 * Sends Mend's templated mail over a pooled SMTP transport. Errors propagate as MailSendError:
 * callers are queue jobs, which retry.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;
  private readonly from: string;
  private closed = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // nodemailer connects lazily, on the first message or verify().
    this.transport = createTransport(smtpPoolOptions(config.SMTP_URL));
    this.from = config.MAIL_FROM;
  }

  async send<K extends TemplateName>(message: MailMessage<K>): Promise<SentMail> {
    const { template, locale, data, to } = message;
    if (!SINGLE_ADDRESS.test(to)) {
      throw new MailSendError('EINVALIDRECIPIENT', undefined, true, template);
    }
    // A closed pool silently drops new messages and never settles their promise; during
    // shutdown a job must fail (and be retried elsewhere) instead of hanging.
    if (this.closed) throw new MailSendError('ECLOSED', undefined, false, template);
    // Rendering errors (an unknown time zone, a non-http link) are bugs in the caller and are
    // thrown as they are, not as MailSendError.
    const rendered = renderMail<K>(template, data, locale);
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        // RFC 3834: tells auto-responders (out-of-office replies) not to answer.
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
      return { messageId: info.messageId };
    } catch (error) {
      throw MailSendError.from(error, template);
    }
  }

  /** For health checks: connects and, if configured, authenticates; throws MailSendError. */
  async verify(): Promise<void> {
    if (this.closed) throw new MailSendError('ECLOSED', undefined, false);
    try {
      await this.transport.verify();
    } catch (error) {
      throw MailSendError.from(error);
    }
  }

  /** Idle connections close now; one that is mid-message closes when its message is done. */
  onApplicationShutdown(): void {
    this.closed = true;
    this.transport.close();
  }
}
