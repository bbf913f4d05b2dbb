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
 * union over templates, so `data` must match `template`. `messageId` (from `messageIdFor`) is
 * for callers that may send the same message again: a copy with the same Message-ID is one
 * that mail stores and clients can recognise and drop. Without it every send gets a new one.
 */
export type MailMessage<K extends TemplateName = TemplateName> = {
  [T in K]: {
    to: string;
    template: T;
    locale: MailLocale;
    data: TemplateData[T];
    messageId?: string;
  };
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

/** RFC 5322's msg-id in the dot-atom form: `<left@right>`, nothing that could end a header. */
const MESSAGE_ID = /^<[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+>$/;
const MESSAGE_ID_LEFT = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;

/** The domain of MAIL_FROM's address (`Mend <no-reply@mend.test>` → `mend.test`). */
function senderDomain(mailFrom: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1];
  return domain ?? 'mend.invalid';
}

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
  private readonly messageIdDomain: string;
  private closed = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // nodemailer connects lazily, on the first message or verify().
    this.transport = createTransport(smtpPoolOptions(config.SMTP_URL));
    this.from = config.MAIL_FROM;
    this.messageIdDomain = senderDomain(config.MAIL_FROM);
  }

  /**
   * A stable Message-ID for a message identified by `key` (a delivery id, say), on the sender's
   * own domain, so every send of that message carries the same one.
   */
  messageIdFor(key: string): string {
    if (!MESSAGE_ID_LEFT.test(key)) throw new Error(`not usable in a Message-ID: "${key}"`);
    return `<${key}@${this.messageIdDomain}>`;
  }

  async send<K extends TemplateName>(message: MailMessage<K>): Promise<SentMail> {
    const { template, locale, data, to, messageId } = message;
    if (!SINGLE_ADDRESS.test(to)) {
      throw new MailSendError('EINVALIDRECIPIENT', undefined, true, template);
    }
    // Like a rendering error, a malformed Message-ID is a bug in the caller.
    if (messageId !== undefined && !MESSAGE_ID.test(messageId)) {
      throw new Error(`not a Message-ID: "${messageId}"`);
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
        ...(messageId === undefined ? {} : { messageId }),
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
