import type { EntityManager } from 'typeorm';
import { answersFor, type Reader } from '@mend/server-assignments';
import type { StoredAnswers } from '@mend/server-db';
import type { AnswerValue } from '@mend/shared-exercises';

/** Who reads a couple's record: a therapist of the couple, or one of its partners. */
export type RecordReader = { kind: 'therapist' } | { kind: 'partner'; userId: string };

export interface RecordAnswer {
  responseId: string;
  occurrenceId: string;
  exercise: string;
  author: string;
  authorIsReader: boolean;
  submittedAt: Date;
  /** Prompt label → the answer as text, only the answers the reader may see. */
  answers: Array<{ prompt: string; answer: string }>;
  feedback: Array<{ at: Date; body: string }>;
}

export interface CoupleRecord {
  label: string;
  partners: Array<{ id: string; name: string; seat: string }>;
  answers: RecordAnswer[];
  promises: Array<{ by: string; description: string; dueDate: string; status: string }>;
  /** Staff only. */
  alerts: Array<{ kind: string; status: string; createdAt: Date }>;
  /** Staff only. */
  safetyChecks: Array<{ by: string; createdAt: Date; resolved: boolean; note: string | null }>;
  occurrencesDue: number;
}

interface PromptShape {
  id: string;
  label: string;
  options?: Array<{ value: string; label: string }>;
}

/** An answer as a reader reads it: choices by their labels, yes/no in words. */
export function answerText(
  value: AnswerValue,
  prompt: PromptShape | undefined,
  words: { yes: string; no: string },
): string {
  const label = (v: string) => prompt?.options?.find((o) => o.value === v)?.label ?? v;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.map(label).join('; ');
  if (typeof value === 'string') return label(value);
  return String(value);
}

/**
 * Everything about a couple since `since` (a civil date of the couple's zone) that `reader`
 * may see. Drafts are nobody's but their author's and are never included; a partner gets
 * their own answers and, of the other partner's, only what answer visibility shows them (the
 * same rule as the app: `answersFor`); alerts and safety checks are staff's only (as in the app).
 */
export async function loadCoupleRecord(
  manager: EntityManager,
  clinicId: string,
  coupleId: string,
  since: string,
  reader: RecordReader,
  words: { yes: string; no: string },
): Promise<CoupleRecord> {
  const [couple] = await manager.query<Array<{ label: string; time_zone: string }>>(
    `SELECT label, time_zone FROM couples WHERE clinic_id = $1 AND id = $2`,
    [clinicId, coupleId],
  );
  if (!couple) throw new Error('couple not found');
  const [bounds] = await manager.query<Array<{ from_at: Date }>>(
    `SELECT ($1::date::timestamp AT TIME ZONE $2) AS from_at`,
    [since, couple.time_zone],
  );
  const fromAt = bounds?.from_at ?? new Date(0);
  const partners = await manager.query<Array<{ id: string; name: string; seat: string }>>(
    `SELECT u.id, u.display_name AS name, p.seat FROM couple_partners p
       JOIN users u ON u.clinic_id = p.clinic_id AND u.id = p.user_id
      WHERE p.clinic_id = $1 AND p.couple_id = $2 ORDER BY p.seat`,
    [clinicId, coupleId],
  );
  const nameOf = (id: string) => partners.find((p) => p.id === id)?.name ?? '';
  const responses = await manager.query<
    Array<{
      id: string;
      occurrence_id: string;
      author_user_id: string;
      submitted_at: Date;
      answers: StoredAnswers;
      title: string;
      prompts: PromptShape[] | null;
      reader_submitted: boolean;
    }>
  >(
    `SELECT r.id, r.occurrence_id, r.author_user_id, r.submitted_at, r.answers, v.title,
            v.definition -> 'form' -> 'prompts' AS prompts,
            EXISTS (SELECT 1 FROM responses own WHERE own.clinic_id = r.clinic_id
                      AND own.occurrence_id = r.occurrence_id AND own.status = 'submitted'
                      AND own.author_user_id = $4::uuid) AS reader_submitted
       FROM responses r
       JOIN occurrences o ON o.clinic_id = r.clinic_id AND o.id = r.occurrence_id
       JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
       JOIN exercise_versions v ON v.clinic_id = a.clinic_id AND v.id = a.exercise_version_id
      WHERE r.clinic_id = $1 AND r.couple_id = $2 AND r.status = 'submitted'
        AND r.submitted_at >= $3
      ORDER BY r.submitted_at DESC, r.id`,
    [clinicId, coupleId, fromAt, reader.kind === 'partner' ? reader.userId : null],
  );
  const feedback = await manager.query<
    Array<{ response_id: string; body: string; created_at: Date }>
  >(
    `SELECT f.response_id, f.body, f.created_at FROM response_feedback f
      WHERE f.clinic_id = $1 AND f.response_id = ANY($2::uuid[]) ORDER BY f.created_at`,
    [clinicId, responses.map((r) => r.id)],
  );
  const answers: RecordAnswer[] = [];
  for (const response of responses) {
    const own = reader.kind === 'partner' && response.author_user_id === reader.userId;
    const who: Reader = {
      kind: reader.kind === 'therapist' ? 'therapist' : own ? 'author' : 'partner',
      submittedOwn: response.reader_submitted,
      adminReadsPrivate: false,
    };
    const shown = answersFor(who, response.answers).answers;
    const visible = Object.entries(shown).flatMap(([promptId, answer]) =>
      'value' in answer
        ? [
            {
              prompt: response.prompts?.find((p) => p.id === promptId)?.label ?? promptId,
              answer: answerText(
                answer.value,
                response.prompts?.find((p) => p.id === promptId),
                words,
              ),
            },
          ]
        : [],
    );
    // Nothing of the other partner's response is shown unless some answer of it may be.
    if (visible.length === 0 && !own && reader.kind === 'partner') continue;
    answers.push({
      responseId: response.id,
      occurrenceId: response.occurrence_id,
      exercise: response.title,
      author: nameOf(response.author_user_id),
      authorIsReader: own,
      submittedAt: response.submitted_at,
      answers: visible,
      // A partner reads the feedback on their own answers only.
      feedback:
        reader.kind === 'therapist' || own
          ? feedback
              .filter((f) => f.response_id === response.id)
              .map((f) => ({ at: f.created_at, body: f.body }))
          : [],
    });
  }
  const promises = await manager.query<
    Array<{ promiser_user_id: string; description: string; due_date: string; status: string }>
  >(
    `SELECT promiser_user_id, description, due_date::text AS due_date, status::text AS status
       FROM promises WHERE clinic_id = $1 AND couple_id = $2
        AND (created_at >= $3 OR confirmed_at >= $3)
      ORDER BY due_date, id`,
    [clinicId, coupleId, fromAt],
  );
  const alerts =
    reader.kind === 'therapist'
      ? await manager.query<Array<{ kind: string; status: string; created_at: Date }>>(
          `SELECT kind::text AS kind, status::text AS status, created_at FROM alerts
            WHERE clinic_id = $1 AND couple_id = $2
              AND (status <> 'resolved' OR created_at >= $3)
            ORDER BY created_at DESC, id`,
          [clinicId, coupleId, fromAt],
        )
      : [];
  const safety =
    reader.kind === 'therapist'
      ? await manager.query<
          Array<{
            raised_by_user_id: string;
            created_at: Date;
            resolved_at: Date | null;
            note: string | null;
          }>
        >(
          `SELECT raised_by_user_id, created_at, resolved_at, note FROM safety_flags
            WHERE clinic_id = $1 AND couple_id = $2
              AND (resolved_at IS NULL OR created_at >= $3)
            ORDER BY created_at DESC, id`,
          [clinicId, coupleId, fromAt],
        )
      : [];
  const [due] = await manager.query<Array<{ due: number }>>(
    `SELECT count(*)::int AS due FROM occurrences
      WHERE clinic_id = $1 AND couple_id = $2 AND status <> 'cancelled'
        AND due_at >= $3 AND due_at <= now()`,
    [clinicId, coupleId, fromAt],
  );
  return {
    label: couple.label,
    partners,
    answers,
    promises: promises.map((p) => ({
      by: nameOf(p.promiser_user_id),
      description: p.description,
      dueDate: p.due_date,
      status: p.status,
    })),
    alerts: alerts.map((a) => ({ kind: a.kind, status: a.status, createdAt: a.created_at })),
    safetyChecks: safety.map((s) => ({
      by: nameOf(s.raised_by_user_id),
      createdAt: s.created_at,
      resolved: s.resolved_at !== null,
      note: s.note,
    })),
    occurrencesDue: due?.due ?? 0,
  };
}
