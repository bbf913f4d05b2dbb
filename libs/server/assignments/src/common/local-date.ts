/** Bounds for windows of calendar dates ('YYYY-MM-DD'; todayIn and addDays are shared-schedule's). */

/** Midnight UTC at the start of the date: a bound for windows padded by a day or more. */
export function utcMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}

export function laterOf(a: string, b: string): string {
  return a > b ? a : b;
}

export function earlierOf(a: string, b: string): string {
  return a < b ? a : b;
}
