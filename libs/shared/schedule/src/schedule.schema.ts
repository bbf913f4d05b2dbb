import { z } from 'zod';
import { isValidTimeZone, parseIsoDate, parseLocalTime } from './zoned-time.util';

export const isoDateSchema = z
  .string()
  .refine((value) => parseIsoDate(value) !== null, { message: 'Expected a date as YYYY-MM-DD' });

export const localTimeSchema = z
  .string()
  .refine((value) => parseLocalTime(value) !== null, { message: 'Expected a time as HH:mm' });

export const timeZoneSchema = z
  .string()
  .refine(isValidTimeZone, { message: 'Expected an IANA time zone such as Europe/Madrid' });

export const recurrenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('once') }),
  z.object({ kind: z.literal('daily') }),
  z.object({
    kind: z.literal('weekdays'),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    weekdays: z
      .array(z.int().min(1).max(7))
      .min(1)
      .refine((days) => new Set(days).size === days.length, {
        message: 'Weekdays must not repeat',
      }),
  }),
  z.object({ kind: z.literal('every_n_days'), n: z.int().min(2).max(60) }),
]);

export const scheduleSchema = z
  .object({
    timeZone: timeZoneSchema,
    startDate: isoDateSchema,
    /** Inclusive. */
    endDate: isoDateSchema.optional(),
    /** Wall-clock time in `timeZone`. */
    dueTime: localTimeSchema,
    recurrence: recurrenceSchema,
  })
  .refine(
    // Zero-padded ISO dates compare correctly as strings.
    (schedule) => schedule.endDate === undefined || schedule.endDate >= schedule.startDate,
    { message: 'The end date must not be before the start date', path: ['endDate'] },
  );

export type Recurrence = z.infer<typeof recurrenceSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;
