import { NOT_IN_EXERCISE, PLEASE_ANSWER, validateAnswers } from './answer-validation';
import { parseExerciseForm, type ExerciseForm } from './exercise-form';

const options = (...values: string[]) =>
  values.map((value) => ({ value, label: `Label ${value}` }));

function formOf(prompts: unknown[]): ExerciseForm {
  const result = parseExerciseForm({ prompts });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const form = formOf([
  { id: 'story', kind: 'long_text', label: 'Story', required: true, minLength: 10, maxLength: 50 },
  { id: 'name', kind: 'short_text', label: 'Name', required: true },
  { id: 'mood', kind: 'scale', label: 'Mood', required: true },
  {
    id: 'pace',
    kind: 'single_choice',
    label: 'Pace',
    required: true,
    options: options('slow', 'right', 'fast'),
  },
  {
    id: 'feelings',
    kind: 'multiple_choice',
    label: 'Feelings',
    required: true,
    options: options('a', 'b', 'c', 'd'),
    minSelections: 2,
    maxSelections: 3,
  },
  {
    id: 'done',
    kind: 'checklist',
    label: 'Done',
    required: false,
    options: options('x', 'y', 'z'),
  },
  {
    id: 'when',
    kind: 'date',
    label: 'When',
    required: true,
    minDate: '2025-01-01',
    maxDate: '2025-12-31',
  },
  { id: 'agree', kind: 'yes_no', label: 'Agree?', required: true },
]);

const complete: Record<string, unknown> = {
  story: 'It was a long day.',
  name: 'Sam',
  mood: 7,
  pace: 'right',
  feelings: ['a', 'b'],
  when: '2025-06-01',
  agree: false,
};

function problemsFor(answers: unknown, draft = false) {
  const result = validateAnswers(form, answers, { draft });
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.value)}`);
  return result.problems;
}

function valueFor(answers: unknown, draft = false) {
  const result = validateAnswers(form, answers, { draft });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const withAnswer = (id: string, value: unknown) => ({ ...complete, [id]: value });
const without = (id: string) =>
  Object.fromEntries(Object.entries(complete).filter(([k]) => k !== id));

/** The one problem expected when a single answer is wrong. */
function onlyProblem(id: string, value: unknown, draft = false) {
  const problems = problemsFor(withAnswer(id, value), draft);
  expect(problems).toHaveLength(1);
  expect(problems[0]?.field).toBe(`answers.${id}`);
  return problems[0]?.message;
}

describe('validateAnswers', () => {
  it('accepts a complete, well-formed set of answers', () => {
    expect(valueFor(complete)).toEqual(complete);
  });

  it('omits unanswered optional prompts from the value', () => {
    expect(valueFor(complete)).not.toHaveProperty('done');
  });

  it('rejects answers that are not an object keyed by question id', () => {
    for (const answers of [null, [], 'story', 42, new Date()]) {
      expect(problemsFor(answers)).toEqual([
        { field: 'answers', message: 'Answers must be an object keyed by question id' },
      ]);
    }
  });

  it('rejects unknown prompt ids instead of dropping them', () => {
    expect(problemsFor({ ...complete, extra: 'x', constructor: 1 })).toEqual([
      { field: 'answers.extra', message: NOT_IN_EXERCISE },
      { field: 'answers.constructor', message: NOT_IN_EXERCISE },
    ]);
  });

  it('rejects unknown prompt ids in draft mode too', () => {
    expect(problemsFor({ extra: 'x' }, true)).toEqual([
      { field: 'answers.extra', message: NOT_IN_EXERCISE },
    ]);
  });

  it('reports every missing required prompt, in form order', () => {
    expect(problemsFor({})).toEqual(
      ['story', 'name', 'mood', 'pace', 'feelings', 'when', 'agree'].map((id) => ({
        field: `answers.${id}`,
        message: PLEASE_ANSWER,
      })),
    );
  });

  it('treats null as not answered', () => {
    expect(onlyProblem('mood', null)).toBe(PLEASE_ANSWER);
    expect(valueFor(withAnswer('done', null))).not.toHaveProperty('done');
  });

  describe('long_text', () => {
    it('trims and normalises line endings', () => {
      expect(valueFor(withAnswer('story', '  Line one\r\nline two \n')).story).toBe(
        'Line one\nline two',
      );
    });
    it('rejects a non-string', () => {
      expect(onlyProblem('story', 42)).toBe('Please write your answer as text');
    });
    it('rejects text over the maximum, counting characters not code units', () => {
      expect(onlyProblem('story', 'x'.repeat(51))).toBe(
        'Keep this to 50 characters or fewer (it is 51 now)',
      );
      expect(valueFor(withAnswer('story', '😀'.repeat(50))).story).toBe('😀'.repeat(50));
    });
    it('rejects text under the minimum, after trimming', () => {
      expect(onlyProblem('story', '   too short    ')).toBe(
        'Please write a little more: at least 10 characters',
      );
    });
    it('treats whitespace-only text as missing', () => {
      expect(onlyProblem('story', ' \n\t ')).toBe(PLEASE_ANSWER);
    });
    it('allows a missing or short answer in a draft, but not an over-long one', () => {
      expect(valueFor(withAnswer('story', 'short'), true).story).toBe('short');
      expect(valueFor(without('story'), true)).not.toHaveProperty('story');
      expect(onlyProblem('story', 'x'.repeat(51), true)).toMatch(/^Keep this to 50 characters/);
    });
  });

  describe('short_text', () => {
    it('accepts text up to the default 500 characters and trims it', () => {
      expect(valueFor(withAnswer('name', ` ${'n'.repeat(500)} `)).name).toBe('n'.repeat(500));
    });
    it('rejects text over 500 characters', () => {
      expect(onlyProblem('name', 'n'.repeat(501))).toBe(
        'Keep this to 500 characters or fewer (it is 501 now)',
      );
    });
    it('rejects a non-string', () => {
      expect(onlyProblem('name', ['Sam'])).toBe('Please write your answer as text');
    });
    it('requires an answer, except in a draft', () => {
      expect(onlyProblem('name', '')).toBe(PLEASE_ANSWER);
      expect(validateAnswers(form, without('name'), { draft: true }).ok).toBe(true);
    });
  });

  describe('scale', () => {
    it.each([0, 5, 10])('accepts %d', (mood) => {
      expect(valueFor(withAnswer('mood', mood)).mood).toBe(mood);
    });
    it.each([-1, 11, 7.5, Number.NaN, Infinity, '7', true])('rejects %p', (mood) => {
      expect(onlyProblem('mood', mood)).toBe('Choose a whole number from 0 to 10');
    });
    it('treats an empty string, as a cleared number input sends, as missing', () => {
      expect(onlyProblem('mood', '')).toBe(PLEASE_ANSWER);
    });
    it('still checks the range in a draft', () => {
      expect(onlyProblem('mood', 12, true)).toBe('Choose a whole number from 0 to 10');
    });
  });

  describe('single_choice', () => {
    it('accepts a listed option', () => {
      expect(valueFor(withAnswer('pace', 'fast')).pace).toBe('fast');
    });
    it.each(['medium', 'Fast', 1, ['fast'], { value: 'fast' }])('rejects %p', (pace) => {
      expect(onlyProblem('pace', pace)).toBe('Pick one of the listed options');
    });
    it('still checks the option in a draft', () => {
      expect(onlyProblem('pace', 'medium', true)).toBe('Pick one of the listed options');
    });
  });

  describe('multiple_choice', () => {
    it('dedupes and orders selections by option order', () => {
      expect(valueFor(withAnswer('feelings', ['c', 'a', 'c'])).feelings).toEqual(['a', 'c']);
    });
    it('rejects a value that is not an array', () => {
      expect(onlyProblem('feelings', 'a')).toBe('Choose from the listed options');
    });
    it('rejects an unlisted option', () => {
      expect(onlyProblem('feelings', ['a', 'e'])).toBe('Pick only from the listed options');
      expect(onlyProblem('feelings', ['a', 1])).toBe('Pick only from the listed options');
    });
    it('rejects too few or too many selections', () => {
      expect(onlyProblem('feelings', ['a'])).toBe('Choose between 2 and 3 options');
      expect(onlyProblem('feelings', ['a', 'b', 'c', 'd'])).toBe('Choose between 2 and 3 options');
    });
    it('counts selections after removing duplicates', () => {
      expect(onlyProblem('feelings', ['a', 'a'])).toBe('Choose between 2 and 3 options');
    });
    it('treats an empty selection as missing', () => {
      expect(onlyProblem('feelings', [])).toBe(PLEASE_ANSWER);
    });
    it('lets a draft hold too few selections but never too many', () => {
      expect(valueFor(withAnswer('feelings', ['b']), true).feelings).toEqual(['b']);
      expect(onlyProblem('feelings', ['a', 'b', 'c', 'd'], true)).toBe(
        'Choose between 2 and 3 options',
      );
    });
    it('says "exactly" when the minimum and maximum agree', () => {
      const exact = formOf([
        {
          id: 'two',
          kind: 'multiple_choice',
          label: 'Two',
          required: true,
          options: options('a', 'b', 'c'),
          minSelections: 2,
          maxSelections: 2,
        },
      ]);
      expect(validateAnswers(exact, { two: ['a'] })).toEqual({
        ok: false,
        problems: [{ field: 'answers.two', message: 'Choose exactly 2 options' }],
      });
    });
  });

  describe('checklist', () => {
    it('accepts any listed items, in option order', () => {
      expect(valueFor(withAnswer('done', ['z', 'x'])).done).toEqual(['x', 'z']);
    });
    it('rejects an unlisted item or a non-array', () => {
      expect(onlyProblem('done', ['w'])).toBe('Pick only from the listed items');
      expect(onlyProblem('done', 'x')).toBe('Choose from the listed items');
    });
    it('rejects too few ticks when a minimum is set', () => {
      const all = formOf([
        {
          id: 'all',
          kind: 'checklist',
          label: 'All',
          required: true,
          options: options('a', 'b'),
          minSelections: 2,
        },
      ]);
      expect(validateAnswers(all, { all: ['a'] })).toEqual({
        ok: false,
        problems: [{ field: 'answers.all', message: 'Choose exactly 2 items' }],
      });
      expect(validateAnswers(all, { all: ['a'] }, { draft: true }).ok).toBe(true);
    });
    it('omits an empty optional checklist', () => {
      expect(valueFor(withAnswer('done', []))).not.toHaveProperty('done');
    });
  });

  describe('date', () => {
    it.each(['2025-01-01', '2025-06-30', '2025-12-31'])('accepts %s', (when) => {
      expect(valueFor(withAnswer('when', when)).when).toBe(when);
    });
    it.each(['2025-6-1', '01/06/2025', '2025-06-01T00:00:00Z', 20250601, 'soon'])(
      'rejects the malformed %p',
      (when) => {
        expect(onlyProblem('when', when)).toBe('Enter a date written like 2025-03-14');
      },
    );
    it('treats an empty string, as a cleared date input sends, as missing', () => {
      expect(onlyProblem('when', '')).toBe(PLEASE_ANSWER);
      expect(valueFor(withAnswer('when', ''), true)).not.toHaveProperty('when');
    });
    it.each(['2025-02-29', '2025-04-31', '2025-13-01', '2025-00-10'])(
      'rejects %s, which is not on the calendar',
      (when) => {
        expect(onlyProblem('when', when)).toBe('That date does not exist on the calendar');
      },
    );
    it('rejects dates outside the allowed range, in words people read', () => {
      expect(onlyProblem('when', '2024-12-31')).toBe('Choose a date on or after 1 January 2025');
      expect(onlyProblem('when', '2026-01-01')).toBe('Choose a date on or before 31 December 2025');
    });
    it('still checks the range in a draft', () => {
      expect(onlyProblem('when', '2026-01-01', true)).toMatch(/^Choose a date on or before/);
    });
  });

  describe('yes_no', () => {
    it.each([true, false])('accepts %p', (agree) => {
      expect(valueFor(withAnswer('agree', agree)).agree).toBe(agree);
    });
    it.each(['yes', 1, 0, 'false'])('rejects %p', (agree) => {
      expect(onlyProblem('agree', agree)).toBe('Please answer yes or no');
    });
    it('requires an answer unless drafting', () => {
      expect(problemsFor(without('agree'))).toEqual([
        { field: 'answers.agree', message: PLEASE_ANSWER },
      ]);
      expect(valueFor(without('agree'), true)).not.toHaveProperty('agree');
    });
  });

  it('stores an empty draft as an empty value', () => {
    expect(valueFor({}, true)).toEqual({});
  });
});
