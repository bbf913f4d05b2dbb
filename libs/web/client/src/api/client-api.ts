import { fieldProblems, getJson, listQuery, sendJson } from '@mend/web-auth';
import type { PartnerSeat, PromiseStatus, ResponseStatus } from '@mend/shared-contracts';
import type { AnswerValue, CompletionMode, Prompt, Visibility } from '@mend/shared-exercises';
import { HttpError } from 'react-admin';

/*
 * The client area's view of the API. Shapes mirror the OpenAPI document (/api/docs-json); only
 * the fields these screens read are listed.
 */

export type ClientState = 'due' | 'overdue' | 'done';

export interface Partner {
  id: string;
  seat: PartnerSeat;
  displayName: string;
  policyAcknowledged: boolean;
}

export interface Couple {
  id: string;
  label: string;
  timeZone: string;
  partners: Partner[];
  therapists: Array<{ id: string; displayName: string }>;
  policyAcknowledged?: boolean;
}

export interface Occurrence {
  id: string;
  coupleId: string;
  exerciseTitle: string;
  exerciseTheme: string;
  estimatedMinutes: number;
  localDate: string;
  dueAt: string;
  completionMode: CompletionMode;
  assigneeId: string | null;
  hasDraft: boolean;
  hasSubmitted: boolean;
  state?: ClientState;
  pendingConfirmationResponseId?: string | null;
}

export interface StoredAnswer {
  value: AnswerValue;
  visibility: Visibility;
}

export interface Feedback {
  id: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface ExerciseResponse {
  id: string;
  occurrenceId: string;
  exerciseTitle: string;
  completionMode: CompletionMode;
  requiresTherapistReview: boolean;
  localDate: string;
  authorId: string;
  authorName: string;
  status: ResponseStatus;
  /** Only what the reader may see; a partner never receives therapist-only answers. */
  answers: Record<string, StoredAnswer | { withheld: true }>;
  submittedAt: string | null;
  confirmedAt: string | null;
  updatedAt: string;
  feedback: Feedback[];
}

export interface OccurrenceDetail extends Occurrence {
  definition: {
    summary: string;
    whyItHelps: string;
    instructions: string;
    prompts: Prompt[];
    visibilityOptions: Visibility[];
    defaultVisibility: Visibility;
    requiresTherapistReview: boolean;
  };
  myResponse: ExerciseResponse | null;
  responses: ExerciseResponse[];
}

export interface PromiseRecord {
  id: string;
  promiserId: string;
  promiserName: string;
  description: string;
  dueDate: string;
  status: PromiseStatus;
  confirmedAt: string | null;
  confirmationNote: string | null;
  createdAt: string;
}

export type PromiseOutcome = Exclude<PromiseStatus, 'open'>;

export interface PromiseTrend {
  today: string;
  partners: Array<{
    userId: string;
    displayName: string;
    totals: { kept: number; partly: number; notKept: number; open: number };
  }>;
}

export interface Me {
  id: string;
  displayName: string;
  locale: string;
}

export type AnswerDraft = Record<string, { value: AnswerValue | null; visibility: Visibility }>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** The clinic's privacy note is not accepted yet: the API refuses clinical reads until it is. */
export function isPolicyNotAcknowledged(error: unknown): boolean {
  return (
    error instanceof HttpError &&
    error.status === 403 &&
    isRecord(error.body) &&
    error.body['code'] === 'policy_not_acknowledged'
  );
}

export const httpStatus = (error: unknown): number | null =>
  error instanceof HttpError ? error.status : null;

/** `{ "answers.<promptId>": message }` from a 400, keyed by prompt id. */
export function answerProblems(error: unknown): Record<string, string> | null {
  const fields = httpStatus(error) === 400 ? fieldProblems(error) : null;
  if (!fields) return null;
  const problems: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const match = /^answers\.([^.]+)/.exec(field);
    if (match?.[1] !== undefined) {
      problems[match[1]] ??= message;
    }
  }
  return problems;
}

/** One round of a scored check-in for the signed-in partner (GET /measure-administrations). */
export interface CheckIn {
  id: string;
  title: string;
  validated: boolean;
  localDate: string;
  opensAt: string;
  expiresAt: string;
  status: 'upcoming' | 'open' | 'answered' | 'expired';
}

export interface CheckInDetail extends CheckIn {
  description: string | null;
  items: Array<{
    id: string;
    prompt: string;
    options: Array<{ score: number; label: string | null }>;
  }>;
}

export const clientApi = {
  openCheckIns: () =>
    getJson<CheckIn[]>(
      `/measure-administrations?${listQuery({
        filter: { status: 'open' },
        sort: ['opensAt', 'ASC'],
        range: [0, 9],
      })}`,
    ),
  checkIn: (id: string) =>
    getJson<CheckInDetail>(`/measure-administrations/${encodeURIComponent(id)}`),
  answerCheckIn: (id: string, answers: Record<string, number | null>) =>
    sendJson<CheckInDetail>('POST', `/measure-administrations/${encodeURIComponent(id)}/answers`, {
      answers,
    }),
  me: () => getJson<Me>('/auth/me'),
  couples: () => getJson<Couple[]>('/couples'),
  clinic: () => getJson<{ name: string; secretsPolicy: string }>('/clinic'),
  acknowledgePolicy: (coupleId: string) =>
    sendJson<unknown>('POST', `/couples/${encodeURIComponent(coupleId)}/acknowledge-policy`),
  occurrences: (from: string, to: string) =>
    getJson<Occurrence[]>(
      `/occurrences?${listQuery({
        filter: { mine: true, from, to },
        sort: ['dueAt', 'ASC'],
        range: [0, 99],
      })}`,
    ),
  occurrence: (id: string) => getJson<OccurrenceDetail>(`/occurrences/${encodeURIComponent(id)}`),
  saveDraft: (id: string, answers: AnswerDraft) =>
    sendJson<ExerciseResponse>('PUT', `/occurrences/${encodeURIComponent(id)}/draft`, { answers }),
  submit: (id: string, answers: AnswerDraft, idempotencyKey: string) =>
    sendJson<ExerciseResponse>(
      'POST',
      `/occurrences/${encodeURIComponent(id)}/responses`,
      { answers },
      { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    ),
  confirmJoint: (responseId: string) =>
    sendJson<ExerciseResponse>('POST', `/responses/${encodeURIComponent(responseId)}/confirm`),
  responses: (page: number, perPage: number) =>
    getJson<ExerciseResponse[]>(
      `/responses?${listQuery({
        filter: { status: 'submitted' },
        sort: ['submittedAt', 'DESC'],
        range: [page * perPage, page * perPage + perPage - 1],
      })}`,
    ),
  promises: () =>
    getJson<PromiseRecord[]>(
      `/promises?${listQuery({ sort: ['dueDate', 'DESC'], range: [0, 99] })}`,
    ),
  makePromise: (description: string, dueDate: string) =>
    sendJson<PromiseRecord>('POST', '/promises', { description, dueDate }),
  confirmPromise: (id: string, status: PromiseOutcome, note: string) =>
    sendJson<PromiseRecord>('POST', `/promises/${encodeURIComponent(id)}/confirm`, {
      status,
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    }),
  promiseTrend: (coupleId: string) =>
    getJson<PromiseTrend>(`/couples/${encodeURIComponent(coupleId)}/promise-trend`),
  raiseSafetyCheck: (note: string) =>
    sendJson<{ received: boolean }>(
      'POST',
      '/safety-checks',
      note.trim() === '' ? {} : { note: note.trim() },
    ),
};
