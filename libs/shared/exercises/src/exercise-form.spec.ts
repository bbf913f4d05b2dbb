import {
  LONG_TEXT_MAX_LENGTH,
  PROMPT_KINDS,
  SHORT_TEXT_MAX_LENGTH,
  parseExerciseForm,
  type ExerciseForm,
} from './exercise-form';
import type { Problem } from './problem';

const options = (...values: string[]) =>
  values.map((value) => ({ value, label: `Label ${value}` }));

/** One valid prompt of every kind; each test breaks one thing. */
function validPrompts(): Record<string, unknown>[] {
  return [
    { id: 'story', kind: 'long_text', label: 'Tell the story', required: true },
    { id: 'title', kind: 'short_text', label: 'A title', required: false, minLength: 2 },
    {
      id: 'mood',
      kind: 'scale',
      label: 'Mood',
      required: true,
      lowLabel: 'Low',
      highLabel: 'High',
    },
    {
      id: 'pace',
      kind: 'single_choice',
      label: 'Pace',
      required: true,
      options: options('a', 'b'),
    },
    {
      id: 'feelings',
      kind: 'multiple_choice',
      label: 'Feelings',
      required: true,
      options: options('a', 'b', 'c'),
      maxSelections: 2,
    },
    { id: 'done', kind: 'checklist', label: 'Done', required: false, options: options('x', 'y') },
    {
      id: 'when',
      kind: 'date',
      label: 'When',
      required: true,
      minDate: '2025-01-01',
      maxDate: '2025-12-31',
    },
    { id: 'agree', kind: 'yes_no', label: 'Agree?', required: true },
  ];
}

function parsedForm(prompts: unknown[] = validPrompts()): ExerciseForm {
  const result = parseExerciseForm({ prompts });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function problemsOf(input: unknown): Problem[] {
  const result = parseExerciseForm(input);
  if (result.ok) throw new Error('expected the form to be rejected');
  return result.problems;
}

/** Replaces prompt `index` with `patch` merged in (a value of undefined removes the key). */
function withPrompt(
  index: number,
  patch: Record<string, unknown>,
): { prompts: Record<string, unknown>[] } {
  const prompts = validPrompts();
  const merged: Record<string, unknown> = { ...prompts[index], ...patch };
  for (const [key, value] of Object.entries(patch)) if (value === undefined) delete merged[key];
  prompts[index] = merged;
  return { prompts };
}

const fieldsOf = (problems: Problem[]) => problems.map((problem) => problem.field);

describe('parseExerciseForm', () => {
  it('accepts a form with every prompt kind', () => {
    const form = parsedForm();
    expect(form.prompts.map((prompt) => prompt.kind)).toEqual([...PROMPT_KINDS]);
  });

  it('fills in the text caps and the minimum selections when left out', () => {
    const form = parsedForm();
    const byId = new Map(form.prompts.map((prompt) => [prompt.id, prompt]));
    expect(byId.get('story')).toMatchObject({ maxLength: LONG_TEXT_MAX_LENGTH });
    expect(byId.get('title')).toMatchObject({ maxLength: SHORT_TEXT_MAX_LENGTH, minLength: 2 });
    expect(byId.get('feelings')).toMatchObject({ minSelections: 1, maxSelections: 2 });
  });

  it('trims labels', () => {
    const form = parsedForm(withPrompt(0, { label: '  Tell the story  ' }).prompts);
    expect(form.prompts[0]?.label).toBe('Tell the story');
  });

  it.each([
    ['not an object', null, 'form'],
    ['no prompts', { prompts: [] }, 'prompts'],
    ['a missing prompts list', {}, 'prompts'],
    ['an unknown top-level key', { prompts: validPrompts(), title: 'x' }, 'form'],
  ])('rejects %s', (_name, input, field) => {
    expect(fieldsOf(problemsOf(input))).toEqual([field]);
  });

  it('rejects more than 40 prompts and accepts exactly 40', () => {
    const prompt = (i: number) => ({ id: `q${i}`, kind: 'yes_no', label: 'Q', required: false });
    const forty = Array.from({ length: 40 }, (_, i) => prompt(i));
    expect(parseExerciseForm({ prompts: forty }).ok).toBe(true);
    const problems = problemsOf({ prompts: [...forty, prompt(40)] });
    expect(problems).toEqual([
      { field: 'prompts', message: 'Keep a form to 40 questions or fewer' },
    ]);
  });

  it('rejects duplicate prompt ids, naming the later one', () => {
    const problems = problemsOf(withPrompt(3, { id: 'story' }));
    expect(problems).toEqual([
      { field: 'prompts[3].id', message: 'The question id "story" is used twice' },
    ]);
  });

  it('reports duplicate ids even when another prompt is broken', () => {
    const { prompts } = withPrompt(3, { id: 'story' });
    prompts[5] = { id: 'done', kind: 'nonsense', label: 'x', required: true };
    expect(fieldsOf(problemsOf({ prompts }))).toEqual(
      expect.arrayContaining(['prompts[3].id', 'prompts[5].kind']),
    );
  });

  it.each([
    ['an id that is not a slug', 0, { id: 'Tell Story' }, 'prompts[0].id'],
    ['an id starting with a digit', 0, { id: '1st' }, 'prompts[0].id'],
    ['a missing id', 0, { id: undefined }, 'prompts[0].id'],
    ['an empty label', 1, { label: '   ' }, 'prompts[1].label'],
    ['a missing required flag', 7, { required: undefined }, 'prompts[7].required'],
    ['an unknown kind', 2, { kind: 'essay' }, 'prompts[2].kind'],
    ['an unknown key (a typo)', 1, { maxlength: 20 }, 'prompts[1]'],
    ['short text over 500 characters', 1, { maxLength: 501 }, 'prompts[1].maxLength'],
    ['long text over 10,000 characters', 0, { maxLength: 10_001 }, 'prompts[0].maxLength'],
    [
      'a text minimum above its maximum',
      1,
      { minLength: 30, maxLength: 20 },
      'prompts[1].minLength',
    ],
    ['a fractional text limit', 0, { maxLength: 10.5 }, 'prompts[0].maxLength'],
    ['empty options', 3, { options: [] }, 'prompts[3].options'],
    ['a single option', 3, { options: options('a') }, 'prompts[3].options'],
    ['missing options', 3, { options: undefined }, 'prompts[3].options'],
    [
      'more than 20 options',
      3,
      { options: options(...Array.from({ length: 21 }, (_, i) => `o${i}`)) },
      'prompts[3].options',
    ],
    ['duplicate option values', 3, { options: options('a', 'a') }, 'prompts[3].options[1].value'],
    [
      'an option value that is not a slug',
      3,
      { options: options('a', 'B!') },
      'prompts[3].options[1].value',
    ],
    [
      'an option with an empty label',
      3,
      {
        options: [
          { value: 'a', label: '' },
          { value: 'b', label: 'B' },
        ],
      },
      'prompts[3].options[0].label',
    ],
    [
      'minimum selections above maximum',
      4,
      { minSelections: 2, maxSelections: 1 },
      'prompts[4].minSelections',
    ],
    [
      'minimum selections above the option count',
      4,
      { minSelections: 4, maxSelections: undefined },
      'prompts[4].minSelections',
    ],
    [
      'maximum selections above the option count',
      5,
      { maxSelections: 3 },
      'prompts[5].maxSelections',
    ],
    ['a minimum of zero selections', 5, { minSelections: 0 }, 'prompts[5].minSelections'],
    ['a date limit that does not exist', 6, { minDate: '2025-02-29' }, 'prompts[6].minDate'],
    ['a date limit in another format', 6, { maxDate: '31/12/2025' }, 'prompts[6].maxDate'],
    ['an earliest date after the latest', 6, { minDate: '2026-01-01' }, 'prompts[6].minDate'],
    ['a text rule on a yes/no prompt', 7, { maxLength: 10 }, 'prompts[7]'],
    [
      'a scale anchor label that is too long',
      2,
      { lowLabel: 'x'.repeat(61) },
      'prompts[2].lowLabel',
    ],
  ])('rejects %s', (_name, index, patch, field) => {
    const problems = problemsOf(withPrompt(index, patch));
    expect(fieldsOf(problems)).toContain(field);
    for (const problem of problems) expect(problem.message.length).toBeGreaterThan(0);
  });

  it('accepts a leap day as a date limit', () => {
    expect(parseExerciseForm(withPrompt(6, { minDate: '2024-02-29', maxDate: undefined })).ok).toBe(
      true,
    );
  });

  it('reports every problem at once, each with its own path', () => {
    const { prompts } = withPrompt(3, { options: [] });
    prompts[1] = { ...prompts[1], maxLength: 600 };
    expect(fieldsOf(problemsOf({ prompts }))).toEqual([
      'prompts[1].maxLength',
      'prompts[3].options',
    ]);
  });
});
