import type { TemplateName } from './mail-templates';

/**
 * Raised when a message could not be handed to the SMTP server (or the server cannot be
 * reached). It carries the SMTP facts a caller needs to decide on a retry and deliberately
 * nothing else: no recipient, no server response text and no `cause`, since nodemailer puts the
 * address list into both and queue jobs log their errors.
 */
export class MailSendError extends Error {
  override readonly name = 'MailSendError';

  constructor(
    /** nodemailer's error code, e.g. `ECONNECTION`, `ETIMEDOUT`, `EENVELOPE`, `EAUTH`. */
    readonly code: string,
    /** The SMTP reply code when the server answered, e.g. 450 or 550. */
    readonly responseCode: number | undefined,
    /**
     * True when trying again cannot help: the server refused this message or its recipient for
     * good (5xx), or the recipient address is malformed. Jobs should stop retrying then.
     */
    readonly permanent: boolean,
    /** The template being sent; absent for `verify()`. */
    readonly template?: TemplateName,
  ) {
    super(
      `${template ? `could not send "${template}" mail` : 'mail server check failed'}: ${code}${
        responseCode === undefined ? '' : ` (SMTP ${responseCode})`
      }${permanent ? ', permanent' : ''}`,
    );
  }

  /** Wraps whatever nodemailer threw, keeping only its code and SMTP reply code. */
  static from(error: unknown, template?: TemplateName): MailSendError {
    const details = typeof error === 'object' && error !== null ? error : {};
    const code =
      'code' in details &&
      typeof details.code === 'string' &&
      /^[A-Z0-9_]{1,32}$/.test(details.code)
        ? details.code
        : 'EUNKNOWN';
    const responseCode =
      'responseCode' in details && typeof details.responseCode === 'number'
        ? details.responseCode
        : undefined;
    // Only a 5xx refusal of this message or its recipient is final. Connection, TLS and
    // authentication failures are the server's or our configuration's, and may be fixed while
    // the job waits for its next attempt.
    const permanent =
      (code === 'EENVELOPE' || code === 'EMESSAGE') &&
      responseCode !== undefined &&
      responseCode >= 500 &&
      responseCode < 600;
    return new MailSendError(code, responseCode, permanent, template);
  }
}
