import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

/** Problems by field name, dotted for nested fields: `{ "recurrence.weekdays": "…" }`. */
export type FieldProblems = Record<string, string>;

/**
 * Every 400 of the API, built one way: `{ message, fields }`, naming each bad field so the web
 * app can mark it. The validation pipe, list queries and services all answer through it.
 *
 * Where a rule lives: a DTO (class-validator) checks the JSON's shape — types, required fields,
 * lengths, and no unknown fields. A rule about what a value means that the shared libraries own
 * (dates, times, recurrences, reminder policies, exercise answers, list filters) is checked once,
 * with that library's zod schema, in the service or the list spec, and reported here through
 * `zodProblems`. No rule is checked both ways.
 */
export function invalidRequest(
  fields: FieldProblems,
  message = 'Invalid request',
): BadRequestException {
  return new BadRequestException({ message, fields });
}

/** Adds the problems of a zod parse under `prefix` (e.g. `recurrence.weekdays`); '' for none. */
export function zodProblems(
  fields: FieldProblems,
  prefix: string,
  issues: ReadonlyArray<z.core.$ZodIssue>,
): void {
  for (const issue of issues) {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    fields[path || 'body'] ??= issue.message;
  }
}
