import { checkProgramAgainstLibrary, parseProgram, type Program } from './exercise-program';
import { exerciseTemplateSchema } from './exercise-template';

function validProgram(): Record<string, unknown> & { steps: Record<string, unknown>[] } {
  return {
    key: 'sample-program',
    title: 'Sample',
    summary: 'A sample program.',
    weeks: 3,
    steps: [
      { exerciseKey: 'talk', week: 1, recurrence: { kind: 'once' }, completionMode: 'each' },
      {
        exerciseKey: 'talk',
        week: 2,
        untilWeek: 3,
        recurrence: { kind: 'weekly', weekdays: [1, 4] },
        completionMode: 'one',
        suggestedPartner: 'hurt_partner',
      },
      { exerciseKey: 'talk', week: 3, recurrence: { kind: 'daily' }, completionMode: 'each' },
    ],
  };
}

function withStep(patch: Record<string, unknown>, index = 1) {
  const program = validProgram();
  program.steps[index] = { ...program.steps[index], ...patch };
  return program;
}

function fieldsOf(input: unknown): string[] {
  const result = parseProgram(input);
  if (result.ok) throw new Error('expected the program to be rejected');
  return result.problems.map((problem) => problem.field);
}

const library = [
  exerciseTemplateSchema.parse({
    key: 'talk',
    title: 'Talk',
    theme: 'communication',
    summary: 'Talk.',
    whyItHelps: 'Talking helps.',
    instructions: 'Talk.',
    estimatedMinutes: 5,
    completionModes: ['each', 'one'],
    visibilityOptions: ['partner'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: { prompts: [{ id: 'said', kind: 'short_text', label: 'Said', required: true }] },
  }),
];

describe('program schema', () => {
  it('accepts a valid program', () => {
    expect(parseProgram(validProgram())).toMatchObject({ ok: true });
  });

  it.each([
    ['a start week past the end', withStep({ week: 4, untilWeek: undefined }), 'steps[1].week'],
    ['a week 0', withStep({ week: 0 }), 'steps[1].week'],
    ['repeating past the end', withStep({ untilWeek: 4 }), 'steps[1].untilWeek'],
    ['repeating until before the start', withStep({ week: 3, untilWeek: 2 }), 'steps[1].untilWeek'],
    ['a one-off step with an until week', withStep({ untilWeek: 2 }, 0), 'steps[0].untilWeek'],
    [
      'no weekdays',
      withStep({ recurrence: { kind: 'weekly', weekdays: [] } }),
      'steps[1].recurrence.weekdays',
    ],
    [
      'weekday 0',
      withStep({ recurrence: { kind: 'weekly', weekdays: [0] } }),
      'steps[1].recurrence.weekdays[0]',
    ],
    [
      'weekday 8',
      withStep({ recurrence: { kind: 'weekly', weekdays: [8] } }),
      'steps[1].recurrence.weekdays[0]',
    ],
    [
      'a repeated weekday',
      withStep({ recurrence: { kind: 'weekly', weekdays: [2, 2] } }),
      'steps[1].recurrence.weekdays',
    ],
    [
      'an unknown recurrence',
      withStep({ recurrence: { kind: 'monthly' } }),
      'steps[1].recurrence.kind',
    ],
    [
      'a suggested partner on a shared step',
      withStep({ suggestedPartner: 'hurt_partner' }, 0),
      'steps[0].suggestedPartner',
    ],
    ['an unknown completion mode', withStep({ completionMode: 'both' }), 'steps[1].completionMode'],
    ['no steps', { ...validProgram(), steps: [] }, 'steps'],
    ['more than 52 weeks', { ...validProgram(), weeks: 53 }, 'weeks'],
  ])('rejects %s', (_name, input, field) => {
    expect(fieldsOf(input)).toContain(field);
  });
});

describe('checkProgramAgainstLibrary', () => {
  function parsed(input: unknown): Program {
    const result = parseProgram(input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.value;
  }

  it('finds nothing wrong with a program that fits the library', () => {
    expect(checkProgramAgainstLibrary(parsed(validProgram()), library)).toEqual([]);
  });

  it('names a step whose exercise is not in the library', () => {
    expect(
      checkProgramAgainstLibrary(parsed(withStep({ exerciseKey: 'missing' }, 2)), library),
    ).toEqual([
      { field: 'steps[2].exerciseKey', message: 'There is no exercise "missing" in the library' },
    ]);
  });

  it('names a step whose mode the exercise does not allow', () => {
    const program = parsed(withStep({ completionMode: 'joint' }, 0));
    expect(checkProgramAgainstLibrary(program, library)).toEqual([
      { field: 'steps[0].completionMode', message: '"Talk" cannot be completed in "joint" mode' },
    ]);
  });
});
