import { relativeTime } from '@mend/web-i18n';

import type { NotificationRecord } from '../common/account-api';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** What a notification is about, named: exercise titles by occurrence, couple labels by couple. */
export interface SubjectNames {
  exercises: ReadonlyMap<string, string>;
  couples: ReadonlyMap<string, string>;
}

export interface NotificationWording {
  /** The kind in two words ("Coming up", "Daily summary"). */
  kind: string;
  title: string;
  /** A second line with the figures behind it, when there are any. */
  body: string | null;
}

const KEY = 'mend.account.notifications';

const count = (value: unknown): number => (typeof value === 'number' ? value : 0);

/**
 * Plain words for one notification, from its kind and its detail figures (never answer text:
 * the API does not send any), naming the exercise or couple when the reader may see it.
 */
export function describeNotification(
  notification: NotificationRecord,
  names: SubjectNames,
  translate: Translate,
  locale: string,
  now = Date.now(),
): NotificationWording {
  const { detail } = notification;
  const kind = translate(`${KEY}.kind.${notification.kind}`);
  switch (notification.kind) {
    case 'due_soon':
    case 'overdue': {
      const title = notification.occurrenceId
        ? names.exercises.get(notification.occurrenceId)
        : undefined;
      const heading = translate(
        title ? `${KEY}.${notification.kind}_named` : `${KEY}.${notification.kind}`,
        { title },
      );
      const dueAt = typeof detail['dueAt'] === 'string' ? detail['dueAt'] : null;
      const body =
        notification.kind === 'overdue'
          ? translate(`${KEY}.overdue_body`)
          : dueAt
            ? translate(`${KEY}.due_at`, { when: relativeTime(dueAt, locale, now) })
            : null;
      return { kind, title: heading, body };
    }
    case 'digest': {
      const parts = [
        translate(`${KEY}.digest_responses`, { smart_count: count(detail['newResponses']) }),
        translate(`${KEY}.digest_alerts`, { smart_count: count(detail['openAlerts']) }),
      ];
      const couples = count(detail['couples']);
      const body = `${parts.join(', ')} ${translate(`${KEY}.digest_couples`, { smart_count: couples })}`;
      return { kind, title: translate(`${KEY}.digest`), body };
    }
    case 'escalation': {
      const couple = notification.coupleId ? names.couples.get(notification.coupleId) : undefined;
      return {
        kind,
        title: translate(couple ? `${KEY}.escalation_named` : `${KEY}.escalation`, { couple }),
        body: translate(`${KEY}.escalation_body`, {
          smart_count: count(detail['missedInARow']),
        }),
      };
    }
    case 'message':
      // Word that a message waits, never what it says or who wrote it.
      return { kind, title: translate(`${KEY}.message`), body: translate(`${KEY}.message_body`) };
    case 'report_ready':
      return { kind, title: translate(`${KEY}.report_ready`), body: null };
  }
}
