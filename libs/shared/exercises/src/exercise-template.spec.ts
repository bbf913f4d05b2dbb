import { EXERCISE_THEMES, countSentences, parseExerciseTemplate } from './exercise-template';

function validTemplate(): Record<string, unknown> {
  return {
    key: 'sample-exercise',
    title: 'Sample',
    theme: 'listening',
    summary: 'A sample.',
    whyItHelps: 'It helps. It really does.',
    instructions: 'Do the thing.',
    estimatedMinutes: 10,
    completionModes: ['each', 'joint'],
    visibilityOptions: ['partner', 'reveal_after_both'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: { prompts: [{ id: 'ok', kind: 'yes_no', label: 'OK?', required: true }] },
  };
}

function fieldsFor(patch: Record<string, unknown>): string[] {
  const result = parseExerciseTemplate({ ...validTemplate(), ...patch });
  if (result.ok) throw new Error('expected the template to be rejected');
  return result.problems.map((problem) => problem.field);
}

describe('exercise template schema', () => {
  it.each(['Two\nlines', 'Carriage\rreturn', 'Line\u2028separator', 'Bell\u0007'])(
    'keeps the title on one line: refuses %j',
    (title) => {
      expect(fieldsFor({ title })).toEqual(['title']);
    },
  );

  it('accepts an ordinary title with accents and punctuation', () => {
    expect(parseExerciseTemplate({ ...validTemplate(), title: 'Diálogo: ¿qué sentí?' }).ok).toBe(
      true,
    );
  });

  it('has exactly the agreed themes', () => {
    expect([...EXERCISE_THEMES].sort()).toEqual(
      [
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
      ].sort(),
    );
  });

  it('accepts a valid template', () => {
    expect(parseExerciseTemplate(validTemplate())).toMatchObject({ ok: true });
  });

  it.each([
    ['a key that is not a slug', { key: 'Sample Exercise' }, 'key'],
    ['an unknown theme', { theme: 'jealousy' }, 'theme'],
    [
      'a default visibility outside the options',
      { defaultVisibility: 'therapist' },
      'defaultVisibility',
    ],
    ['no completion modes', { completionModes: [] }, 'completionModes'],
    ['a repeated completion mode', { completionModes: ['each', 'each'] }, 'completionModes'],
    ['an unknown completion mode', { completionModes: ['both'] }, 'completionModes[0]'],
    [
      'no visibility options',
      { visibilityOptions: [], defaultVisibility: 'partner' },
      'visibilityOptions',
    ],
    [
      'reveal-after-both without the each mode',
      { completionModes: ['joint'] },
      'visibilityOptions',
    ],
    [
      'therapist review with only therapist visibility',
      {
        requiresTherapistReview: true,
        visibilityOptions: ['therapist'],
        defaultVisibility: 'therapist',
      },
      'requiresTherapistReview',
    ],
    ['a why-it-helps of four sentences', { whyItHelps: 'One. Two. Three. Four.' }, 'whyItHelps'],
    ['a why-it-helps without an ending', { whyItHelps: 'It helps' }, 'whyItHelps'],
    ['zero minutes', { estimatedMinutes: 0 }, 'estimatedMinutes'],
    ['a fractional number of minutes', { estimatedMinutes: 2.5 }, 'estimatedMinutes'],
    ['an empty title', { title: '' }, 'title'],
    ['a broken form', { form: { prompts: [] } }, 'form.prompts'],
    [
      'a form problem deep inside',
      {
        form: {
          prompts: [{ id: 'x', kind: 'single_choice', label: 'X', required: true, options: [] }],
        },
      },
      'form.prompts[0].options',
    ],
    ['an unknown key', { author: 'me' }, 'template'],
  ])('rejects %s', (_name, patch, field) => {
    expect(fieldsFor(patch)).toContain(field);
  });

  it('accepts therapist review when the partner can see the answer', () => {
    const result = parseExerciseTemplate({
      ...validTemplate(),
      requiresTherapistReview: true,
      visibilityOptions: ['partner'],
    });
    expect(result).toMatchObject({ ok: true });
  });

  it('counts sentences', () => {
    expect(countSentences('One.')).toBe(1);
    expect(countSentences('One! Two? Three.')).toBe(3);
    expect(countSentences('  ')).toBe(0);
  });
});
