import { useQuery } from '@tanstack/react-query';

import { clientApi } from './client-api';

/** Query keys of the client area, so a mutation can refresh exactly what it changed. */
export const clientKeys = {
  all: ['mend-client'] as const,
  me: ['mend-client', 'me'] as const,
  couples: ['mend-client', 'couples'] as const,
  clinic: ['mend-client', 'clinic'] as const,
  occurrences: ['mend-client', 'occurrences'] as const,
  occurrence: (id: string) => ['mend-client', 'occurrence', id] as const,
  responses: (page: number) => ['mend-client', 'responses', page] as const,
  promises: ['mend-client', 'promises'] as const,
  checkIns: ['mend-client', 'check-ins'] as const,
  checkIn: (id: string) => ['mend-client', 'check-in', id] as const,
  promiseTrend: (coupleId: string) => ['mend-client', 'promise-trend', coupleId] as const,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Today's work: two weeks back (what is still open, what was done) and a week ahead. */
export function useTodayOccurrences() {
  return useQuery({
    queryKey: clientKeys.occurrences,
    queryFn: () => {
      const now = Date.now();
      return clientApi.occurrences(
        new Date(now - 14 * DAY_MS).toISOString(),
        new Date(now + 8 * DAY_MS).toISOString(),
      );
    },
  });
}

export function useOccurrence(id: string) {
  return useQuery({
    queryKey: clientKeys.occurrence(id),
    queryFn: () => clientApi.occurrence(id),
    // The form owns its state once loaded; a background refetch must not replace typed text.
    refetchOnWindowFocus: false,
  });
}

/** The reader's open check-in rounds. */
export function useOpenCheckIns() {
  return useQuery({ queryKey: clientKeys.checkIns, queryFn: () => clientApi.openCheckIns() });
}
