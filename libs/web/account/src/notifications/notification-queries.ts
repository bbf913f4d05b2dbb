import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import { accountApi } from '../common/account-api';

export const FEED_PAGE_SIZE = 20;
/** How often the bell asks again while the app stays open (it also asks on focus). */
const UNREAD_REFRESH_MS = 60_000;

export const notificationKeys = {
  all: ['mend-notifications'] as const,
  unread: ['mend-notifications', 'unread'] as const,
  feed: ['mend-notifications', 'feed'] as const,
};

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: accountApi.unreadCount,
    select: (data) => data.count,
    refetchInterval: UNREAD_REFRESH_MS,
    refetchOnWindowFocus: true,
  });
}

/** The feed, newest first, a page at a time ("show older" asks for the next page). */
export function useNotificationFeed() {
  return useInfiniteQuery({
    queryKey: notificationKeys.feed,
    queryFn: ({ pageParam }) => accountApi.notifications(pageParam, FEED_PAGE_SIZE),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.rows.length, 0);
      return loaded < last.total && last.rows.length > 0 ? loaded : undefined;
    },
    refetchOnWindowFocus: true,
  });
}

/** Marking read changes both the feed and the bell; both are asked again. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: accountApi.markRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: accountApi.markAllRead,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
