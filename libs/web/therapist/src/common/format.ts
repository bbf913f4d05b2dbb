import { relativeTime } from '@mend/web-i18n';

/** Small formatting helpers shared by the therapist screens; all take the UI locale. */

export const percent = (value: number | null | undefined, locale: string): string =>
  value === null || value === undefined
    ? '—'
    : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);

export const formatDate = (iso: string | null | undefined, locale: string): string => {
  if (!iso) return '—';
  // A bare YYYY-MM-DD is a calendar date, not an instant: format it without a time zone shift.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T12:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(date);
};

export const formatDateTime = (iso: string | null | undefined, locale: string): string =>
  iso
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(iso),
      )
    : '—';

/** "3 days ago", "hace 3 días"; null when it never happened. */
export const formatRelative = (
  iso: string | null | undefined,
  locale: string,
  now = Date.now(),
): string | null => (iso ? relativeTime(iso, locale, now) : null);

/** Today's date where the browser is, as YYYY-MM-DD. */
export const localToday = (offsetDays = 0): string => {
  const date = new Date();
  date.setDate(date.getDate() + offsetDays);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};
