import { z } from 'zod';
import { localTimeSchema } from './schedule.schema';

const MINUTES_PER_WEEK = 7 * 24 * 60;

/** A daily quiet period in the recipient's zone; it may wrap midnight, and start == end is none. */
export const quietHoursSchema = z.object({ start: localTimeSchema, end: localTimeSchema });

export const dueSoonRuleSchema = z.discriminatedUnion('kind', [
  /** That wall-clock time in the recipient's zone, on the day the occurrence is due there. */
  z.object({ kind: z.literal('at_local_time'), time: localTimeSchema }),
  z.object({ kind: z.literal('before_due'), minutes: z.int().min(1).max(MINUTES_PER_WEEK) }),
  z.object({ kind: z.literal('none') }),
]);

export const reminderPolicySchema = z.object({
  dueSoon: dueSoonRuleSchema,
  /** Null sends no overdue nudge; 0 sends it the moment the occurrence is due. */
  overdueAfterMinutes: z.int().min(0).max(MINUTES_PER_WEEK).nullable(),
});

export type QuietHours = z.infer<typeof quietHoursSchema>;
export type DueSoonRule = z.infer<typeof dueSoonRuleSchema>;
export type ReminderPolicy = z.infer<typeof reminderPolicySchema>;
