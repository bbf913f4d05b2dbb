import { BadRequestException } from '@nestjs/common';
import type { z } from 'zod';

export type FieldProblems = Record<string, string>;

/** A 400 naming every bad field, the shape the validation pipe also uses. */
export function invalid(fields: FieldProblems, message = 'Invalid request'): BadRequestException {
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
