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

/** What became of a batch's deliveries; failures are not here, they make `send` throw. */
export interface BatchOutcome {
  sent: string[];
  skipped: string[];
  /** Already sent, skipped or failed, held by a live sender, or not this clinic's. */
  notClaimed: string[];
}

interface ClaimedDelivery {
  id: string;
  kind: DeliveryKind;
  recipient_user_id: string;
  occurrence_id: string | null;
  alert_id: string | null;
  message_id: string | null;
  due_at: Date;
  attempts: number;
}

interface Recipient {
  id: string;
  email: string;
  locale: string;
  time_zone: string;
  display_name: string;
  email_reminders: boolean;
  status: string;
}

interface NotificationDraft {
  occurrenceId: string | null;
  coupleId: string | null;
  alertId: string | null;
  detail: NotificationDetail;
}

/** What a claimed delivery turned into: a message (or not), an in-app notification, or a skip. */
type Composed = { skip: string } | { mail: MailMessage | null; notification: NotificationDraft };

interface Deliverable {
  delivery: ClaimedDelivery;
  mail: MailMessage | null;
  notification: NotificationDraft;
}

interface Failure {
  delivery: ClaimedDelivery;
  code: string;
  attempt: number;
  permanent: boolean;
  final: boolean;
}

/** A nudge's occurrence as it stands now, and where its recipient is with it. */
interface NudgeRow {
  delivery_id: string;
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
}

/** Why a nudge no longer applies, or null if it still does. */
function nudgeSkip(row: NudgeRow, recipientId: string): string | null {
  if (row.occurrence_status !== 'open') return 'occurrence_closed';
  if (row.couple_status !== 'active') return 'couple_not_active';
  if (row.assignment_status !== 'active') return 'assignment_not_active';
  if (row.completion_mode === 'joint' && row.safety_paused) return 'safety_pause';
  if (
    !row.is_partner ||
    !expectsAnswerFrom(row.completion_mode, row.assignee_user_id, recipientId)
  ) {
    return 'not_expected';
  }
  const answered =
    row.answered_self || (row.completion_mode === 'joint' && row.submitted_by_anyone);
  return answered ? 'answered' : null;
}

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

function errorCode(error: unknown): string {
  if (error instanceof MailSendError) {
    return `${error.code}${error.responseCode ? ` ${error.responseCode}` : ''}`;
  }
  return error instanceof Error ? error.name : 'unknown';
}

/** Runs `work` on every item, at most `limit` at a time, and reports each one's outcome. */
async function settleEach<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<Array<PromiseSettledResult<R>>> {
  const results: Array<PromiseSettledResult<R>> = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    for (let index = next++; index < items.length; index = next++) {
      const item = items[index] as T;
      try {
        results[index] = { status: 'fulfilled', value: await work(item) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

/**
 * Sends a batch of one clinic's deliveries with an exactly-once effect decided in PostgreSQL:
 * 1. claim: `planned` → `sending` with a lease, for the whole batch in one UPDATE, so of two
 *    jobs holding the same delivery (a duplicate, a retry racing a re-find) only one proceeds
 *    with it; a delivery already sent, skipped or failed is left alone;
 * 2. check they still apply and compose them, in the same transaction (under the clinic's
 *    row-level security), with one query per kind of delivery, not per delivery; skips and
 *    in-app-only deliveries are recorded there and then;
 * 3. send the emails, a few at a time, outside any transaction;
 * 4. record: the in-app notifications and `sent` for the emails that went, and each failed
 *    one back to `planned` (not before its backoff) or `failed`, in one transaction.
 * Each delivery succeeds or fails on its own: a refused address does not hold up or repeat the
 * others. If any failed and may be tried again the job throws, and BullMQ's retry claims only
 * those (the rest are no longer `planned`); the last attempt, or a permanent SMTP refusal,
 * marks a delivery `failed` for operators. A sender killed between 1 and 4 leaves `sending`;
 * when its lease runs out the tick hands the deliveries to a new job. Only a kill between the
 * SMTP server's acceptance and step 4 can repeat an email, and the copy carries the same
 * Message-ID (from the delivery id), which lets mail stores drop it; nothing is ever recorded
 * as sent without having been sent.
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
  ): Promise<BatchOutcome> {
    const { clinicId, deliveryIds } = payload;
    if (!Array.isArray(deliveryIds) || deliveryIds.length === 0) {
      throw new UnrecoverableError('reminders.send needs a non-empty deliveryIds');
    }
    const prepared = await this.db.run({ clinicId }, async (manager) => {
      const claimed = await this.claim(manager, clinicId, deliveryIds);
      if (claimed.length === 0) return null;
      const composed = await this.compose(manager, clinicId, claimed);
      const skipped: Array<{ delivery: ClaimedDelivery; reason: string }> = [];
      const inAppOnly: Deliverable[] = [];
      const toMail: Deliverable[] = [];
      for (const delivery of claimed) {
        const result = composed.get(delivery.id) ?? { skip: 'not_composed' };
        if ('skip' in result) skipped.push({ delivery, reason: result.skip });
        else (result.mail ? toMail : inAppOnly).push({ delivery, ...result });
      }
      if (toMail.length === 0) {
        // Nothing leaves the database on this path: if PostgreSQL lost this commit in a crash,
        // the claims, the notifications and `sent` would be lost together and simply redone,
        // so it need not wait for the WAL flush.
        await manager.query(`SET LOCAL synchronous_commit = off`);
      }
      await this.markSkipped(manager, clinicId, skipped);
      // In-app only: nothing leaves the database, so these are claimed and recorded at once.
      await this.record(manager, clinicId, inAppOnly, false);
      return { claimed, skipped, inAppOnly, toMail };
    });
    if (!prepared) return { sent: [], skipped: [], notClaimed: deliveryIds };
    const { claimed, skipped, inAppOnly, toMail } = prepared;
    for (const { delivery, reason } of skipped) {
      this.metrics.skipped.inc({ kind: delivery.kind, reason });
    }
    for (const { delivery } of inAppOnly) this.observeSent(delivery, false);

    const results = await settleEach(toMail, this.options.mailConcurrency, ({ mail }) =>
      mail ? this.mailer.send(mail) : Promise.resolve(null),
    );
    const emailed: Deliverable[] = [];
    const failures: Failure[] = [];
    toMail.forEach((item, index) => {
      const result = results[index];
      if (result?.status === 'fulfilled') {
        emailed.push(item);
        return;
      }
      const error: unknown = result?.reason;
      const attempt = Math.max(item.delivery.attempts, context.attempt);
      const permanent = error instanceof MailSendError && error.permanent;
      failures.push({
        delivery: item.delivery,
        code: errorCode(error),
        attempt,
        permanent,
        final: permanent || attempt >= MAX_ATTEMPTS,
      });
    });
    if (toMail.length > 0) {
      await this.db.run({ clinicId }, async (manager) => {
        await this.record(manager, clinicId, emailed, true);
        await this.markFailed(manager, clinicId, failures);
      });
    }
    for (const { delivery } of emailed) this.observeSent(delivery, true);
    if (failures.length > 0) this.reportFailures(clinicId, claimed.length, failures);

    const claimedIds = new Set(claimed.map((d) => d.id));
    return {
      sent: [...inAppOnly, ...emailed].map(({ delivery }) => delivery.id),
      skipped: skipped.map(({ delivery }) => delivery.id),
      notClaimed: deliveryIds.filter((id) => !claimedIds.has(id)),
    };
  }

  /**
   * Leases are timed by this process's clock at the statement, passed in: the wall clock, like
   * `clock_timestamp()` (a batch's transaction can be long), but a value Citus accepts in an
   * UPDATE of a distributed table.
   */
  private async claim(
    manager: EntityManager,
    clinicId: string,
    deliveryIds: string[],
  ): Promise<ClaimedDelivery[]> {
    const [rows] = await manager.query<[ClaimedDelivery[], number]>(
      `UPDATE deliveries
          SET status = 'sending', attempts = attempts + 1,
              lease_until = $4::timestamptz + make_interval(secs => $3)
        WHERE clinic_id = $1 AND id = ANY ($2::uuid[])
          AND (status = 'planned' OR (status = 'sending' AND lease_until < $4::timestamptz))
        RETURNING id, kind, recipient_user_id, occurrence_id, alert_id, message_id, due_at,
                  attempts`,
      [clinicId, deliveryIds, this.options.leaseMs / 1000, new Date()],
    );
    return rows;
  }

  private async markSkipped(
    manager: EntityManager,
    clinicId: string,
    skipped: Array<{ delivery: ClaimedDelivery; reason: string }>,
  ): Promise<void> {
    if (skipped.length === 0) return;
    await manager.query(
      `UPDATE deliveries d SET status = 'skipped', lease_until = NULL, last_error = s.reason
         FROM unnest($2::uuid[], $3::text[]) AS s(id, reason)
        WHERE d.clinic_id = $1 AND d.id = s.id`,
      [clinicId, skipped.map((s) => s.delivery.id), skipped.map((s) => s.reason)],
    );
  }

  /** The in-app notifications and `sent`, for the whole list in two statements. */
  private async record(
    manager: EntityManager,
    clinicId: string,
    done: Deliverable[],
    emailed: boolean,
  ): Promise<void> {
    if (done.length === 0) return;
    const column = <T>(pick: (item: Deliverable) => T): T[] => done.map(pick);
    await manager.query(
      `INSERT INTO notifications (clinic_id, user_id, kind, delivery_id, occurrence_id, couple_id,
                                  alert_id, detail)
       SELECT $1, n.user_id, n.kind, n.delivery_id, n.occurrence_id, n.couple_id, n.alert_id,
              n.detail::jsonb
         FROM unnest($2::uuid[], $3::notification_kind[], $4::uuid[], $5::uuid[], $6::uuid[],
                     $7::uuid[], $8::text[])
              AS n(user_id, kind, delivery_id, occurrence_id, couple_id, alert_id, detail)
       ON CONFLICT ON CONSTRAINT uq_notifications_delivery DO NOTHING`,
      [
        clinicId,
        column((d) => d.delivery.recipient_user_id),
        column((d) => d.delivery.kind),
        column((d) => d.delivery.id),
        column((d) => d.notification.occurrenceId),
        column((d) => d.notification.coupleId),
        column((d) => d.notification.alertId),
        column((d) => JSON.stringify(d.notification.detail)),
      ],
    );
    await manager.query(
      `UPDATE deliveries
          SET status = 'sent', sent_at = $4, lease_until = NULL, last_error = NULL,
              email_sent_at = CASE WHEN $3 THEN $4::timestamptz END
        WHERE clinic_id = $1 AND id = ANY ($2::uuid[])`,
      [clinicId, column((d) => d.delivery.id), emailed, new Date()],
    );
  }

  /** Puts each failed delivery back for a retry after its backoff, or gives it up. */
  private async markFailed(
    manager: EntityManager,
    clinicId: string,
    failures: Failure[],
  ): Promise<void> {
    if (failures.length === 0) return;
    await manager.query(
      `UPDATE deliveries d
          SET status = f.status::delivery_status, last_error = f.code,
              lease_until = CASE WHEN f.status = 'planned'
                THEN $6::timestamptz + make_interval(secs => f.backoff) END
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::float8[])
              AS f(id, status, code, backoff)
        WHERE d.clinic_id = $1 AND d.id = f.id AND d.status = 'sending'`,
      [
        clinicId,
        failures.map((f) => f.delivery.id),
        failures.map((f) => (f.final ? 'failed' : 'planned')),
        failures.map((f) => f.code),
        failures.map((f) => backoffMs(f.attempt) / 1000),
        new Date(),
      ],
    );
  }

  /** Counts and logs the failures, then throws for BullMQ: a retry only if one may still go. */
  private reportFailures(clinicId: string, claimed: number, failures: Failure[]): never {
    for (const failure of failures) {
      this.metrics.failed.inc({ kind: failure.delivery.kind, final: String(failure.final) });
    }
    this.logger.warn(
      {
        clinicId,
        claimed,
        failed: failures.map((f) => ({
          deliveryId: f.delivery.id,
          kind: f.delivery.kind,
          attempt: f.attempt,
          final: f.final,
          err: f.code,
        })),
      },
      'deliveries failed',
    );
    const shown = failures.slice(0, 5).map((f) => `delivery ${f.delivery.id} failed: ${f.code}`);
    const more = failures.length > shown.length ? `; and ${failures.length - 5} more` : '';
    const message = `${shown.join('; ')}${more}`;
    throw failures.every((f) => f.final) ? new UnrecoverableError(message) : new Error(message);
  }

  private observeSent(delivery: ClaimedDelivery, emailed: boolean): void {
    this.metrics.sent.inc({ kind: delivery.kind, channel: 'in_app' });
    if (emailed) this.metrics.sent.inc({ kind: delivery.kind, channel: 'email' });
    this.metrics.lag.observe(
      { kind: delivery.kind },
      Math.max(0, (Date.now() - new Date(delivery.due_at).getTime()) / 1000),
    );
  }

  /** Composes every claimed delivery, by delivery id: one query for recipients, one per kind. */
  private async compose(
    manager: EntityManager,
    clinicId: string,
    claimed: ClaimedDelivery[],
  ): Promise<Map<string, Composed>> {
    const recipients = new Map(
      (
        await manager.query<Recipient[]>(
          `SELECT id, email, locale, time_zone, display_name, email_reminders, status FROM users
            WHERE clinic_id = $1 AND id = ANY ($2::uuid[])`,
          [clinicId, [...new Set(claimed.map((d) => d.recipient_user_id))]],
        )
      ).map((recipient) => [recipient.id, recipient]),
    );
    const composed = new Map<string, Composed>();
    const nudges: Array<[ClaimedDelivery, Recipient]> = [];
    const digests: Array<[ClaimedDelivery, Recipient]> = [];
    const escalations: Array<[ClaimedDelivery, Recipient]> = [];
    const messages: Array<[ClaimedDelivery, Recipient]> = [];
    for (const delivery of claimed) {
      const recipient = recipients.get(delivery.recipient_user_id);
      if (!recipient || recipient.status !== 'active') {
        composed.set(delivery.id, { skip: 'recipient_inactive' });
        continue;
      }
      switch (delivery.kind) {
        case 'due_soon':
        case 'overdue':
          nudges.push([delivery, recipient]);
          break;
        case 'digest':
          digests.push([delivery, recipient]);
          break;
        case 'escalation':
          escalations.push([delivery, recipient]);
          break;
        case 'message':
          messages.push([delivery, recipient]);
          break;
      }
    }
    // One after the other: they share the transaction's connection anyway.
    for (const part of [
      await this.composeNudges(manager, clinicId, nudges),
      await this.composeDigests(manager, clinicId, digests),
      await this.composeEscalations(manager, clinicId, escalations),
      await this.composeMessages(manager, clinicId, messages),
    ]) {
      for (const [id, result] of part) composed.set(id, result);
    }
    return composed;
  }

  private async composeNudges(
    manager: EntityManager,
    clinicId: string,
    nudges: Array<[ClaimedDelivery, Recipient]>,
  ): Promise<Map<string, Composed>> {
    const composed = new Map<string, Composed>();
    if (nudges.length === 0) return composed;
    const rows = await manager.query<NudgeRow[]>(
      `SELECT x.delivery_id, o.id, o.due_at, o.couple_id, o.status AS occurrence_status,
              c.status AS couple_status, c.safety_paused_at IS NOT NULL AS safety_paused,
              a.status AS assignment_status, a.completion_mode, a.assignee_user_id,
              ${localizedTitleSql('ev', 'x.locale')} AS title,
              EXISTS (SELECT 1 FROM couple_partners cp
                       WHERE cp.clinic_id = $1 AND cp.couple_id = o.couple_id
                         AND cp.user_id = x.recipient_id) AS is_partner,
              EXISTS (SELECT 1 FROM responses r
                       WHERE r.clinic_id = $1 AND r.occurrence_id = o.id
                         AND r.status = 'submitted') AS submitted_by_anyone,
              EXISTS (SELECT 1 FROM responses r
                       WHERE r.clinic_id = $1 AND r.occurrence_id = o.id
                         AND r.author_user_id = x.recipient_id
                         AND r.status IN ('submitted', 'awaiting_confirmation')) AS answered_self
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::text[])
              AS x(delivery_id, occurrence_id, recipient_id, locale)
         JOIN occurrences o ON o.clinic_id = $1 AND o.id = x.occurrence_id
         JOIN couples c ON c.clinic_id = o.clinic_id AND c.id = o.couple_id
         JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
         JOIN exercise_versions ev ON ev.clinic_id = a.clinic_id AND ev.id = a.exercise_version_id`,
      [
        clinicId,
        nudges.map(([d]) => d.id),
        nudges.map(([d]) => d.occurrence_id),
        nudges.map(([d]) => d.recipient_user_id),
        // The exercise's title in the language each mail is written in.
        nudges.map(([, recipient]) => mailLocale(recipient.locale)),
      ],
    );
    const byDelivery = new Map(rows.map((row) => [row.delivery_id, row]));
    for (const [delivery, recipient] of nudges) {
      const row = byDelivery.get(delivery.id);
      if (!row) {
        composed.set(delivery.id, { skip: 'occurrence_gone' });
        continue;
      }
      const skip = nudgeSkip(row, delivery.recipient_user_id);
      if (skip) {
        composed.set(delivery.id, { skip });
        continue;
      }
      const dueAt = new Date(row.due_at);
      composed.set(delivery.id, {
        mail: recipient.email_reminders
          ? {
              to: recipient.email,
              template: delivery.kind === 'due_soon' ? 'reminder_due_soon' : 'reminder_overdue',
              locale: mailLocale(recipient.locale),
              data: {
                exerciseTitle: row.title,
                dueAt,
                timeZone: recipient.time_zone,
                exerciseUrl: webUrl(this.config.WEB_ORIGIN, webPath.exercise(row.id)),
                preferencesUrl: webUrl(this.config.WEB_ORIGIN, WEB_PATHS.preferences),
              },
              messageId: this.mailer.messageIdFor(delivery.id),
            }
          : null,
        notification: {
          occurrenceId: row.id,
          coupleId: row.couple_id,
          alertId: null,
          detail: { dueAt: dueAt.toISOString() },
        },
      });
    }
    return composed;
  }

  private async composeDigests(
    manager: EntityManager,
    clinicId: string,
    digests: Array<[ClaimedDelivery, Recipient]>,
  ): Promise<Map<string, Composed>> {
    const composed = new Map<string, Composed>();
    if (digests.length === 0) return composed;
    // Since the therapist's last digest, or the day before this one's due time for a first.
    const rows = await manager.query<
      Array<{ delivery_id: string; label: string; new_responses: number; open_alerts: number }>
    >(
      `WITH x AS (
         SELECT x.delivery_id, x.therapist_id,
                coalesce((SELECT max(d.sent_at) FROM deliveries d
                           WHERE d.clinic_id = $1 AND d.recipient_user_id = x.therapist_id
                             AND d.kind = 'digest' AND d.sent_at IS NOT NULL),
                         x.due_at - interval '1 day') AS since
           FROM unnest($2::uuid[], $3::uuid[], $4::timestamptz[])
                AS x(delivery_id, therapist_id, due_at))
       SELECT x.delivery_id, c.label,
              (SELECT count(*)::int FROM responses r
                WHERE r.clinic_id = $1 AND r.couple_id = c.id AND r.status = 'submitted'
                  AND r.submitted_at > x.since) AS new_responses,
              (SELECT count(*)::int FROM alerts a
                WHERE a.clinic_id = $1 AND a.couple_id = c.id AND a.status = 'open') AS open_alerts
         FROM x
         JOIN couple_therapists ct ON ct.clinic_id = $1 AND ct.therapist_user_id = x.therapist_id
         JOIN couples c ON c.clinic_id = ct.clinic_id AND c.id = ct.couple_id
        ORDER BY x.delivery_id, c.label`,
      [
        clinicId,
        digests.map(([d]) => d.id),
        digests.map(([d]) => d.recipient_user_id),
        digests.map(([d]) => d.due_at),
      ],
    );
    for (const [delivery, recipient] of digests) {
      const busy = rows.filter(
        (c) => c.delivery_id === delivery.id && (c.new_responses > 0 || c.open_alerts > 0),
      );
      if (busy.length === 0) {
        composed.set(delivery.id, { skip: 'nothing_new' });
        continue;
      }
      const newResponses = busy.reduce((sum, c) => sum + c.new_responses, 0);
      const openAlerts = busy.reduce((sum, c) => sum + c.open_alerts, 0);
      composed.set(delivery.id, {
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
              messageId: this.mailer.messageIdFor(delivery.id),
            }
          : null,
        notification: {
          occurrenceId: null,
          coupleId: null,
          alertId: null,
          detail: { newResponses, openAlerts, couples: busy.length },
        },
      });
    }
    return composed;
  }

  private async composeEscalations(
    manager: EntityManager,
    clinicId: string,
    escalations: Array<[ClaimedDelivery, Recipient]>,
  ): Promise<Map<string, Composed>> {
    const composed = new Map<string, Composed>();
    if (escalations.length === 0) return composed;
    const rows = await manager.query<
      Array<{
        delivery_id: string;
        couple_id: string;
        label: string;
        status: string;
        detail: NotificationDetail;
      }>
    >(
      `SELECT x.delivery_id, a.couple_id, c.label, a.status, a.detail
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS x(delivery_id, alert_id, recipient_id)
         JOIN alerts a ON a.clinic_id = $1 AND a.id = x.alert_id
         JOIN couples c ON c.clinic_id = a.clinic_id AND c.id = a.couple_id
         JOIN couple_therapists ct ON ct.clinic_id = a.clinic_id AND ct.couple_id = a.couple_id
                                  AND ct.therapist_user_id = x.recipient_id`,
      [
        clinicId,
        escalations.map(([d]) => d.id),
        escalations.map(([d]) => d.alert_id),
        escalations.map(([d]) => d.recipient_user_id),
      ],
    );
    const byDelivery = new Map(rows.map((row) => [row.delivery_id, row]));
    for (const [delivery, recipient] of escalations) {
      const alert = byDelivery.get(delivery.id);
      if (!alert || alert.status !== 'open') {
        composed.set(delivery.id, { skip: alert ? 'alert_closed' : 'not_assigned' });
        continue;
      }
      const missed = Number(alert.detail['missedInARow'] ?? 0);
      composed.set(delivery.id, {
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
              messageId: this.mailer.messageIdFor(delivery.id),
            }
          : null,
        notification: {
          occurrenceId: null,
          coupleId: alert.couple_id,
          alertId: delivery.alert_id,
          detail: { missedInARow: missed },
        },
      });
    }
    return composed;
  }

  /**
   * Word that a message waits, if the recipient is still in its thread and has not read it
   * meanwhile (a hidden message does not count for partners). The mail and the notification
   * name the thread only: never the text, the author or the couple.
   */
  private async composeMessages(
    manager: EntityManager,
    clinicId: string,
    messages: Array<[ClaimedDelivery, Recipient]>,
  ): Promise<Map<string, Composed>> {
    const composed = new Map<string, Composed>();
    if (messages.length === 0) return composed;
    const rows = await manager.query<
      Array<{
        delivery_id: string;
        thread_id: string;
        couple_id: string;
        participant: boolean;
        unread: boolean;
      }>
    >(
      `WITH x AS (
         SELECT x.delivery_id, x.recipient_id, t.id AS thread_id, t.couple_id, t.kind,
                t.partner_user_id,
                EXISTS (SELECT 1 FROM couple_therapists ct
                         WHERE ct.clinic_id = $1 AND ct.couple_id = t.couple_id
                           AND ct.therapist_user_id = x.recipient_id) AS therapist,
                EXISTS (SELECT 1 FROM couple_partners cp
                         WHERE cp.clinic_id = $1 AND cp.couple_id = t.couple_id
                           AND cp.user_id = x.recipient_id) AS partner
           FROM unnest($2::uuid[], $3::uuid[], $4::uuid[])
                AS x(delivery_id, message_id, recipient_id)
           JOIN messages m ON m.clinic_id = $1 AND m.id = x.message_id
           JOIN message_threads t ON t.clinic_id = $1 AND t.id = m.thread_id)
       SELECT x.delivery_id, x.thread_id, x.couple_id,
              x.therapist OR (x.partner AND (x.kind = 'couple'
                                             OR x.partner_user_id = x.recipient_id))
                AS participant,
              EXISTS (SELECT 1 FROM messages m
                       WHERE m.clinic_id = $1 AND m.thread_id = x.thread_id
                         AND m.author_user_id <> x.recipient_id
                         AND (m.hidden_at IS NULL OR x.therapist)
                         AND m.seq > coalesce((SELECT r.read_seq FROM message_reads r
                                                WHERE r.clinic_id = $1
                                                  AND r.thread_id = x.thread_id
                                                  AND r.user_id = x.recipient_id), 0))
                AS unread
         FROM x`,
      [
        clinicId,
        messages.map(([d]) => d.id),
        messages.map(([d]) => d.message_id),
        messages.map(([d]) => d.recipient_user_id),
      ],
    );
    const byDelivery = new Map(rows.map((row) => [row.delivery_id, row]));
    for (const [delivery, recipient] of messages) {
      const row = byDelivery.get(delivery.id);
      const skip = !row
        ? 'message_gone'
        : !row.participant
          ? 'not_participant'
          : !row.unread
            ? 'read'
            : null;
      if (!row || skip) {
        composed.set(delivery.id, { skip: skip ?? 'message_gone' });
        continue;
      }
      composed.set(delivery.id, {
        mail: recipient.email_reminders
          ? {
              to: recipient.email,
              template: 'message_waiting',
              locale: mailLocale(recipient.locale),
              data: {
                threadUrl: webUrl(this.config.WEB_ORIGIN, webPath.thread(row.thread_id)),
                preferencesUrl: webUrl(this.config.WEB_ORIGIN, WEB_PATHS.preferences),
              },
              messageId: this.mailer.messageIdFor(delivery.id),
            }
          : null,
        notification: {
          occurrenceId: null,
          coupleId: row.couple_id,
          alertId: null,
          detail: { threadId: row.thread_id },
        },
      });
    }
    return composed;
  }
}
