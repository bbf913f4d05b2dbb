import {
  API_BASE_URL,
  asBackgroundRequest,
  getJson,
  httpClient,
  listQuery,
  sendJson,
} from '@mend/web-auth';
import type { MessageThreadKind } from '@mend/shared-contracts';

/* The messages endpoints as the screens read them; shapes mirror the OpenAPI document. */

export interface ThreadRecord {
  id: string;
  coupleId: string;
  coupleLabel: string;
  kind: MessageThreadKind;
  partnerId: string | null;
  partnerName: string | null;
  lastMessageAt: string | null;
  unread: number;
  readOnly: boolean;
  notice: string;
}

export interface MessageRecord {
  id: string;
  threadId: string;
  authorId: string;
  authorName: string;
  authorRole: 'therapist' | 'client';
  body: string;
  createdAt: string;
  mine: boolean;
  hiddenAt: string | null;
  hiddenReason: string | null;
}

export interface OpenThread {
  kind: MessageThreadKind;
  coupleId?: string;
  partnerId?: string;
}

/** The latest messages a thread shows; older ones wait for a later "show older". */
export const THREAD_PAGE = 100;

const threadsPath = (filter: object) =>
  `/message-threads?${listQuery({ filter, sort: ['unread', 'DESC'], range: [0, 99] })}`;

export const messagesApi = {
  threads: (filter: object = {}) => getJson<ThreadRecord[]>(threadsPath(filter)),
  /** The badge's poll: a background request, so it does not keep an idle session alive. */
  unreadThreads: async () => {
    const { json } = await httpClient(
      `${API_BASE_URL}${threadsPath({ unread: true })}`,
      asBackgroundRequest(),
    );
    return json as ThreadRecord[];
  },
  thread: (id: string) => getJson<ThreadRecord>(`/message-threads/${id}`),
  open: (body: OpenThread) => sendJson<ThreadRecord>('POST', '/message-threads', body),
  /** Newest first from the API, so the page holds the latest; shown oldest first. */
  messages: async (threadId: string) =>
    (
      await getJson<MessageRecord[]>(
        `/message-threads/${threadId}/messages?${listQuery({
          sort: ['createdAt', 'DESC'],
          range: [0, THREAD_PAGE - 1],
        })}`,
      )
    ).reverse(),
  send: (threadId: string, body: string) =>
    sendJson<MessageRecord>('POST', `/message-threads/${threadId}/messages`, { body }),
  markRead: (threadId: string) =>
    sendJson<ThreadRecord>('POST', `/message-threads/${threadId}/read`),
  hide: (messageId: string, reason: string) =>
    sendJson<MessageRecord>('POST', `/messages/${messageId}/hide`, { reason }),
};
