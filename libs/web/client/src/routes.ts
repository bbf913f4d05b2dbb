import { WEB_PATHS, webPath } from '@mend/shared-contracts';

/** Where the client area lives; the home ("Today") is the app's dashboard at "/". */
export const CLIENT_PATHS = {
  today: WEB_PATHS.home,
  exercise: WEB_PATHS.exercise,
  history: '/history',
  promises: '/promises',
  checkIn: '/check-ins/:id',
} as const;

export const checkInPath = (id: string) => `/check-ins/${encodeURIComponent(id)}`;

export const exercisePath = webPath.exercise;
