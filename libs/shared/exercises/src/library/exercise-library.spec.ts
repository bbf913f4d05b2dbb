import { validateAnswers } from '../answer-validation';
import { PROMPT_KINDS, parseExerciseForm } from '../exercise-form';
import { checkProgramAgainstLibrary, parseProgram } from '../exercise-program';
import { EXERCISE_THEMES, parseExerciseTemplate } from '../exercise-template';
import {
  localizeExercise,
  parseExerciseTranslations,
  parseProgramTranslations,
} from '../exercise-translation';
import {
  EXERCISE_LIBRARY,
  EXERCISE_LIBRARY_SOURCE,
  EXERCISE_LIBRARY_SPANISH,
  findLibraryExercise,
  findLibraryTranslations,
} from './exercise-library';
import {
  PROGRAM_LIBRARY,
  PROGRAM_LIBRARY_SOURCE,
  findLibraryProgram,
  findProgramTranslations,
} from './programs';
import { PROGRAMS_ES } from './programs.es';

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe('seeded exercise library', () => {
  it('has at least 22 exercises', () => {
    expect(EXERCISE_LIBRARY.length).toBeGreaterThanOrEqual(22);
  });

  it.each(EXERCISE_LIBRARY_SOURCE.map((source) => [source.key, source] as const))(
    '%s parses with the template schema',
    (_key, source) => {
      const result = parseExerciseTemplate(source);
      expect(result).toMatchObject({ ok: true });
      expect(parseExerciseForm(source.form)).toMatchObject({ ok: true });
    },
  );

  it('has unique keys', () => {
    const keys = EXERCISE_LIBRARY.map((exercise) => exercise.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers every theme, and communication, consistency and promises at least twice', () => {
    const byTheme = countBy(EXERCISE_LIBRARY, (exercise) => exercise.theme);
    for (const theme of EXERCISE_THEMES)
      expect([theme, byTheme.get(theme) ?? 0]).not.toEqual([theme, 0]);
    expect(byTheme.get('communication')).toBeGreaterThanOrEqual(2);
    expect(byTheme.get('consistency')).toBeGreaterThanOrEqual(2);
    expect(byTheme.get('promises')).toBeGreaterThanOrEqual(2);
  });

  it('uses every prompt kind at least twice', () => {
    const byKind = countBy(
      EXERCISE_LIBRARY.flatMap((exercise) => exercise.form.prompts),
      (prompt) => prompt.kind,
    );
    for (const kind of PROMPT_KINDS) {
      expect({ kind, enough: (byKind.get(kind) ?? 0) >= 2 }).toEqual({ kind, enough: true });
    }
  });

  it('offers reveal-after-both on some exercises', () => {
    const revealing = EXERCISE_LIBRARY.filter((exercise) =>
      exercise.visibilityOptions.includes('reveal_after_both'),
    );
    expect(revealing.length).toBeGreaterThanOrEqual(3);
  });

  it('has the apology letter reviewed by the therapist before the partner sees it', () => {
    const letter = findLibraryExercise('sincere-apology-letter');
    expect(letter).toMatchObject({ theme: 'apology', requiresTherapistReview: true });
    expect(letter?.visibilityOptions).toContain('partner');
  });

  it('keeps the individual counseling exercise private to the therapist', () => {
    expect(findLibraryExercise('is-individual-counseling-right-for-me')?.visibilityOptions).toEqual(
      ['therapist'],
    );
  });

  it('makes the transparency agreement joint (mutual sign-off), with an end date, and not surveillance', () => {
    const agreement = findLibraryExercise('transparency-agreement');
    expect(agreement?.completionModes).toEqual(['joint']);
    expect(agreement?.instructions).toMatch(/not a surveillance plan/);
    const kinds = agreement?.form.prompts.map((prompt) => [prompt.id, prompt.kind]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['end_date', 'date'],
        ['freely_agreed', 'yes_no'],
      ]),
    );
  });

  it('accepts an empty draft of every exercise and rejects an empty submission of each', () => {
    for (const exercise of EXERCISE_LIBRARY) {
      expect(validateAnswers(exercise.form, {}, { draft: true })).toEqual({ ok: true, value: {} });
      const submitted = validateAnswers(exercise.form, {});
      expect({ key: exercise.key, ok: submitted.ok }).toEqual({ key: exercise.key, ok: false });
    }
  });

  it('is frozen, so no caller can change the seed for everyone', () => {
    const first = EXERCISE_LIBRARY[0];
    expect(Object.isFrozen(EXERCISE_LIBRARY)).toBe(true);
    expect(first && Object.isFrozen(first.form.prompts)).toBe(true);
  });

  it('finds an exercise by key and returns undefined for an unknown one', () => {
    expect(findLibraryExercise('daily-check-in')?.theme).toBe('communication');
    expect(findLibraryExercise('nope')).toBeUndefined();
  });
});

describe('seeded programs', () => {
  it('has at least two programs with unique keys', () => {
    const keys = PROGRAM_LIBRARY.map((program) => program.key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(PROGRAM_LIBRARY_SOURCE.map((source) => [source.key, source] as const))(
    '%s parses, and every step names a library exercise with a compatible mode',
    (_key, source) => {
      const parsed = parseProgram(source);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      expect(checkProgramAgainstLibrary(parsed.value, EXERCISE_LIBRARY)).toEqual([]);
    },
  );

  it('keeps every step, and every repeat, within the program length', () => {
    for (const program of PROGRAM_LIBRARY) {
      for (const step of program.steps) {
        expect(step.week).toBeGreaterThanOrEqual(1);
        expect(step.week).toBeLessThanOrEqual(program.weeks);
        expect(step.untilWeek ?? step.week).toBeLessThanOrEqual(program.weeks);
      }
    }
  });

  it('uses every week of each program', () => {
    for (const program of PROGRAM_LIBRARY) {
      const covered = new Set<number>();
      for (const step of program.steps) {
        for (let week = step.week; week <= (step.untilWeek ?? step.week); week++) covered.add(week);
      }
      expect(covered.size).toBe(program.weeks);
    }
  });

  it('follows the trust-repair order: roots first, apology before promises, shared time last', () => {
    const program = findLibraryProgram('trust-repair-8-weeks');
    const weekOf = (key: string) => program?.steps.find((step) => step.exerciseKey === key)?.week;
    expect(program?.weeks).toBe(8);
    expect(weekOf('roots-of-distrust')).toBe(1);
    expect(weekOf('sincere-apology-letter')).toBeLessThan(weekOf('a-promise-to-keep') ?? 0);
    expect(weekOf('a-promise-to-keep')).toBeLessThanOrEqual(weekOf('transparency-agreement') ?? 0);
    expect(weekOf('plan-a-shared-adventure')).toBeGreaterThan(
      weekOf('transparency-agreement') ?? 9,
    );
  });

  it('has a 4-week communication foundations program', () => {
    expect(findLibraryProgram('communication-foundations-4-weeks')?.weeks).toBe(4);
  });
});

describe('the library in Spanish', () => {
  it.each(EXERCISE_LIBRARY.map((exercise) => [exercise.key, exercise] as const))(
    '%s has a complete, valid Spanish translation',
    (key, exercise) => {
      const result = parseExerciseTranslations(exercise, { es: EXERCISE_LIBRARY_SPANISH[key] });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(findLibraryTranslations(key).es).toEqual(result.value.es);
    },
  );

  it('has no Spanish for an exercise the library does not have', () => {
    const keys = new Set(EXERCISE_LIBRARY.map((exercise) => exercise.key));
    expect(Object.keys(EXERCISE_LIBRARY_SPANISH).filter((key) => !keys.has(key))).toEqual([]);
    expect(findLibraryTranslations('nope')).toEqual({});
  });

  it('rewrites every shown text, not just some of it', () => {
    for (const exercise of EXERCISE_LIBRARY) {
      const { value: spanish } = localizeExercise(
        exercise,
        findLibraryTranslations(exercise.key),
        'es',
      );
      const unchanged = [
        ['title', exercise.title, spanish.title],
        ['summary', exercise.summary, spanish.summary],
        ['instructions', exercise.instructions, spanish.instructions],
        ...exercise.form.prompts.map((prompt, index) => [
          prompt.id,
          prompt.label,
          spanish.form.prompts[index]?.label,
        ]),
      ].filter(([, english, translated]) => english === translated);
      expect({ key: exercise.key, unchanged }).toEqual({ key: exercise.key, unchanged: [] });
    }
  });

  it.each(PROGRAM_LIBRARY.map((program) => [program.key] as const))(
    '%s has a Spanish title and summary',
    (key) => {
      expect(parseProgramTranslations({ es: PROGRAMS_ES[key] })).toMatchObject({ ok: true });
      expect(findProgramTranslations(key).es?.title).toEqual(expect.any(String));
    },
  );

  it('has no Spanish for a program the library does not have', () => {
    const keys = new Set(PROGRAM_LIBRARY.map((program) => program.key));
    expect(Object.keys(PROGRAMS_ES).filter((key) => !keys.has(key))).toEqual([]);
  });
});
