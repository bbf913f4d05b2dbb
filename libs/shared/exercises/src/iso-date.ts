const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True for `YYYY-MM-DD` strings shaped like a date, whether or not the day exists. */
export function looksLikeIsoDate(value: string): boolean {
  return ISO_DATE.test(value);
}

/**
 * A real calendar day in `YYYY-MM-DD` form. Checked by hand rather than with `Date`, which
 * silently rolls 2025-02-30 over to March and maps years below 100 to the 1900s.
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `2025-03-04` → `4 March 2025`: unambiguous to every reader, unlike 03/04/2025. */
export function formatIsoDateForPeople(value: string): string {
  const match = ISO_DATE.exec(value);
  if (!match) return value;
  const month = MONTH_NAMES[Number(match[2]) - 1];
  return month === undefined ? value : `${Number(match[3])} ${month} ${Number(match[1])}`;
}
