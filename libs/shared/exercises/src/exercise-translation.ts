import { z } from 'zod';
import type { Prompt } from './exercise-form';
import type { Program } from './exercise-program';
import { countSentences, titleSchema, type ExerciseTemplate } from './exercise-template';
import { issuesToProblems, type Result } from './problem';

/** The languages Mend's people read in; an exercise may carry its text in any of them. */
export const CONTENT_LOCALES = ['en', 'es'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
export const contentLocaleSchema = z.enum(CONTENT_LOCALES);

export function isContentLocale(value: unknown): value is ContentLocale {
  return CONTENT_LOCALES.some((locale) => locale === value);
}

/**
 * One prompt's shown text in another language. Only words: the id, kind, rules and option
 * values stay those of the original, so answers are stored and validated the same whatever
 * language the partner read the question in. Options are keyed by their value.
 */
export const promptTranslationSchema = z.strictObject({
  label: z.string().trim().min(1, 'Write the question').max(500),
  help: z.string().trim().min(1).max(2000).optional(),
  lowLabel: z.string().trim().min(1).max(60).optional(),
  highLabel: z.string().trim().min(1).max(60).optional(),
  options: z
    .record(z.string(), z.string().trim().min(1, 'Write the option text').max(200))
    .optional(),
});
export type PromptTranslation = z.output<typeof promptTranslationSchema>;

export const exerciseTranslationSchema = z.strictObject({
  title: titleSchema,
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
  instructions: z.string().trim().min(1).max(4000),
  /** Keyed by prompt id: every prompt of the exercise, and no other. */
  prompts: z.record(z.string(), promptTranslationSchema),
});
export type ExerciseTranslation = z.output<typeof exerciseTranslationSchema>;

/** A version's translations by language; the original text is not repeated here. */
export type ExerciseTranslations = Partial<Record<ContentLocale, ExerciseTranslation>>;

const OPTIONAL_PROMPT_TEXT = ['help', 'lowLabel', 'highLabel'] as const;

function promptOptions(prompt: Prompt): ReadonlyArray<{ value: string }> | undefined {
  return 'options' in prompt ? prompt.options : undefined;
}

/** A translation covers exactly the text the original shows: nothing missing, nothing extra. */
function checkCoverage(
  template: ExerciseTemplate,
  translation: ExerciseTranslation,
  at: ReadonlyArray<PropertyKey>,
  ctx: z.RefinementCtx,
): void {
  const issue = (path: PropertyKey[], message: string) =>
    ctx.addIssue({ code: 'custom', path: [...at, 'prompts', ...path], message });
  const ids = new Set(template.form.prompts.map((prompt) => prompt.id));
  for (const id of Object.keys(translation.prompts)) {
    if (!ids.has(id)) issue([id], `There is no question "${id}" in this exercise`);
  }
  for (const prompt of template.form.prompts) {
    const translated = translation.prompts[prompt.id];
    if (translated === undefined) {
      issue([prompt.id], `Translate the question "${prompt.id}"`);
      continue;
    }
    for (const field of OPTIONAL_PROMPT_TEXT) {
      const original =
        field in prompt ? (prompt as Partial<Record<string, unknown>>)[field] : undefined;
      if (original !== undefined && translated[field] === undefined) {
        issue([prompt.id, field], `Translate the ${field} of this question`);
      } else if (original === undefined && translated[field] !== undefined) {
        issue([prompt.id, field], `This question has no ${field} to translate`);
      }
    }
    const options = promptOptions(prompt);
    if (options === undefined) {
      if (translated.options !== undefined) {
        issue([prompt.id, 'options'], 'This question has no options to translate');
      }
      continue;
    }
    const values = new Set(options.map((option) => option.value));
    const labels = translated.options ?? {};
    for (const value of values) {
      if (labels[value] === undefined) {
        issue([prompt.id, 'options', value], `Translate the option "${value}"`);
      }
    }
    for (const value of Object.keys(labels)) {
      if (!values.has(value)) {
        issue([prompt.id, 'options', value], `There is no option "${value}" in this question`);
      }
    }
  }
}

/** The translations a given version may carry: checked against that version's prompts. */
export function exerciseTranslationsSchema(template: ExerciseTemplate) {
  return z
    .partialRecord(contentLocaleSchema, exerciseTranslationSchema)
    .superRefine((translations, ctx) => {
      for (const locale of CONTENT_LOCALES) {
        const translation = translations[locale];
        if (translation !== undefined) checkCoverage(template, translation, [locale], ctx);
      }
    });
}

/** Problems name their path, e.g. `translations.es.prompts.mood.lowLabel`. */
export function parseExerciseTranslations(
  template: ExerciseTemplate,
  input: unknown,
): Result<ExerciseTranslations> {
  const parsed = exerciseTranslationsSchema(template).safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: translationProblems(parsed.error.issues) };
}

/** Paths start at `translations`, the field an author or an API caller sends them in. */
function translationProblems(issues: ReadonlyArray<z.core.$ZodIssue>) {
  return issuesToProblems(
    issues.map((issue) => ({ ...issue, path: ['translations', ...issue.path] })),
    'translations',
  );
}

/** A text as a reader gets it, and which translation (if any) supplied it. */
export interface Localized<T> {
  value: T;
  translation: ContentLocale | null;
}

function localizePrompt(prompt: Prompt, translated: PromptTranslation | undefined): Prompt {
  if (translated === undefined) return prompt;
  const localized: Prompt = { ...prompt, label: translated.label };
  if (translated.help !== undefined) localized.help = translated.help;
  if (localized.kind === 'scale') {
    if (translated.lowLabel !== undefined) localized.lowLabel = translated.lowLabel;
    if (translated.highLabel !== undefined) localized.highLabel = translated.highLabel;
  }
  if ('options' in localized) {
    const labels = translated.options ?? {};
    localized.options = localized.options.map((option) => ({
      value: option.value,
      label: labels[option.value] ?? option.label,
    }));
  }
  return localized;
}

/**
 * The version in the reader's language when it has that translation, otherwise as written.
 * Only text changes; everything answers are checked against stays the original's.
 */
export function localizeExercise(
  template: ExerciseTemplate,
  translations: ExerciseTranslations | null | undefined,
  locale: ContentLocale,
): Localized<ExerciseTemplate> {
  const translation = translations?.[locale];
  if (translation === undefined) return { value: template, translation: null };
  return {
    value: {
      ...template,
      title: translation.title,
      summary: translation.summary,
      whyItHelps: translation.whyItHelps,
      instructions: translation.instructions,
      form: {
        prompts: template.form.prompts.map((prompt) =>
          localizePrompt(prompt, translation.prompts[prompt.id]),
        ),
      },
    },
    translation: locale,
  };
}

/** A program's shown text; its steps carry no words of their own (they name exercises). */
export const programTranslationSchema = z.strictObject({
  title: z.string().trim().min(1).max(120),
  summary: z.string().trim().min(1).max(600),
});
export type ProgramTranslation = z.output<typeof programTranslationSchema>;
export type ProgramTranslations = Partial<Record<ContentLocale, ProgramTranslation>>;
export const programTranslationsSchema = z.partialRecord(
  contentLocaleSchema,
  programTranslationSchema,
);

export function parseProgramTranslations(input: unknown): Result<ProgramTranslations> {
  const parsed = programTranslationsSchema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: translationProblems(parsed.error.issues) };
}

export function localizeProgramText(
  program: Pick<Program, 'title' | 'summary'>,
  translations: ProgramTranslations | null | undefined,
  locale: ContentLocale,
): Localized<Pick<Program, 'title' | 'summary'>> {
  const translation = translations?.[locale];
  return translation === undefined
    ? { value: { title: program.title, summary: program.summary }, translation: null }
    : { value: { title: translation.title, summary: translation.summary }, translation: locale };
}
