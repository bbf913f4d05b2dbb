import { WEB_PATHS, webPath } from '@mend/shared-contracts';

/** Where the client area lives; the home ("Today") is the app's dashboard at "/". */
export const CLIENT_PATHS = {
  today: WEB_PATHS.home,
  exercise: WEB_PATHS.exercise,
  history: '/history',
  promises: '/promises',
} as const;

export const exercisePath = webPath.exercise;
