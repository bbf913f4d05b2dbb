import { API_BASE_URL, asBackgroundRequest, httpClient } from '@mend/web-auth';
import type { DeliveryKind, ReminderLocale } from '@mend/shared-contracts';
import { HttpError } from 'react-admin';

/*
 * The signed-in user's own notifications and reminder preferences. Shapes mirror the OpenAPI
 * document (/api/docs-json); only the fields these pages read are listed.
 */

export interface NotificationRecord {
  id: string;
  kind: DeliveryKind;
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

const url = (path: string) => `${API_BASE_URL}${path}`;

const listQuery = (filter: object, range: [number, number], sort?: [string, 'ASC' | 'DESC']) =>
  new URLSearchParams({
    filter: JSON.stringify(filter),
    range: JSON.stringify(range),
    ...(sort ? { sort: JSON.stringify(sort) } : {}),
  }).toString();

/** `notifications 0-19/42` → 42. */
function totalOf(headers: Headers, fallback: number): number {
  const total = Number(headers.get('Content-Range')?.split('/').pop());
  return Number.isFinite(total) ? total : fallback;
}

async function getJson<T>(path: string): Promise<T> {
  const { json } = await httpClient(url(path));
  return json as T;
}

async function send<T>(method: 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
  const { json } = await httpClient(url(path), {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return json as T;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** `{ field: message }` from a 400 that names fields, or null for any other failure. */
export function fieldProblems(error: unknown): Record<string, string> | null {
  if (!(error instanceof HttpError) || error.status !== 400 || !isRecord(error.body)) return null;
  const fields = error.body['fields'];
  if (!isRecord(fields)) return null;
  const problems: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    if (typeof message === 'string') problems[field] = message;
  }
  return Object.keys(problems).length > 0 ? problems : null;
}

export const accountApi = {
  notifications: async (offset: number, limit: number): Promise<NotificationPage> => {
    const { json, headers } = await httpClient(
      url(`/notifications?${listQuery({}, [offset, offset + limit - 1], ['createdAt', 'DESC'])}`),
    );
    const rows = json as NotificationRecord[];
    return { rows, total: totalOf(headers, offset + rows.length) };
  },
  // The bell asks on its own every minute: that is not someone using the app.
  unreadCount: async () => {
    const { json } = await httpClient(url('/notifications/unread-count'), asBackgroundRequest());
    return json as { count: number };
  },
  markRead: (id: string) =>
    send<NotificationRecord>('POST', `/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => send<{ updated: number }>('POST', '/notifications/read-all'),
  /** Titles of the exercises behind partners' nudges (one request for a page of them). */
  occurrenceTitles: (ids: string[]) =>
    getJson<Array<{ id: string; exerciseTitle: string }>>(
      `/occurrences?${listQuery({ id: ids }, [0, ids.length - 1])}`,
    ),
  /** Labels of the couples behind therapists' escalations. */
  coupleLabels: (ids: string[]) =>
    getJson<Array<{ id: string; label: string }>>(
      `/couples?${listQuery({ id: ids }, [0, ids.length - 1])}`,
    ),
  preferences: () => getJson<Preferences>('/account/preferences'),
  savePreferences: (changes: Partial<Preferences>) =>
    send<Preferences>('PUT', '/account/preferences', changes),
};
