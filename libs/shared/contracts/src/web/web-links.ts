/**
 * The web app's pages that emails and notifications link to. The server builds links from these
 * and the web app mounts its routes on them, so a link in an email cannot point at a page that
 * does not exist. The app uses a hash router: a full address is `${WEB_ORIGIN}/#${path}`.
 */
export const WEB_PATHS = {
  home: '/',
  exercise: '/exercise/:occurrenceId',
  preferences: '/preferences',
  notifications: '/notifications',
  couple: '/couples/:coupleId/show',
  messages: '/messages',
  thread: '/messages/:threadId',
  reports: '/reports',
} as const;

export const webPath = {
  exercise: (occurrenceId: string) => `/exercise/${encodeURIComponent(occurrenceId)}`,
  couple: (coupleId: string) => `/couples/${encodeURIComponent(coupleId)}/show`,
  thread: (threadId: string) => `/messages/${encodeURIComponent(threadId)}`,
};

/** A full address of a page of the web app served at `origin`. */
export const webUrl = (origin: string, path: string) => `${origin.replace(/\/+$/, '')}/#${path}`;
