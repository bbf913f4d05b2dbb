import { validateAnswers } from './answer-validation';
import { exerciseTemplateSchema, type ExerciseTemplate } from './exercise-template';
import {
  localizeExercise,
  localizeProgramText,
  parseExerciseTranslations,
  parseProgramTranslations,
  type ExerciseTranslation,
} from './exercise-translation';

const template: ExerciseTemplate = exerciseTemplateSchema.parse({
  key: 'sample',
  title: 'Sample',
  theme: 'communication',
  summary: 'A sample.',
  whyItHelps: 'It helps.',
  instructions: 'Do it.',
  estimatedMinutes: 5,
  completionModes: ['each'],
  visibilityOptions: ['partner'],
  defaultVisibility: 'partner',
  requiresTherapistReview: false,
  form: {
    prompts: [
      {
        id: 'mood',
        kind: 'scale',
        label: 'Mood?',
        lowLabel: 'Low',
        highLabel: 'High',
        required: true,
      },
      {
        id: 'pick',
        kind: 'single_choice',
        label: 'Pick one',
        help: 'Any will do.',
        required: true,
        options: [
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ],
      },
      { id: 'note', kind: 'short_text', label: 'A note', required: false, maxLength: 20 },
    ],
  },
});

function spanish(): ExerciseTranslation {
  return {
    title: 'Ejemplo',
    summary: 'Un ejemplo.',
    whyItHelps: 'Ayuda.',
    instructions: 'Hazlo.',
    prompts: {
      mood: { label: '¿Ánimo?', lowLabel: 'Bajo', highLabel: 'Alto' },
      pick: { label: 'Elige una', help: 'Cualquiera vale.', options: { a: 'Uno', b: 'Dos' } },
      note: { label: 'Una nota' },
    },
  };
}

function problemsFor(es: unknown): Record<string, string> {
  const result = parseExerciseTranslations(template, { es });
  if (result.ok) throw new Error('expected the translation to be rejected');
  return Object.fromEntries(result.problems.map((problem) => [problem.field, problem.message]));
}

describe('exercise translations', () => {
  it('accepts a translation that covers every shown text, and no translations at all', () => {
    expect(parseExerciseTranslations(template, { es: spanish() })).toMatchObject({ ok: true });
    expect(parseExerciseTranslations(template, {})).toEqual({ ok: true, value: {} });
  });

  it('names a missing question, option, help and scale word by path', () => {
    const es = spanish();
    delete es.prompts['note'];
    es.prompts['pick'] = { label: 'Elige una', options: { a: 'Uno' } };
    es.prompts['mood'] = { label: '¿Ánimo?', lowLabel: 'Bajo' };
    expect(problemsFor(es)).toEqual({
      'translations.es.prompts.note': 'Translate the question "note"',
      'translations.es.prompts.pick.options.b': 'Translate the option "b"',
      'translations.es.prompts.pick.help': 'Translate the help of this question',
      'translations.es.prompts.mood.highLabel': 'Translate the highLabel of this question',
    });
  });

  it('rejects unknown questions, options and text the original does not have', () => {
    const es = spanish();
    es.prompts['ghost'] = { label: 'Fantasma' };
    es.prompts['pick'] = {
      label: 'Elige una',
      help: 'Cualquiera vale.',
      options: { a: 'Uno', b: 'Dos', c: 'Tres' },
    };
    es.prompts['note'] = { label: 'Una nota', help: 'Breve.', options: { x: 'X' } };
    expect(problemsFor(es)).toEqual({
      'translations.es.prompts.ghost': 'There is no question "ghost" in this exercise',
      'translations.es.prompts.pick.options.c': 'There is no option "c" in this question',
      'translations.es.prompts.note.help': 'This question has no help to translate',
      'translations.es.prompts.note.options': 'This question has no options to translate',
    });
  });

  it('rejects structure in a translation, an unknown language and empty text', () => {
    const es = { ...spanish(), estimatedMinutes: 3, title: ' ' };
    const fields = Object.keys(problemsFor(es));
    expect(fields).toEqual(expect.arrayContaining(['translations.es', 'translations.es.title']));
    const french = parseExerciseTranslations(template, { fr: spanish() });
    expect(french.ok).toBe(false);
  });

  it('swaps only the words, so answers validate the same in either language', () => {
    const { value: localized, translation } = localizeExercise(template, { es: spanish() }, 'es');
    expect(translation).toBe('es');
    expect(localized.title).toBe('Ejemplo');
    expect(localized.form.prompts.map((prompt) => prompt.id)).toEqual(['mood', 'pick', 'note']);
    expect(localized.form.prompts[0]).toMatchObject({ lowLabel: 'Bajo', required: true });
    expect(localized.form.prompts[1]).toMatchObject({
      help: 'Cualquiera vale.',
      options: [
        { value: 'a', label: 'Uno' },
        { value: 'b', label: 'Dos' },
      ],
    });
    expect(localized.form.prompts[2]).toMatchObject({ maxLength: 20 });
    const answers = { mood: 4, pick: 'b', note: 'x'.repeat(21) };
    expect(validateAnswers(localized.form, answers)).toEqual(
      validateAnswers(template.form, answers),
    );
  });

  it('falls back to the original when the reader’s language has no translation', () => {
    expect(localizeExercise(template, { es: spanish() }, 'en')).toEqual({
      value: template,
      translation: null,
    });
    expect(localizeExercise(template, null, 'es').translation).toBeNull();
  });
});

describe('program translations', () => {
  it('translates the title and summary, and falls back when absent', () => {
    const program = { title: 'Path', summary: 'A path.' };
    const es = { title: 'Camino', summary: 'Un camino.' };
    expect(parseProgramTranslations({ es })).toEqual({ ok: true, value: { es } });
    expect(localizeProgramText(program, { es }, 'es')).toEqual({ value: es, translation: 'es' });
    expect(localizeProgramText(program, { es }, 'en')).toEqual({
      value: program,
      translation: null,
    });
  });

  it('names the field of a bad program translation', () => {
    const result = parseProgramTranslations({ es: { title: 'Camino' } });
    expect(result).toEqual({
      ok: false,
      problems: [expect.objectContaining({ field: 'translations.es.summary' })],
    });
  });
});
