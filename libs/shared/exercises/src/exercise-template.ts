import { z } from 'zod';
import { ONE_LINE_TEXT } from '@mend/shared-contracts';
import { exerciseFormSchema, slugSchema } from './exercise-form';
import { issuesToProblems, type Result } from './problem';

export const EXERCISE_THEMES = [
  'communication',
  'listening',
  'time_together',
  'shared_activity',
  'responsibility',
  'apology',
  'patience',
  'consistency',
  'promises',
  'transparency',
  'boundaries',
  'roots_of_distrust',
  'individual_counseling',
] as const;
export type ExerciseTheme = (typeof EXERCISE_THEMES)[number];
export const exerciseThemeSchema = z.enum(EXERCISE_THEMES);

/** `each`: both partners answer; `joint`: one answer confirmed by the other; `one`: a named partner. */
export const COMPLETION_MODES = ['each', 'joint', 'one'] as const;
export type CompletionMode = (typeof COMPLETION_MODES)[number];
export const completionModeSchema = z.enum(COMPLETION_MODES);

/** Who sees an answer besides its author. */
export const VISIBILITIES = ['therapist', 'partner', 'reveal_after_both'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const visibilitySchema = z.enum(VISIBILITIES);

/** Counts sentences the way a reader would: runs of text ending in . ! or ? */
export function countSentences(text: string): number {
  return text
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter((part) => part !== '').length;
}

function uniqueList<T extends z.ZodType<string>>(item: T, what: string) {
  return z
    .array(item)
    .min(1, `Offer at least one ${what}`)
    .refine((list) => new Set(list).size === list.length, `List each ${what} once`);
}

/**
 * A title shown on one line (lists, email subjects): no control character (CR and LF among
 * them), DEL, or Unicode line separator.
 */
export const titleSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(ONE_LINE_TEXT, 'Keep the title on one line');

export const exerciseTemplateSchema = z
  .strictObject({
    key: slugSchema,
    title: titleSchema,
    theme: exerciseThemeSchema,
    summary: z.string().trim().min(1).max(300),
    whyItHelps: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .refine(
        (text) => /[.!?]$/.test(text) && countSentences(text) <= 3,
        'Explain why it helps in one to three complete sentences',
      ),
    /** Plain text shown before the form; blank lines separate paragraphs. */
    instructions: z.string().trim().min(1).max(4000),
    estimatedMinutes: z.number().int().min(1).max(240),
    completionModes: uniqueList(completionModeSchema, 'completion mode'),
    visibilityOptions: uniqueList(visibilitySchema, 'visibility option'),
    defaultVisibility: visibilitySchema,
    /**
     * The therapist reads the answer and releases it before the partner can see it (the apology
     * letter): a letter that lands badly can set repair back, so it gets a second pair of eyes.
     */
    requiresTherapistReview: z.boolean(),
    form: exerciseFormSchema,
  })
  .superRefine((template, ctx) => {
    if (!template.visibilityOptions.includes(template.defaultVisibility)) {
      ctx.addIssue({
        code: 'custom',
        path: ['defaultVisibility'],
        message: 'The default visibility must be one of the visibility options',
      });
    }
    // Revealing "after both have answered" needs two separate answers to wait for.
    if (
      template.visibilityOptions.includes('reveal_after_both') &&
      !template.completionModes.includes('each')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['visibilityOptions'],
        message: 'Reveal-after-both needs the "each" completion mode',
      });
    }
    // Review exists to release an answer to the partner; with therapist-only visibility there
    // is nothing to release.
    if (
      template.requiresTherapistReview &&
      template.visibilityOptions.every((visibility) => visibility === 'therapist')
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['requiresTherapistReview'],
        message: 'Therapist review needs a visibility option that lets the partner see the answer',
      });
    }
  });

export type ExerciseTemplate = z.output<typeof exerciseTemplateSchema>;
/** What an author writes: the form may leave out text caps and minimum selections. */
export type ExerciseTemplateInput = z.input<typeof exerciseTemplateSchema>;

export function parseExerciseTemplate(input: unknown): Result<ExerciseTemplate> {
  const parsed = exerciseTemplateSchema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: issuesToProblems(parsed.error.issues, 'template') };
}
