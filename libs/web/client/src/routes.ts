/** Where the client area lives; the home ("Today") is the app's dashboard at "/". */
export const CLIENT_PATHS = {
  today: '/',
  exercise: '/exercise/:occurrenceId',
  history: '/history',
  promises: '/promises',
} as const;

export const exercisePath = (occurrenceId: string) =>
  `/exercise/${encodeURIComponent(occurrenceId)}`;
