import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { localizedTitleSql, type NotificationDetail } from '@mend/server-db';
import { DEFAULT_JOB_OPTIONS, type JobRunContext } from '@mend/server-jobs';
import { MailSendError, Mailer, type MailLocale, type MailMessage } from '@mend/server-mail';
import { TenantDb } from '@mend/server-tenancy';
import {
  WEB_PATHS,
  webPath,
  webUrl,
  type DeliveryKind,
  type JobPayload,
} from '@mend/shared-contracts';
import type { CompletionMode } from '@mend/shared-exercises';
import { ReminderMetrics } from './reminder-metrics';
import { expectsAnswerFrom } from './reminder-rules';
import { REMINDERS_OPTIONS, type RemindersOptions } from './reminders.options';

export type SendOutcome = 'sent' | 'skipped' | 'not_claimed';

interface ClaimedDelivery {
  id: string;
  kind: DeliveryKind;
  recipient_user_id: string;
  subject_key: string;
  occurrence_id: string | null;
  alert_id: string | null;
  due_at: Date;
  attempts: number;
}

interface Recipient {
  email: string;
  locale: string;
  time_zone: string;
  display_name: string;
  email_reminders: boolean;
  status: string;
}

/** What a claimed delivery turned into: a message (or not), an in-app notification, or a skip. */
type Composed =
  | { skip: string }
  | {
      mail: MailMessage | null;
      notification: {
        occurrenceId: string | null;
        coupleId: string | null;
        alertId: string | null;
        detail: NotificationDetail;
      };
    };

const MAX_ATTEMPTS = DEFAULT_JOB_OPTIONS.attempts ?? 1;
// Claims count attempts, whichever job made them, so a retry chain and a re-found job share one budget.

function backoffMs(attempt: number): number {
  const backoff = DEFAULT_JOB_OPTIONS.backoff;
  const delay = typeof backoff === 'object' ? (backoff.delay ?? 1000) : (backoff ?? 1000);
  return delay * 2 ** Math.max(0, attempt - 1);
}

function mailLocale(locale: string): MailLocale {
  return locale === 'es' ? 'es' : 'en';
}

/**
 * Sends one delivery with an exactly-once effect decided in PostgreSQL:
 * 1. claim: `planned` → `sending` with a lease, in one UPDATE, so of two jobs for the same
 *    delivery (a duplicate, a retry racing a re-find) only one proceeds; a delivery already
 *    sent, skipped or failed is left alone;
 * 2. check it still applies and compose it, in the same transaction (under the clinic's
 *    row-level security);
 * 3. send the email, outside any transaction;
 * 4. record: the in-app notification and `sent`, in one transaction.
 * A failure puts the delivery back to `planned` (not before its backoff) and throws so BullMQ
 * retries; the last attempt, or a permanent SMTP refusal, marks it `failed` for operators. A
 * sender killed between 1 and 4 leaves `sending`; when its lease runs out the tick hands the
 * delivery to a new job. Only a kill between the SMTP server's acceptance and step 4 can repeat
 * an email; nothing is ever recorded as sent without having been sent.
 */
@Injectable()
export class DeliverySender {
  private readonly logger = new Logger(DeliverySender.name);

  constructor(
    private readonly db: TenantDb,
    private readonly mailer: Mailer,
    private readonly metrics: ReminderMetrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REMINDERS_OPTIONS) private readonly options: RemindersOptions,
  ) {}

  async send(
    payload: JobPayload<'reminders.send'>,
    context: Pick<JobRunContext, 'attempt'>,
  ): Promise<SendOutcome> {
    const { clinicId, deliveryId } = payload;
    const claimed = await this.db.run({ clinicId }, async (manager) => {
      const [delivery] = await this.claim(manager, clinicId, deliveryId);
      if (!delivery) return null;
      const composed = await this.compose(manager, clinicId, delivery);
      if ('skip' in composed || !composed.mail) {
        // Nothing leaves the database on this path: if PostgreSQL lost this commit in a crash,
        // the claim, the notification and `sent` would be lost together and simply redone, so
        // it need not wait for the WAL flush (the commit that dominates a send's cost).
        await manager.query(`SET LOCAL synchronous_commit = off`);
      }
      if ('skip' in composed) {
        await manager.query(
          `UPDATE deliveries SET status = 'skipped', lease_until = NULL, last_error = $3
            WHERE clinic_id = $1 AND id = $2`,
          [clinicId, deliveryId, composed.skip],
        );
        this.metrics.skipped.inc({ kind: delivery.kind, reason: composed.skip });
        return { delivery, composed, done: true };
      }
      // In-app only: nothing leaves the database, so it is claimed and recorded at once.
      if (!composed.mail) {
        await this.record(manager, clinicId, delivery, composed.notification, false);
        return { delivery, composed, done: true };
      }
      return { delivery, composed, done: false };
    });
    if (!claimed) return 'not_claimed';
    const { delivery, composed } = claimed;
    if ('skip' in composed) return 'skipped';
    if (claimed.done) {
      this.observeSent(delivery, false);
      return 'sent';
    }
    try {
      if (composed.mail) await this.mailer.send(composed.mail);
    } catch (error) {
      await this.fail(clinicId, delivery, error, Math.max(delivery.attempts, context.attempt));
    }
    await this.db.run({ clinicId }, (manager) =>
      this.record(manager, clinicId, delivery, composed.notification, true),
    );
    this.observeSent(delivery, true);
    return 'sent';
  }

  private claim(
    manager: EntityManager,
    clinicId: string,
    deliveryId: string,
  ): Promise<ClaimedDelivery[]> {
    return manager
      .query<[ClaimedDelivery[], number]>(
        `UPDATE deliveries
            SET status = 'sending', attempts = attempts + 1,
                lease_until = clock_timestamp() + make_interval(secs => $3)
          WHERE clinic_id = $1 AND id = $2
            AND (status = 'planned' OR (status = 'sending' AND lease_until < clock_timestamp()))
          RETURNING id, kind, recipient_user_id, subject_key, occurrence_id, alert_id, due_at,
                    attempts`,
        [clinicId, deliveryId, this.options.leaseMs / 1000],
      )
      .then(([rows]) => rows);
  }

  private async record(
    manager: EntityManager,
    clinicId: string,
    delivery: ClaimedDelivery,
    notification: Exclude<Composed, { skip: string }>['notification'],
    emailed: boolean,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO notifications (clinic_id, user_id, kind, delivery_id, occurrence_id, couple_id,
                                  alert_id, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ON CONSTRAINT uq_notifications_delivery DO NOTHING`,
      [
        clinicId,
        delivery.recipient_user_id,
        delivery.kind,
        delivery.id,
        notification.occurrenceId,
        notification.coupleId,
        notification.alertId,
        notification.detail,
      ],
    );
    await manager.query(
      `UPDATE deliveries
          SET status = 'sent', sent_at = clock_timestamp(), lease_until = NULL, last_error = NULL,
              email_sent_at = CASE WHEN $3 THEN clock_timestamp() END
        WHERE clinic_id = $1 AND id = $2`,
      [clinicId, delivery.id, emailed],
    );
  }

  /** Puts the delivery back for a retry (or gives up), then throws for BullMQ. */
  private async fail(
    clinicId: string,
    delivery: ClaimedDelivery,
    error: unknown,
    attempt: number,
  ): Promise<never> {
    const permanent = error instanceof MailSendError && error.permanent;
    const final = permanent || attempt >= MAX_ATTEMPTS;
    const code =
      error instanceof MailSendError
        ? `${error.code}${error.responseCode ? ` ${error.responseCode}` : ''}`
        : error instanceof Error
          ? error.name
          : 'unknown';
    await this.db.run({ clinicId }, (manager) =>
      manager.query(
        `UPDATE deliveries
            SET status = $3::delivery_status, last_error = $4,
                lease_until = CASE WHEN $3::text = 'planned'
                  THEN clock_timestamp() + make_interval(secs => $5) END
          WHERE clinic_id = $1 AND id = $2 AND status = 'sending'`,
        [clinicId, delivery.id, final ? 'failed' : 'planned', code, backoffMs(attempt) / 1000],
      ),
    );
    this.metrics.failed.inc({ kind: delivery.kind, final: String(final) });
    this.logger.warn(
      { deliveryId: delivery.id, kind: delivery.kind, attempt, final, err: code },
      'delivery failed',
    );
    const message = `delivery ${delivery.id} failed: ${code}`;
    throw permanent ? new UnrecoverableError(message) : new Error(message);
  }

  private observeSent(delivery: ClaimedDelivery, emailed: boolean): void {
    this.metrics.sent.inc({ kind: delivery.kind, channel: 'in_app' });
    if (emailed) this.metrics.sent.inc({ kind: delivery.kind, channel: 'email' });
    this.metrics.lag.observe(
      { kind: delivery.kind },
      Math.max(0, (Date.now() - new Date(delivery.due_at).getTime()) / 1000),
    );
  }

  private async compose(
    manager: EntityManager,
    clinicId: string,
    delivery: ClaimedDelivery,
  ): Promise<Composed> {
    const [recipient] = await manager.query<Recipient[]>(
      `SELECT email, locale, time_zone, display_name, email_reminders, status FROM users
        WHERE clinic_id = $1 AND id = $2`,
      [clinicId, delivery.recipient_user_id],
    );
    if (!recipient || recipient.status !== 'active') return { skip: 'recipient_inactive' };
    switch (delivery.kind) {
      case 'due_soon':
      case 'overdue':
        return this.composeNudge(manager, clinicId, delivery, recipient);
      case 'digest':
        return this.composeDigest(manager, clinicId, delivery, recipient);
      case 'escalation':
        return this.composeEscalation(manager, clinicId, delivery, recipient);
    }
  }

  private async composeNudge(
    manager: EntityManager,
    clinicId: string,
    delivery: ClaimedDelivery,
    recipient: Recipient,
  ): Promise<Composed> {
    const [row] = await manager.query<
      Array<{
        id: string;
        due_at: Date;
        couple_id: string;
        occurrence_status: string;
        couple_status: string;
        safety_paused: boolean;
        assignment_status: string;
        completion_mode: CompletionMode;
        assignee_user_id: string | null;
        title: string;
        is_partner: boolean;
        submitted_by_anyone: boolean;
        answered_self: boolean;
      }>
    >(
      `SELECT o.id, o.due_at, o.couple_id, o.status AS occurrence_status,
              c.status AS couple_status, c.safety_paused_at IS NOT NULL AS safety_paused,
              a.status AS assignment_status, a.completion_mode, a.assignee_user_id,
              ${localizedTitleSql('ev', '$4')} AS title,
              EXISTS (SELECT 1 FROM couple_partners cp
                       WHERE cp.clinic_id = $1 AND cp.couple_id = o.couple_id
                         AND cp.user_id = $3) AS is_partner,
              EXISTS (SELECT 1 FROM responses r
                       WHERE r.clinic_id = $1 AND r.occurrence_id = o.id
                         AND r.status = 'submitted') AS submitted_by_anyone,
              EXISTS (SELECT 1 FROM responses r
                       WHERE r.clinic_id = $1 AND r.occurrence_id = o.id AND r.author_user_id = $3
                         AND r.status IN ('submitted', 'awaiting_confirmation')) AS answered_self
         FROM occurrences o
         JOIN couples c ON c.clinic_id = o.clinic_id AND c.id = o.couple_id
         JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
         JOIN exercise_versions ev ON ev.clinic_id = a.clinic_id AND ev.id = a.exercise_version_id
        WHERE o.clinic_id = $1 AND o.id = $2`,
      // The exercise's title in the language the mail is written in.
      [clinicId, delivery.occurrence_id, delivery.recipient_user_id, mailLocale(recipient.locale)],
    );
    if (!row) return { skip: 'occurrence_gone' };
    if (row.occurrence_status !== 'open') return { skip: 'occurrence_closed' };
    if (row.couple_status !== 'active') return { skip: 'couple_not_active' };
    if (row.assignment_status !== 'active') return { skip: 'assignment_not_active' };
    if (row.completion_mode === 'joint' && row.safety_paused) return { skip: 'safety_pause' };
    if (
      !row.is_partner ||
      !expectsAnswerFrom(row.completion_mode, row.assignee_user_id, delivery.recipient_user_id)
    ) {
      return { skip: 'not_expected' };
    }
    const answered =
      row.answered_self || (row.completion_mode === 'joint' && row.submitted_by_anyone);
    if (answered) return { skip: 'answered' };
    const template = delivery.kind === 'due_soon' ? 'reminder_due_soon' : 'reminder_overdue';
    const dueAt = new Date(row.due_at);
    return {
      mail: recipient.email_reminders
        ? {
            to: recipient.email,
            template,
            locale: mailLocale(recipient.locale),
            data: {
              exerciseTitle: row.title,
              dueAt,
              timeZone: recipient.time_zone,
              exerciseUrl: webUrl(this.config.WEB_ORIGIN, webPath.exercise(row.id)),
              preferencesUrl: webUrl(this.config.WEB_ORIGIN, WEB_PATHS.preferences),
            },
          }
        : null,
      notification: {
        occurrenceId: row.id,
        coupleId: row.couple_id,
        alertId: null,
        detail: { dueAt: dueAt.toISOString() },
      },
    };
  }

  private async composeDigest(
    manager: EntityManager,
    clinicId: string,
    delivery: ClaimedDelivery,
    recipient: Recipient,
  ): Promise<Composed> {
    const [previous] = await manager.query<Array<{ sent_at: Date }>>(
      `SELECT max(sent_at) AS sent_at FROM deliveries
        WHERE clinic_id = $1 AND recipient_user_id = $2 AND kind = 'digest' AND sent_at IS NOT NULL`,
      [clinicId, delivery.recipient_user_id],
    );
    const since =
      previous?.sent_at ?? new Date(new Date(delivery.due_at).getTime() - 24 * 3600_000);
    const couples = await manager.query<
      Array<{ label: string; new_responses: number; open_alerts: number }>
    >(
      `SELECT c.label,
              (SELECT count(*)::int FROM responses r
                WHERE r.clinic_id = $1 AND r.couple_id = c.id AND r.status = 'submitted'
                  AND r.submitted_at > $3) AS new_responses,
              (SELECT count(*)::int FROM alerts a
                WHERE a.clinic_id = $1 AND a.couple_id = c.id AND a.status = 'open') AS open_alerts
         FROM couple_therapists ct
         JOIN couples c ON c.clinic_id = ct.clinic_id AND c.id = ct.couple_id
        WHERE ct.clinic_id = $1 AND ct.therapist_user_id = $2
        ORDER BY c.label`,
      [clinicId, delivery.recipient_user_id, since],
    );
    const busy = couples.filter((c) => c.new_responses > 0 || c.open_alerts > 0);
    if (busy.length === 0) return { skip: 'nothing_new' };
    const newResponses = busy.reduce((sum, c) => sum + c.new_responses, 0);
    const openAlerts = busy.reduce((sum, c) => sum + c.open_alerts, 0);
    return {
      mail: recipient.email_reminders
        ? {
            to: recipient.email,
            template: 'therapist_digest',
            locale: mailLocale(recipient.locale),
            data: {
              therapistName: recipient.display_name,
              newResponses,
              openAlerts,
              couples: busy.map((c) => ({
                label: c.label,
                newResponses: c.new_responses,
                openAlerts: c.open_alerts,
              })),
              dashboardUrl: webUrl(this.config.WEB_ORIGIN, WEB_PATHS.home),
            },
          }
        : null,
      notification: {
        occurrenceId: null,
        coupleId: null,
        alertId: null,
        detail: { newResponses, openAlerts, couples: busy.length },
      },
    };
  }

  private async composeEscalation(
    manager: EntityManager,
    clinicId: string,
    delivery: ClaimedDelivery,
    recipient: Recipient,
  ): Promise<Composed> {
    const [alert] = await manager.query<
      Array<{ couple_id: string; label: string; status: string; detail: NotificationDetail }>
    >(
      `SELECT a.couple_id, c.label, a.status, a.detail FROM alerts a
         JOIN couples c ON c.clinic_id = a.clinic_id AND c.id = a.couple_id
         JOIN couple_therapists ct ON ct.clinic_id = a.clinic_id AND ct.couple_id = a.couple_id
                                  AND ct.therapist_user_id = $3
        WHERE a.clinic_id = $1 AND a.id = $2`,
      [clinicId, delivery.alert_id, delivery.recipient_user_id],
    );
    if (!alert) return { skip: 'not_assigned' };
    if (alert.status !== 'open') return { skip: 'alert_closed' };
    const missed = Number(alert.detail['missedInARow'] ?? 0);
    return {
      mail: recipient.email_reminders
        ? {
            to: recipient.email,
            template: 'escalation',
            locale: mailLocale(recipient.locale),
            data: {
              coupleLabel: alert.label,
              missedInARow: missed,
              coupleUrl: webUrl(this.config.WEB_ORIGIN, webPath.couple(alert.couple_id)),
            },
          }
        : null,
      notification: {
        occurrenceId: null,
        coupleId: alert.couple_id,
        alertId: delivery.alert_id,
        detail: { missedInARow: missed },
      },
    };
  }
}
