import type {
  ChecklistPrompt,
  DatePrompt,
  ExerciseForm,
  LongTextPrompt,
  MultipleChoicePrompt,
  Prompt,
  ShortTextPrompt,
  SingleChoicePrompt,
} from './exercise-form';
import { SCALE_MAX, SCALE_MIN } from './exercise-form';
import { formatIsoDateForPeople, isIsoDate, looksLikeIsoDate } from './iso-date';
import type { Problem, Result } from './problem';

/** text → string, scale → integer, choices → option value(s), date → YYYY-MM-DD, yes_no → boolean. */
export type AnswerValue = string | number | boolean | string[];

/** Normalised answers keyed by prompt id; unanswered optional prompts are absent. */
export type ExerciseAnswers = Record<string, AnswerValue>;

export interface ValidateAnswersOptions {
  /**
   * A draft is saved work in progress: required prompts may be unanswered and minimums (text
   * length, number of selections) are not yet enforced. Everything else still is — type, option
   * values, scale range, dates, maximum lengths — so a stored draft is always safe to render
   * and can only fail a later submit on completeness.
   */
  draft?: boolean;
}

export const PLEASE_ANSWER = 'Please answer this question';
export const NOT_IN_EXERCISE = 'This question is not part of this exercise';

type Checked =
  { kind: 'absent' } | { kind: 'value'; value: AnswerValue } | { kind: 'problem'; message: string };

const ABSENT: Checked = { kind: 'absent' };
const value = (v: AnswerValue): Checked => ({ kind: 'value', value: v });
const problem = (message: string): Checked => ({ kind: 'problem', message });

function isPlainRecord(input: unknown): input is Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const proto: unknown = Object.getPrototypeOf(input);
  return proto === Object.prototype || proto === null;
}

const formatCount = (n: number): string => n.toLocaleString('en-US');

/** Counts what a person sees as characters, so an emoji is one, not two UTF-16 units. */
const characterCount = (text: string): number => [...text].length;

function checkText(
  prompt: ShortTextPrompt | LongTextPrompt,
  raw: unknown,
  draft: boolean,
): Checked {
  if (typeof raw !== 'string') return problem('Please write your answer as text');
  // Windows line endings would count twice against the limit and differ between devices.
  const text = raw.replace(/\r\n?/g, '\n').trim();
  const length = characterCount(text);
  if (length > prompt.maxLength) {
    return problem(
      `Keep this to ${formatCount(prompt.maxLength)} characters or fewer (it is ${formatCount(length)} now)`,
    );
  }
  if (!draft && prompt.minLength !== undefined && length < prompt.minLength) {
    return problem(
      `Please write a little more: at least ${formatCount(prompt.minLength)} characters`,
    );
  }
  return value(text);
}

function checkScale(raw: unknown): Checked {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < SCALE_MIN || raw > SCALE_MAX) {
    return problem(`Choose a whole number from ${SCALE_MIN} to ${SCALE_MAX}`);
  }
  return value(raw);
}

function checkSingleChoice(prompt: SingleChoicePrompt, raw: unknown): Checked {
  if (typeof raw !== 'string' || !prompt.options.some((option) => option.value === raw)) {
    return problem('Pick one of the listed options');
  }
  return value(raw);
}

function selectionRangeMessage(min: number, max: number, noun: string): string {
  const plural = (n: number) => (n === 1 ? noun : `${noun}s`);
  if (min === max) return `Choose exactly ${min} ${plural(min)}`;
  return `Choose between ${min} and ${max} ${plural(max)}`;
}

function checkSelections(
  prompt: MultipleChoicePrompt | ChecklistPrompt,
  raw: unknown,
  draft: boolean,
): Checked {
  const noun = prompt.kind === 'checklist' ? 'item' : 'option';
  if (!Array.isArray(raw)) return problem(`Choose from the listed ${noun}s`);
  const chosen = new Set<unknown>(raw);
  const known = new Set(prompt.options.map((option) => option.value));
  for (const item of chosen) {
    if (typeof item !== 'string' || !known.has(item)) {
      return problem(`Pick only from the listed ${noun}s`);
    }
  }
  // Option order, not click order: the same selection always stores the same way.
  const selected = prompt.options
    .filter((option) => chosen.has(option.value))
    .map((option) => option.value);
  if (selected.length === 0) return ABSENT;
  const min = prompt.minSelections;
  const max = prompt.maxSelections ?? prompt.options.length;
  const tooFew = !draft && selected.length < min;
  if (tooFew || selected.length > max) return problem(selectionRangeMessage(min, max, noun));
  return value(selected);
}

function checkDate(prompt: DatePrompt, raw: unknown): Checked {
  if (typeof raw !== 'string' || !looksLikeIsoDate(raw)) {
    return problem('Enter a date written like 2025-03-14');
  }
  if (!isIsoDate(raw)) return problem('That date does not exist on the calendar');
  if (prompt.minDate !== undefined && raw < prompt.minDate) {
    return problem(`Choose a date on or after ${formatIsoDateForPeople(prompt.minDate)}`);
  }
  if (prompt.maxDate !== undefined && raw > prompt.maxDate) {
    return problem(`Choose a date on or before ${formatIsoDateForPeople(prompt.maxDate)}`);
  }
  return value(raw);
}

function checkYesNo(raw: unknown): Checked {
  return typeof raw === 'boolean' ? value(raw) : problem('Please answer yes or no');
}

function checkAnswer(prompt: Prompt, raw: unknown, draft: boolean): Checked {
  // Forms send null or an empty string for a cleared field (an empty date or number input
  // gives ""), so both mean "not answered" for every kind, never a wrongly typed value.
  if (raw === undefined || raw === null) return ABSENT;
  if (typeof raw === 'string' && raw.trim() === '') return ABSENT;
  switch (prompt.kind) {
    case 'short_text':
    case 'long_text':
      return checkText(prompt, raw, draft);
    case 'scale':
      return checkScale(raw);
    case 'single_choice':
      return checkSingleChoice(prompt, raw);
    case 'multiple_choice':
    case 'checklist':
      return checkSelections(prompt, raw, draft);
    case 'date':
      return checkDate(prompt, raw);
    case 'yes_no':
      return checkYesNo(raw);
  }
}

/**
 * Checks a partner's answers against the form of the exercise version that was assigned.
 * `answers` is the untrusted body (`{ [promptId]: value }`); problems are reported for every
 * prompt at once, in form order, then for ids the form does not have (never silently dropped).
 */
export function validateAnswers(
  form: ExerciseForm,
  answers: unknown,
  options: ValidateAnswersOptions = {},
): Result<ExerciseAnswers> {
  const draft = options.draft ?? false;
  if (!isPlainRecord(answers)) {
    return {
      ok: false,
      problems: [{ field: 'answers', message: 'Answers must be an object keyed by question id' }],
    };
  }
  const problems: Problem[] = [];
  const normalised: ExerciseAnswers = {};
  const promptIds = new Set<string>();
  for (const prompt of form.prompts) {
    promptIds.add(prompt.id);
    const raw = Object.hasOwn(answers, prompt.id) ? answers[prompt.id] : undefined;
    const checked = checkAnswer(prompt, raw, draft);
    const field = `answers.${prompt.id}`;
    switch (checked.kind) {
      case 'value':
        normalised[prompt.id] = checked.value;
        break;
      case 'problem':
        problems.push({ field, message: checked.message });
        break;
      case 'absent':
        if (prompt.required && !draft) problems.push({ field, message: PLEASE_ANSWER });
        break;
    }
  }
  for (const key of Object.keys(answers)) {
    if (!promptIds.has(key)) problems.push({ field: `answers.${key}`, message: NOT_IN_EXERCISE });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: normalised };
}
