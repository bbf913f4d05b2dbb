import fc from 'fast-check';
import { validateAnswers, type AnswerValue, type ExerciseAnswers } from './answer-validation';
import {
  parseExerciseForm,
  type ExerciseForm,
  type Prompt,
  type PromptInput,
} from './exercise-form';

// Prompt shapes without ids; ids are assigned by position so they are always unique.
type PromptDraft = PromptInput extends infer P
  ? P extends unknown
    ? Omit<P, 'id'>
    : never
  : never;

const DAY_MS = 86_400_000;
const EPOCH_2000 = Date.UTC(2000, 0, 1);
const isoDay = (day: number) => new Date(EPOCH_2000 + day * DAY_MS).toISOString().slice(0, 10);

const required = fc.boolean();

const textPrompt: fc.Arbitrary<PromptDraft> = fc
  .tuple(
    fc.constantFrom('short_text' as const, 'long_text' as const),
    // Long enough to exercise limits, short enough to keep each run fast.
    fc.integer({ min: 1, max: 300 }),
    fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
    required,
  )
  .map(([kind, maxLength, min, isRequired]) => ({
    kind,
    label: 'Text',
    required: isRequired,
    maxLength,
    ...(min === undefined ? {} : { minLength: Math.min(min, maxLength) }),
  }));

const scalePrompt: fc.Arbitrary<PromptDraft> = required.map((isRequired) => ({
  kind: 'scale' as const,
  label: 'Scale',
  required: isRequired,
}));

const yesNoPrompt: fc.Arbitrary<PromptDraft> = required.map((isRequired) => ({
  kind: 'yes_no' as const,
  label: 'Yes or no',
  required: isRequired,
}));

const optionList = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ value: `o${i}`, label: `Option ${i}` }));

const singleChoicePrompt: fc.Arbitrary<PromptDraft> = fc
  .tuple(fc.integer({ min: 2, max: 20 }), required)
  .map(([count, isRequired]) => ({
    kind: 'single_choice' as const,
    label: 'One',
    required: isRequired,
    options: optionList(count),
  }));

const selectionPrompt: fc.Arbitrary<PromptDraft> = fc
  .integer({ min: 2, max: 8 })
  .chain((count) =>
    fc.tuple(
      fc.constant(count),
      fc.constantFrom('multiple_choice' as const, 'checklist' as const),
      fc.integer({ min: 1, max: count }),
      fc.option(fc.integer({ min: 1, max: count }), { nil: undefined }),
      required,
    ),
  )
  .map(([count, kind, a, b, isRequired]) => ({
    kind,
    label: 'Many',
    required: isRequired,
    options: optionList(count),
    minSelections: b === undefined ? a : Math.min(a, b),
    ...(b === undefined ? {} : { maxSelections: Math.max(a, b) }),
  }));

const datePrompt: fc.Arbitrary<PromptDraft> = fc
  .tuple(
    fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    fc.option(fc.integer({ min: 0, max: 20_000 }), { nil: undefined }),
    required,
  )
  .map(([a, b, isRequired]) => {
    const [lo, hi] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
    return {
      kind: 'date' as const,
      label: 'Date',
      required: isRequired,
      ...(lo === undefined ? {} : { minDate: isoDay(lo) }),
      ...(hi === undefined ? {} : { maxDate: isoDay(hi) }),
    };
  });

const formInput = fc
  .array(
    fc.oneof(textPrompt, scalePrompt, yesNoPrompt, singleChoicePrompt, selectionPrompt, datePrompt),
    { minLength: 1, maxLength: 8 },
  )
  .map((drafts) => ({ prompts: drafts.map((draft, i) => ({ ...draft, id: `q${i}` })) }));

function parsed(input: unknown): ExerciseForm {
  const result = parseExerciseForm(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const dayOf = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - EPOCH_2000) / DAY_MS);

/** A valid raw answer (possibly padded or shuffled) and the value it should normalise to. */
function answerFor(prompt: Prompt): fc.Arbitrary<{ raw: unknown; expected: AnswerValue }> {
  switch (prompt.kind) {
    case 'short_text':
    case 'long_text': {
      const pad = fc.constantFrom('', ' ', '\n', ' \t\r\n');
      const core = fc
        .array(fc.constantFrom('a', 'Z', 'é', '😀', '.', '-'), {
          minLength: prompt.minLength ?? 1,
          maxLength: prompt.maxLength,
        })
        .map((chars) => chars.join(''));
      return fc.tuple(pad, core, pad).map(([before, text, after]) => ({
        raw: `${before}${text}${after}`,
        expected: text,
      }));
    }
    case 'scale':
      return fc.integer({ min: 0, max: 10 }).map((n) => ({ raw: n, expected: n }));
    case 'yes_no':
      return fc.boolean().map((b) => ({ raw: b, expected: b }));
    case 'single_choice':
      return fc
        .constantFrom(...prompt.options.map((option) => option.value))
        .map((v) => ({ raw: v, expected: v }));
    case 'multiple_choice':
    case 'checklist': {
      const values = prompt.options.map((option) => option.value);
      const chosen = fc.shuffledSubarray(values, {
        minLength: prompt.minSelections,
        maxLength: prompt.maxSelections ?? values.length,
      });
      return chosen.chain((picked) =>
        fc.subarray(picked).map((repeats) => ({
          raw: [...picked, ...repeats],
          expected: values.filter((v) => picked.includes(v)),
        })),
      );
    }
    case 'date': {
      const min = prompt.minDate === undefined ? 0 : dayOf(prompt.minDate);
      const max = prompt.maxDate === undefined ? 20_000 : dayOf(prompt.maxDate);
      return fc.integer({ min, max }).map((day) => ({ raw: isoDay(day), expected: isoDay(day) }));
    }
  }
}

/** A form together with a valid set of answers to it and their expected normalised value. */
const formWithAnswers = formInput.chain((input) => {
  const form = parsed(input);
  const perPrompt = form.prompts.map((prompt) =>
    fc.tuple(
      fc.constant(prompt.id),
      prompt.required ? fc.constant(true) : fc.boolean(),
      answerFor(prompt),
    ),
  );
  return fc.tuple(...perPrompt).map((entries) => {
    const answers: Record<string, unknown> = {};
    const expected: ExerciseAnswers = {};
    for (const [id, answered, { raw, expected: value }] of entries) {
      if (!answered) continue;
      answers[id] = raw;
      expected[id] = value;
    }
    return { form, answers, expected };
  });
});

describe('answer validation properties', () => {
  it('every generated valid form parses', () => {
    fc.assert(
      fc.property(formInput, (input) => {
        expect(parseExerciseForm(input).ok).toBe(true);
      }),
    );
  });

  it('any valid answer set validates and normalises to the expected value', () => {
    fc.assert(
      fc.property(formWithAnswers, ({ form, answers, expected }) => {
        expect(validateAnswers(form, answers)).toEqual({ ok: true, value: expected });
      }),
    );
  });

  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(formWithAnswers, ({ form, answers }) => {
        const once = validateAnswers(form, answers);
        if (!once.ok) throw new Error(JSON.stringify(once.problems));
        expect(validateAnswers(form, once.value)).toEqual(once);
      }),
    );
  });

  it('a draft accepts whatever a submission accepts, with the same value', () => {
    fc.assert(
      fc.property(formWithAnswers, ({ form, answers }) => {
        expect(validateAnswers(form, answers, { draft: true })).toEqual(
          validateAnswers(form, answers),
        );
      }),
    );
  });

  it('an answer to a question the form does not have is always reported', () => {
    fc.assert(
      fc.property(formWithAnswers, fc.string({ minLength: 1 }), ({ form, answers }, key) => {
        fc.pre(!form.prompts.some((prompt) => prompt.id === key));
        const result = validateAnswers(form, { ...answers, [key]: 'x' }, { draft: true });
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems.map((p) => p.field)).toContain(`answers.${key}`);
      }),
    );
  });

  it('never throws on junk, and names a known field in every problem', () => {
    fc.assert(
      fc.property(
        formInput,
        fc.oneof(
          fc.anything(),
          fc.dictionary(fc.constantFrom('q0', 'q1', 'q2', 'zz'), fc.anything()),
        ),
        fc.boolean(),
        (input, junk, draft) => {
          const form = parsed(input);
          const result = validateAnswers(form, junk, { draft });
          if (result.ok) return;
          const ids = new Set(form.prompts.map((prompt) => `answers.${prompt.id}`));
          for (const problem of result.problems) {
            expect(problem.message).not.toBe('');
            expect(
              problem.field === 'answers' ||
                ids.has(problem.field) ||
                (typeof junk === 'object' && junk !== null && problem.field.startsWith('answers.')),
            ).toBe(true);
          }
        },
      ),
    );
  });
});
