/**
 * Sent by the web app on requests nobody asked for (the notification bell's poll, the keep-alive
 * of an open tab). The API still authenticates them but does not count them as activity, so a
 * tab left open cannot keep a session alive past the clinic's inactivity timeout.
 */
export const BACKGROUND_REQUEST_HEADER = 'X-Mend-Background';
