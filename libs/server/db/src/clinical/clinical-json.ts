import type {
  AnswerValue,
  ExerciseTemplate,
  ExerciseTranslations,
  ProgramStep,
  ProgramTranslations,
  Visibility,
} from '@mend/shared-exercises';
import type { ReminderPolicy, Schedule } from '@mend/shared-schedule';

export type {
  ExerciseTemplate,
  ExerciseTranslations,
  ProgramTranslations,
  ReminderPolicy,
  Schedule,
};

/** A program step as stored: the library step plus the id of the clinic's copy of its exercise. */
export type ProgramStepRecord = ProgramStep & { exerciseId: string };

/** One answer and who may see it; the visibility is the partner's own choice per answer. */
export interface StoredAnswer {
  value: AnswerValue;
  visibility: Visibility;
}
export type StoredAnswers = Record<string, StoredAnswer>;

/** Figures behind an alert: counts and ids, never answer text. */
export type AlertDetail = Record<string, string | number | boolean | null>;
