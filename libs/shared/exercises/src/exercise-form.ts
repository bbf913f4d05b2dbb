import { z } from 'zod';
import { isIsoDate } from './iso-date';
import { issuesToProblems, type Result } from './problem';

export const PROMPT_KINDS = [
  'long_text',
  'short_text',
  'scale',
  'single_choice',
  'multiple_choice',
  'checklist',
  'date',
  'yes_no',
] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

export const SCALE_MIN = 0;
export const SCALE_MAX = 10;
export const SHORT_TEXT_MAX_LENGTH = 500;
export const LONG_TEXT_MAX_LENGTH = 10_000;
export const MIN_CHOICE_OPTIONS = 2;
export const MAX_CHOICE_OPTIONS = 20;
export const MIN_PROMPTS = 1;
export const MAX_PROMPTS = 40;

/**
 * Prompt ids, option values and exercise keys are stored in answers and URLs for years, so they
 * are restricted to lowercase words joined by single `-` or `_`.
 */
export const slugSchema = z
  .string()
  .max(64, 'Keep this to 64 characters or fewer')
  .regex(
    /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/,
    'Use lowercase letters and digits, with single "-" or "_" between words',
  );

export const isoDateSchema = z
  .string()
  .refine(isIsoDate, 'Use a real calendar date written as YYYY-MM-DD');

const promptBase = {
  id: slugSchema,
  label: z.string().trim().min(1, 'Write the question').max(500),
  help: z.string().trim().min(1).max(2000).optional(),
  required: z.boolean(),
};

function textLengthRules(cap: number) {
  return {
    minLength: z.number().int().min(1).max(cap).optional(),
    // Omitted means the kind's cap, so an author only writes a limit when it means something.
    maxLength: z
      .number()
      .int()
      .min(1)
      .max(cap, `Keep the limit at ${cap.toLocaleString('en-US')} characters or fewer`)
      .default(cap),
  };
}

function checkLengthOrder(
  prompt: { minLength?: number | undefined; maxLength: number },
  ctx: z.RefinementCtx,
): void {
  if (prompt.minLength !== undefined && prompt.minLength > prompt.maxLength) {
    ctx.addIssue({
      code: 'custom',
      path: ['minLength'],
      message: 'The minimum length is larger than the maximum length',
    });
  }
}

export const shortTextPromptSchema = z
  .strictObject({
    ...promptBase,
    kind: z.literal('short_text'),
    ...textLengthRules(SHORT_TEXT_MAX_LENGTH),
  })
  .superRefine(checkLengthOrder);

export const longTextPromptSchema = z
  .strictObject({
    ...promptBase,
    kind: z.literal('long_text'),
    ...textLengthRules(LONG_TEXT_MAX_LENGTH),
  })
  .superRefine(checkLengthOrder);

export const scalePromptSchema = z.strictObject({
  ...promptBase,
  kind: z.literal('scale'),
  /** Words shown under 0 and 10, e.g. "Not at all" / "Completely". */
  lowLabel: z.string().trim().min(1).max(60).optional(),
  highLabel: z.string().trim().min(1).max(60).optional(),
});

export const choiceOptionSchema = z.strictObject({
  value: slugSchema,
  label: z.string().trim().min(1, 'Write the option text').max(200),
});
export type ChoiceOption = z.output<typeof choiceOptionSchema>;

const choiceOptionsSchema = z
  .array(choiceOptionSchema)
  .min(MIN_CHOICE_OPTIONS, `Give at least ${MIN_CHOICE_OPTIONS} options`)
  .max(MAX_CHOICE_OPTIONS, `Give no more than ${MAX_CHOICE_OPTIONS} options`)
  .superRefine((options, ctx) => {
    const seen = new Set<string>();
    options.forEach((option, index) => {
      if (seen.has(option.value)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'value'],
          message: `The option value "${option.value}" is used twice`,
        });
      }
      seen.add(option.value);
    });
  });

export const singleChoicePromptSchema = z.strictObject({
  ...promptBase,
  kind: z.literal('single_choice'),
  options: choiceOptionsSchema,
});

const selectionRules = {
  /** An empty selection counts as "not answered", so the smallest meaningful minimum is 1. */
  minSelections: z.number().int().min(1).default(1),
  /** Omitted means "any number of the options". */
  maxSelections: z.number().int().min(1).optional(),
};

function checkSelectionRules(
  prompt: { options: ChoiceOption[]; minSelections: number; maxSelections?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  const count = prompt.options.length;
  if (prompt.minSelections > count) {
    ctx.addIssue({
      code: 'custom',
      path: ['minSelections'],
      message: `The minimum asks for more selections than the ${count} options offered`,
    });
  }
  if (prompt.maxSelections !== undefined && prompt.maxSelections > count) {
    ctx.addIssue({
      code: 'custom',
      path: ['maxSelections'],
      message: `The maximum allows more selections than the ${count} options offered`,
    });
  }
  if (prompt.maxSelections !== undefined && prompt.minSelections > prompt.maxSelections) {
    ctx.addIssue({
      code: 'custom',
      path: ['minSelections'],
      message: 'The minimum number of selections is larger than the maximum',
    });
  }
}

export const multipleChoicePromptSchema = z
  .strictObject({
    ...promptBase,
    kind: z.literal('multiple_choice'),
    options: choiceOptionsSchema,
    ...selectionRules,
  })
  .superRefine(checkSelectionRules);

/** Same answer shape as multiple_choice; shown as "things I did / agree to" tick boxes. */
export const checklistPromptSchema = z
  .strictObject({
    ...promptBase,
    kind: z.literal('checklist'),
    options: choiceOptionsSchema,
    ...selectionRules,
  })
  .superRefine(checkSelectionRules);

export const datePromptSchema = z
  .strictObject({
    ...promptBase,
    kind: z.literal('date'),
    minDate: isoDateSchema.optional(),
    maxDate: isoDateSchema.optional(),
  })
  .superRefine((prompt, ctx) => {
    // ISO dates compare correctly as strings.
    if (prompt.minDate !== undefined && prompt.maxDate !== undefined) {
      if (prompt.minDate > prompt.maxDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['minDate'],
          message: 'The earliest date is after the latest date',
        });
      }
    }
  });

export const yesNoPromptSchema = z.strictObject({
  ...promptBase,
  kind: z.literal('yes_no'),
});

export const promptSchema = z.discriminatedUnion(
  'kind',
  [
    longTextPromptSchema,
    shortTextPromptSchema,
    scalePromptSchema,
    singleChoicePromptSchema,
    multipleChoicePromptSchema,
    checklistPromptSchema,
    datePromptSchema,
    yesNoPromptSchema,
  ],
  { error: `Choose a prompt kind: ${PROMPT_KINDS.join(', ')}` },
);

/** Reads ids without trusting the shape, because this check also runs over broken prompts. */
function findDuplicateIds(prompts: ReadonlyArray<unknown>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  prompts.forEach((prompt, index) => {
    if (typeof prompt !== 'object' || prompt === null || !('id' in prompt)) return;
    const id = prompt.id;
    if (typeof id !== 'string') return;
    if (seen.has(id)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'id'],
        message: `The question id "${id}" is used twice`,
      });
    }
    seen.add(id);
  });
}

export const exerciseFormSchema = z.strictObject({
  prompts: z
    .array(promptSchema)
    .min(MIN_PROMPTS, 'Add at least one question')
    .max(MAX_PROMPTS, `Keep a form to ${MAX_PROMPTS} questions or fewer`)
    // Answers are keyed by prompt id, so two prompts with one id would overwrite each other.
    // Checked even when another prompt is malformed, so an author sees every problem at once.
    .superRefine(findDuplicateIds, { when: (payload) => Array.isArray(payload.value) }),
});

/** A prompt as stored after parsing: defaults (text caps, minimum selections) filled in. */
export type Prompt = z.output<typeof promptSchema>;
/** A prompt as an author writes it: caps and minimums may be left out. */
export type PromptInput = z.input<typeof promptSchema>;
export type LongTextPrompt = z.output<typeof longTextPromptSchema>;
export type ShortTextPrompt = z.output<typeof shortTextPromptSchema>;
export type ScalePrompt = z.output<typeof scalePromptSchema>;
export type SingleChoicePrompt = z.output<typeof singleChoicePromptSchema>;
export type MultipleChoicePrompt = z.output<typeof multipleChoicePromptSchema>;
export type ChecklistPrompt = z.output<typeof checklistPromptSchema>;
export type DatePrompt = z.output<typeof datePromptSchema>;
export type YesNoPrompt = z.output<typeof yesNoPromptSchema>;
export type ExerciseForm = z.output<typeof exerciseFormSchema>;
export type ExerciseFormInput = z.input<typeof exerciseFormSchema>;

/**
 * Parses an untrusted form (from an author, or a stored template version). Problems name the
 * path relative to the form, e.g. `prompts[2].options`.
 */
export function parseExerciseForm(input: unknown): Result<ExerciseForm> {
  const parsed = exerciseFormSchema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: issuesToProblems(parsed.error.issues, 'form') };
}
