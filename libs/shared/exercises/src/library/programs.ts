import { programSchema, type Program, type ProgramInput } from '../exercise-program';
import { programTranslationsSchema, type ProgramTranslations } from '../exercise-translation';
import { deepFreeze } from './deep-freeze';
import { PROGRAMS_ES } from './programs.es';

/**
 * Week by week: understand the distrust, own it and apologise, show it through kept actions and
 * promises, add transparency and check-ins, then rebuild the good parts with shared time.
 */
const TRUST_REPAIR: ProgramInput = {
  key: 'trust-repair-8-weeks',
  title: 'Rebuilding trust: an 8-week path',
  summary:
    'A step-by-step path for couples repairing trust after a betrayal: understanding where the distrust comes from, taking responsibility and apologising, showing change through kept actions and promises, agreeing on openness, and finally making new good memories together.',
  weeks: 8,
  steps: [
    {
      exerciseKey: 'roots-of-distrust',
      week: 1,
      recurrence: { kind: 'once' },
      completionMode: 'each',
    },
    {
      exerciseKey: 'pacing-the-healing',
      week: 1,
      recurrence: { kind: 'once' },
      completionMode: 'each',
    },
    {
      exerciseKey: 'owning-my-part',
      week: 2,
      recurrence: { kind: 'once' },
      completionMode: 'one',
      suggestedPartner: 'partner_who_broke_trust',
    },
    {
      exerciseKey: 'what-trust-looks-like',
      week: 2,
      recurrence: { kind: 'once' },
      completionMode: 'each',
    },
    {
      exerciseKey: 'is-individual-counseling-right-for-me',
      week: 2,
      recurrence: { kind: 'once' },
      completionMode: 'each',
    },
    {
      exerciseKey: 'sincere-apology-letter',
      week: 3,
      recurrence: { kind: 'once' },
      completionMode: 'one',
      suggestedPartner: 'partner_who_broke_trust',
    },
    {
      exerciseKey: 'receiving-an-apology',
      week: 4,
      recurrence: { kind: 'once' },
      completionMode: 'one',
      suggestedPartner: 'hurt_partner',
    },
    {
      exerciseKey: 'a-promise-to-keep',
      week: 4,
      recurrence: { kind: 'once' },
      completionMode: 'one',
      suggestedPartner: 'partner_who_broke_trust',
    },
    {
      exerciseKey: 'consistent-actions-log',
      week: 4,
      untilWeek: 8,
      recurrence: { kind: 'daily' },
      completionMode: 'one',
      suggestedPartner: 'partner_who_broke_trust',
    },
    {
      exerciseKey: 'promise-follow-up',
      week: 5,
      recurrence: { kind: 'weekly', weekdays: [7] },
      completionMode: 'one',
      suggestedPartner: 'hurt_partner',
    },
    {
      exerciseKey: 'transparency-agreement',
      week: 5,
      recurrence: { kind: 'once' },
      completionMode: 'joint',
    },
    {
      exerciseKey: 'daily-check-in',
      week: 5,
      untilWeek: 8,
      recurrence: { kind: 'daily' },
      completionMode: 'each',
    },
    {
      exerciseKey: 'weekly-consistency-review',
      week: 6,
      untilWeek: 8,
      recurrence: { kind: 'weekly', weekdays: [7] },
      completionMode: 'each',
    },
    {
      exerciseKey: 'naming-my-boundaries',
      week: 6,
      recurrence: { kind: 'once' },
      completionMode: 'each',
    },
    {
      exerciseKey: 'transparency-check-in',
      week: 7,
      recurrence: { kind: 'once' },
      completionMode: 'each',
    },
    {
      exerciseKey: 'planned-uninterrupted-time',
      week: 7,
      untilWeek: 8,
      recurrence: { kind: 'weekly', weekdays: [6] },
      completionMode: 'joint',
    },
    {
      exerciseKey: 'plan-a-shared-adventure',
      week: 7,
      recurrence: { kind: 'once' },
      completionMode: 'joint',
    },
    {
      exerciseKey: 'after-the-adventure',
      week: 8,
      recurrence: { kind: 'once' },
      completionMode: 'each',
    },
    {
      exerciseKey: 'pacing-the-healing',
      week: 8,
      recurrence: { kind: 'once' },
      completionMode: 'each',
    },
  ],
};

/** The everyday talking and listening habits, for any couple and as a warm-up for harder work. */
const COMMUNICATION_FOUNDATIONS: ProgramInput = {
  key: 'communication-foundations-4-weeks',
  title: 'Communication foundations: 4 weeks',
  summary:
    'Four weeks of small daily habits and weekly practice: checking in, speaking from your own side, listening and reflecting back, a regular couple meeting, and time that is just for the two of you.',
  weeks: 4,
  steps: [
    {
      exerciseKey: 'daily-check-in',
      week: 1,
      untilWeek: 4,
      recurrence: { kind: 'daily' },
      completionMode: 'each',
    },
    {
      exerciseKey: 'speaking-from-i',
      week: 1,
      recurrence: { kind: 'once' },
      completionMode: 'each',
    },
    {
      exerciseKey: 'reflect-back-listening',
      week: 2,
      untilWeek: 3,
      recurrence: { kind: 'weekly', weekdays: [2, 5] },
      completionMode: 'each',
    },
    {
      exerciseKey: 'listening-without-fixing',
      week: 3,
      recurrence: { kind: 'once' },
      completionMode: 'each',
    },
    {
      exerciseKey: 'weekly-couple-meeting',
      week: 3,
      untilWeek: 4,
      recurrence: { kind: 'weekly', weekdays: [7] },
      completionMode: 'joint',
    },
    {
      exerciseKey: 'planned-uninterrupted-time',
      week: 4,
      recurrence: { kind: 'once' },
      completionMode: 'joint',
    },
    {
      exerciseKey: 'small-moments-of-connection',
      week: 4,
      recurrence: { kind: 'daily' },
      completionMode: 'each',
    },
  ],
};

export const PROGRAM_LIBRARY_SOURCE: ReadonlyArray<ProgramInput> = [
  TRUST_REPAIR,
  COMMUNICATION_FOUNDATIONS,
];

/** Seeded programs, parsed and frozen; the tests check each step against EXERCISE_LIBRARY. */
export const PROGRAM_LIBRARY: ReadonlyArray<Program> = deepFreeze(
  PROGRAM_LIBRARY_SOURCE.map((source) => programSchema.parse(source)),
);

export function findLibraryProgram(key: string): Program | undefined {
  return PROGRAM_LIBRARY.find((program) => program.key === key);
}

/** The translations installed with a library program; none for a key outside the library. */
export function findProgramTranslations(key: string): ProgramTranslations {
  const spanish = PROGRAMS_ES[key];
  return spanish === undefined ? {} : deepFreeze(programTranslationsSchema.parse({ es: spanish }));
}
