/*
 * The date filters show calendar days in the reader's time zone while the API takes ISO instants
 * with `from` inclusive and `to` exclusive. "To 12 May" therefore means "before 13 May, 00:00".
 */

const pad = (value: number) => String(value).padStart(2, '0');

function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function startOfLocalDay(day: string, addDays = 0): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (match === null) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
}

export function parseFromDay(day: unknown): string | null {
  const start = typeof day === 'string' ? startOfLocalDay(day) : null;
  return start === null ? null : start.toISOString();
}

export function parseToDay(day: unknown): string | null {
  const end = typeof day === 'string' ? startOfLocalDay(day, 1) : null;
  return end === null ? null : end.toISOString();
}

export function formatFromInstant(instant: unknown): string {
  if (typeof instant !== 'string' || instant === '') return '';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '' : localDay(date);
}

export function formatToInstant(instant: unknown): string {
  if (typeof instant !== 'string' || instant === '') return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return '';
  date.setDate(date.getDate() - 1);
  return localDay(date);
}
