import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { messagesApi, type OpenThread } from './messages-api';

/** How often the unread badge asks again while the app stays open (and on focus). */
const UNREAD_REFRESH_MS = 60_000;

export const messageKeys = {
  all: ['mend-messages'] as const,
  threads: (filter: object) => ['mend-messages', 'threads', filter] as const,
  unread: ['mend-messages', 'unread'] as const,
  thread: (id: string) => ['mend-messages', 'thread', id] as const,
  messages: (id: string) => ['mend-messages', 'messages', id] as const,
};

export function useThreads(filter: object = {}) {
  return useQuery({
    queryKey: messageKeys.threads(filter),
    queryFn: () => messagesApi.threads(filter),
    refetchOnWindowFocus: true,
  });
}

/** Unread messages across the reader's threads, for the badge. */
export function useUnreadMessages() {
  return useQuery({
    queryKey: messageKeys.unread,
    queryFn: messagesApi.unreadThreads,
    select: (threads) => threads.reduce((sum, thread) => sum + thread.unread, 0),
    refetchInterval: UNREAD_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

export function useThread(id: string) {
  return useQuery({ queryKey: messageKeys.thread(id), queryFn: () => messagesApi.thread(id) });
}

export function useMessages(threadId: string) {
  return useQuery({
    queryKey: messageKeys.messages(threadId),
    queryFn: () => messagesApi.messages(threadId),
    refetchOnWindowFocus: true,
  });
}

/** Opens (or finds) a thread; the lists that show threads are asked again. */
export function useOpenThread() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenThread) => messagesApi.open(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: messageKeys.all }),
  });
}

/** Anything written, hidden or read changes the thread, its messages and every badge. */
export function useMessageMutation<T>(run: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () => queryClient.invalidateQueries({ queryKey: messageKeys.all }),
  });
}
