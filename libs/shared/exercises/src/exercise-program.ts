import { z } from 'zod';
import { slugSchema } from './exercise-form';
import { completionModeSchema, type ExerciseTemplate } from './exercise-template';
import { issuesToProblems, type Problem, type Result } from './problem';

export const MAX_PROGRAM_WEEKS = 52;

/** Weekdays are ISO numbers, 1 = Monday … 7 = Sunday, as in ISO 8601 and Luxon. */
export const stepRecurrenceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('once') }),
  z.strictObject({
    kind: z.literal('weekly'),
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1, 'Choose at least one weekday')
      .refine((days) => new Set(days).size === days.length, 'List each weekday once'),
  }),
  z.strictObject({ kind: z.literal('daily') }),
]);
export type StepRecurrence = z.output<typeof stepRecurrenceSchema>;

/**
 * A hint for steps done by one partner: the program cannot know who is who, so the therapist
 * names the partner when assigning, guided by this.
 */
export const SUGGESTED_PARTNERS = ['hurt_partner', 'partner_who_broke_trust'] as const;
export type SuggestedPartner = (typeof SUGGESTED_PARTNERS)[number];

export const programStepSchema = z.strictObject({
  exerciseKey: slugSchema,
  /** The 1-based program week the step starts in. */
  week: z.number().int().min(1),
  /**
   * The last week (inclusive) a daily or weekly step keeps repeating; omitted means it runs for
   * its start week only. A `once` step happens once, so it has none.
   */
  untilWeek: z.number().int().min(1).optional(),
  recurrence: stepRecurrenceSchema,
  completionMode: completionModeSchema,
  suggestedPartner: z.enum(SUGGESTED_PARTNERS).optional(),
});
export type ProgramStep = z.output<typeof programStepSchema>;

export const programSchema = z
  .strictObject({
    key: slugSchema,
    title: z.string().trim().min(1).max(120),
    summary: z.string().trim().min(1).max(600),
    weeks: z.number().int().min(1).max(MAX_PROGRAM_WEEKS),
    steps: z.array(programStepSchema).min(1, 'Add at least one step'),
  })
  .superRefine((program, ctx) => {
    program.steps.forEach((step, index) => {
      const at = (field: string) => ['steps', index, field];
      if (step.week > program.weeks) {
        ctx.addIssue({
          code: 'custom',
          path: at('week'),
          message: `Week ${step.week} is past the end of this ${program.weeks}-week program`,
        });
      }
      if (step.untilWeek !== undefined) {
        if (step.recurrence.kind === 'once') {
          ctx.addIssue({
            code: 'custom',
            path: at('untilWeek'),
            message: 'A one-off step cannot repeat until a later week',
          });
        } else if (step.untilWeek < step.week || step.untilWeek > program.weeks) {
          ctx.addIssue({
            code: 'custom',
            path: at('untilWeek'),
            message: `Repeat until a week between ${step.week} and ${program.weeks}`,
          });
        }
      }
      if (step.suggestedPartner !== undefined && step.completionMode !== 'one') {
        ctx.addIssue({
          code: 'custom',
          path: at('suggestedPartner'),
          message: 'Only a step done by one partner can suggest which partner',
        });
      }
    });
  });

export type Program = z.output<typeof programSchema>;
export type ProgramInput = z.input<typeof programSchema>;

export function parseProgram(input: unknown): Result<Program> {
  const parsed = programSchema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: issuesToProblems(parsed.error.issues, 'program') };
}

/**
 * The checks a program's own schema cannot make: every step names an exercise in `library`
 * whose completion modes allow the step's mode. Returns no problems when the program fits.
 */
export function checkProgramAgainstLibrary(
  program: Program,
  library: ReadonlyArray<ExerciseTemplate>,
): Problem[] {
  const byKey = new Map(library.map((exercise) => [exercise.key, exercise]));
  const problems: Problem[] = [];
  program.steps.forEach((step, index) => {
    const exercise = byKey.get(step.exerciseKey);
    if (exercise === undefined) {
      problems.push({
        field: `steps[${index}].exerciseKey`,
        message: `There is no exercise "${step.exerciseKey}" in the library`,
      });
    } else if (!exercise.completionModes.includes(step.completionMode)) {
      problems.push({
        field: `steps[${index}].completionMode`,
        message: `"${exercise.title}" cannot be completed in "${step.completionMode}" mode`,
      });
    }
  });
  return problems;
}
