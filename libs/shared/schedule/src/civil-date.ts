/**
 * Civil (calendar) dates as 'YYYY-MM-DD' strings, which compare correctly as strings. The API,
 * the worker and the web all count days this way, so a date never shifts between them.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's date on the clocks of `timeZone`; `now` is passed in wherever a test fixes the clock. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // en-CA formats dates as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(now);
}

/** The date `days` calendar days after (or, when negative, before) `isoDate`. */
export function addDays(isoDate: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
