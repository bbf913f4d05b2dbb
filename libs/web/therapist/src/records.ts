import type {
  AlertSeverity,
  AlertStatus,
  AssignmentStatus,
  CoupleStatus,
  PartnerSeat,
  PromiseStatus,
} from '@mend/shared-contracts';
import type { CompletionMode, PromptInput, Visibility } from '@mend/shared-exercises';
import type { Recurrence, ReminderPolicy, Schedule } from '@mend/shared-schedule';

/** Shapes of the API's answers this area reads, as the OpenAPI spec describes them. */
export interface CaseloadRow {
  id: string;
  label: string;
  status: CoupleStatus;
  urgentAlerts: number;
  openAlerts: number;
  missedInARow: number;
  asymmetryFlagged: boolean;
  completion30: number | null;
  weekly: (number | null)[];
  lastActivityAt: string | null;
}

export interface CouplePartner {
  id: string;
  seat: PartnerSeat;
  displayName: string;
  status: string;
  policyAcknowledged: boolean;
}

export interface CoupleRecord {
  id: string;
  label: string;
  status: CoupleStatus;
  timeZone: string;
  partners: CouplePartner[];
  therapists: { id: string; displayName: string }[];
  createdAt: string;
  closedAt: string | null;
  closingNote: string | null;
  jointWorkPaused: boolean;
}

export interface PartnerProgress {
  userId: string;
  seat: PartnerSeat;
  displayName: string;
  completion7: number | null;
  completion30: number | null;
  streak: number;
  missedInARow: number;
  lastActivityAt: string | null;
}

export interface CoupleProgress {
  coupleId: string;
  partners: PartnerProgress[];
  asymmetryShareA: number | null;
  asymmetryFlagged: boolean;
  weekly: (number | null)[];
  openAlerts: number;
}

export interface PromiseTrendWeek {
  week: string;
  weekStart: string;
  kept: number;
  partly: number;
  notKept: number;
  open: number;
  keptRate: number | null;
}

export interface PromiseTrend {
  coupleId: string;
  today: string;
  partners: {
    userId: string;
    seat: PartnerSeat;
    displayName: string;
    totals: { kept: number; partly: number; notKept: number; open: number };
    weeks: PromiseTrendWeek[];
  }[];
}

export interface PromiseRecord {
  id: string;
  coupleId: string;
  promiserId: string;
  promiserName: string;
  description: string;
  dueDate: string | null;
  status: PromiseStatus | string;
  confirmedAt: string | null;
  confirmationNote: string | null;
  createdAt: string;
}

export interface AlertRecord {
  id: string;
  coupleId: string;
  coupleLabel: string;
  kind: string;
  severity: AlertSeverity;
  status: AlertStatus;
  subjectUserId: string | null;
  detail: Record<string, unknown>;
  createdAt: string;
}

export interface SafetyCheckRecord {
  id: string;
  coupleId: string;
  coupleLabel: string;
  raisedByName: string;
  note: string | null;
  createdAt: string;
  open: boolean;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

export interface AssignmentRecord {
  id: string;
  coupleId: string;
  exerciseId: string;
  exerciseTitle: string;
  exerciseTheme: string;
  programId: string | null;
  completionMode: CompletionMode;
  assigneeId: string | null;
  schedule: Schedule;
  scheduleDescription: string;
  note: string | null;
  status: AssignmentStatus;
}

export interface AnswerRecord {
  value: unknown;
  visibility: Visibility;
}

export interface FeedbackRecord {
  id: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface ResponseRecord {
  id: string;
  coupleId: string;
  exerciseId: string;
  exerciseTitle: string;
  completionMode: CompletionMode;
  requiresTherapistReview: boolean;
  localDate: string;
  authorId: string;
  authorName: string;
  status: string;
  answers: Record<string, AnswerRecord>;
  submittedAt: string | null;
  late: boolean;
  releasedAt: string | null;
  reviewedAt: string | null;
  feedback: FeedbackRecord[];
}

export interface ExerciseRecord {
  id: string;
  theme: string;
  source: 'library' | 'custom' | string;
  currentVersion: number;
  title: string;
  summary: string;
  whyItHelps: string;
  estimatedMinutes: number;
  completionModes: CompletionMode[];
  visibilityOptions: Visibility[];
  requiresTherapistReview: boolean;
  promptCount: number;
  archived: boolean;
}

export interface ExerciseDetail extends ExerciseRecord {
  instructions: string;
  defaultVisibility: Visibility;
  form: { prompts: PromptInput[] };
  versions: { version: number; title: string; createdAt: string }[];
}

export interface ProgramStep {
  week: number;
  untilWeek?: number;
  exerciseId: string;
  exerciseTitle: string;
  completionMode: CompletionMode;
  suggestedPartner?: 'hurt_partner' | 'partner_who_broke_trust';
  recurrence: { kind: 'once' } | { kind: 'daily' } | { kind: 'weekly'; weekdays: number[] };
}

export interface ProgramRecord {
  id: string;
  title: string;
  summary: string;
  weeks: number;
  steps: ProgramStep[];
}

export type { Recurrence, ReminderPolicy };

/** What the couple timeline reports; titles and statuses only, never answer text. */
export const TIMELINE_KINDS = [
  'assignment_created',
  'response_submitted',
  'feedback_given',
  'promise_made',
  'promise_confirmed',
  'alert_raised',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export interface TimelineEvent {
  at: string;
  kind: TimelineKind;
  actorUserId: string | null;
  actorName: string | null;
  /** The exercise title, the promise's wording, its confirmed status, or the alert kind. */
  summary: string;
  recordId: string;
}

/** GET /couples/{id}/measures: one summary per measure the couple has answered. */
export interface MeasureSummary {
  definitionId: string;
  key: string;
  title: string;
  validated: boolean;
  direction: 'higher_is_better' | 'higher_is_worse';
  min: number;
  max: number;
  cutoff: number | null;
  figures: {
    ready: boolean;
    threshold: number | null;
    reason: 'too_few_baselines' | 'no_spread' | null;
    explanation: string;
  };
  partners: Array<{
    partnerId: string;
    name: string;
    points: Array<{
      administrationId: string;
      localDate: string;
      total: number;
      change: number;
      classification: MeasureClassification | null;
    }>;
    latest: { total: number; change: number; classification: MeasureClassification | null } | null;
  }>;
  gaps: Array<{ localDate: string; gap: number }>;
  gapThreshold: number | null;
}

export type MeasureClassification = 'recovered' | 'improved' | 'unchanged' | 'deteriorated';
