/**
 * CSV as spreadsheet programs read it: UTF-8 with a byte-order mark (without it Excel guesses a
 * legacy code page and mangles "ñ"), CRLF line ends, RFC 4180 quoting. Text that a spreadsheet
 * would run as a formula (it starts with = + - @, or a tab or carriage return that some
 * programs strip first) gets a leading apostrophe, so `=HYPERLINK(…)` typed into an answer is
 * shown as text, never evaluated (OWASP's advice for CSV injection). Numbers are written as
 * numbers: a negative count is data, not a formula.
 */
export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
