import {
  API_BASE_URL,
  asBackgroundRequest,
  getJson,
  httpClient,
  listQuery,
  sendJson,
} from '@mend/web-auth';
import type { NotificationKind, ReminderLocale } from '@mend/shared-contracts';

/*
 * The signed-in user's own notifications and reminder preferences. Shapes mirror the OpenAPI
 * document (/api/docs-json); only the fields these pages read are listed.
 */

export interface NotificationRecord {
  id: string;
  kind: NotificationKind;
  occurrenceId: string | null;
  coupleId: string | null;
  alertId: string | null;
  /** Figures behind it: `dueAt` for nudges, counts for digests, `missedInARow` for escalations. */
  detail: Record<string, string | number | boolean | null>;
  /** The web app's route for what it is about. */
  link: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  rows: NotificationRecord[];
  total: number;
}

export interface Preferences {
  timeZone: string;
  locale: ReminderLocale;
  reminderTime: string | null;
  quietHoursStart: string | null;
  quietHoursEnd: string | null;
  emailReminders: boolean;
}

/** `notifications 0-19/42` → 42. */
function totalOf(headers: Headers, fallback: number): number {
  const total = Number(headers.get('Content-Range')?.split('/').pop());
  return Number.isFinite(total) ? total : fallback;
}

export const accountApi = {
  notifications: async (offset: number, limit: number): Promise<NotificationPage> => {
    const query = listQuery({
      filter: {},
      range: [offset, offset + limit - 1],
      sort: ['createdAt', 'DESC'],
    });
    const { json, headers } = await httpClient(`${API_BASE_URL}/notifications?${query}`);
    const rows = json as NotificationRecord[];
    return { rows, total: totalOf(headers, offset + rows.length) };
  },
  // The bell asks on its own every minute: that is not someone using the app.
  unreadCount: async () => {
    const { json } = await httpClient(
      `${API_BASE_URL}/notifications/unread-count`,
      asBackgroundRequest(),
    );
    return json as { count: number };
  },
  markRead: (id: string) =>
    sendJson<NotificationRecord>('POST', `/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => sendJson<{ updated: number }>('POST', '/notifications/read-all'),
  /** Titles of the exercises behind partners' nudges (one request for a page of them). */
  occurrenceTitles: (ids: string[]) =>
    getJson<Array<{ id: string; exerciseTitle: string }>>(
      `/occurrences?${listQuery({ filter: { id: ids }, range: [0, ids.length - 1] })}`,
    ),
  /** Labels of the couples behind therapists' escalations. */
  coupleLabels: (ids: string[]) =>
    getJson<Array<{ id: string; label: string }>>(
      `/couples?${listQuery({ filter: { id: ids }, range: [0, ids.length - 1] })}`,
    ),
  preferences: () => getJson<Preferences>('/account/preferences'),
  savePreferences: (changes: Partial<Preferences>) =>
    sendJson<Preferences>('PUT', '/account/preferences', changes),
};
