import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
import { ResponseFeedback, type StoredAnswers } from '@mend/server-db';
import {
  asArray,
  idOrIds,
  invalidRequest,
  listSpec,
  type FieldProblems,
  type ListQueryOf,
  type SortColumns,
} from '@mend/server-platform';
import { AccessService, TenantDb, type TenantContext } from '@mend/server-tenancy';
import { RESPONSE_STATUSES } from '@mend/shared-contracts';
import {
  parseExerciseForm,
  validateAnswers,
  type ExerciseTemplate,
  type Visibility,
} from '@mend/shared-exercises';
import { requirePolicyAcknowledged } from '@mend/server-couples';
import { ResponseReader } from './response-reader.service';
import type { FeedbackDto, ResponseDto, SubmitResultDto } from './response.dto';

export const RESPONSE_LIST = listSpec({
  sortable: ['submittedAt', 'updatedAt'],
  defaultSort: ['submittedAt', 'DESC'],
  filter: z.strictObject({
    id: idOrIds.optional(),
    coupleId: idOrIds.optional(),
    occurrenceId: idOrIds.optional(),
    authorId: z.uuid().optional(),
    status: z.enum(RESPONSE_STATUSES).optional(),
    reviewed: z.boolean().optional(),
    submittedFrom: z.iso.datetime({ offset: true }).optional(),
    submittedTo: z.iso.datetime({ offset: true }).optional(),
  }),
});
type ResponseListQuery = ListQueryOf<typeof RESPONSE_LIST>;

const SORT_COLUMNS: SortColumns<ResponseListQuery['sort']> = {
  submittedAt: 'r.submitted_at',
  updatedAt: 'r.updated_at',
  id: 'r.id',
};

/** An Idempotency-Key is an opaque token the client chose: short and plain, never content. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{1,100}$/;

/** The occurrence being answered, locked for the length of the transaction. */
interface AnswerTarget {
  id: string;
  couple_id: string;
  status: string;
  due_at: Date;
  completion_mode: 'each' | 'joint' | 'one';
  assignee_user_id: string | null;
  definition: ExerciseTemplate;
  safety_paused_at: Date | null;
}

interface OwnResponse {
  id: string;
  status: string;
  answers: StoredAnswers;
  idempotency_key: string | null;
}

@Injectable()
export class ResponsesService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly reader: ResponseReader,
  ) {}

  async list(
    ctx: TenantContext,
    query: ResponseListQuery,
  ): Promise<{ rows: ResponseDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'response.read');
      await requirePolicyAcknowledged(manager, ctx);
      const f = query.filter;
      const result = await this.reader.read(manager, ctx, {
        where: (sql) => {
          if (f.id) sql.where((p) => `r.id = ANY(${p}::uuid[])`, asArray(f.id));
          if (f.coupleId) sql.where((p) => `r.couple_id = ANY(${p}::uuid[])`, asArray(f.coupleId));
          if (f.occurrenceId) {
            sql.where((p) => `r.occurrence_id = ANY(${p}::uuid[])`, asArray(f.occurrenceId));
          }
          if (f.authorId) sql.where((p) => `r.author_user_id = ${p}`, f.authorId);
          if (f.status) sql.where((p) => `r.status = ${p}`, f.status);
          if (f.reviewed !== undefined) {
            sql.where(f.reviewed ? `r.reviewed_at IS NOT NULL` : `r.reviewed_at IS NULL`);
          }
          if (f.submittedFrom) sql.where((p) => `r.submitted_at >= ${p}`, f.submittedFrom);
          if (f.submittedTo) sql.where((p) => `r.submitted_at < ${p}`, f.submittedTo);
        },
        orderBy: (sql) => sql.orderBy(SORT_COLUMNS, query, { nullsLast: true }),
        page: query,
      });
      await this.auditRead(manager, ctx, 'response.read', result.rows, result.privateReadIds);
      return { rows: result.rows, total: result.total };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<ResponseDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'response.read', [id]);
      await requirePolicyAcknowledged(manager, ctx);
      const response = await this.readOne(manager, ctx, id, 'response.read');
      return response;
    });
  }

  /** Saves the caller's work in progress; nobody else ever sees a draft. */
  async saveDraft(ctx: TenantContext, occurrenceId: string, body: unknown): Promise<ResponseDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'response.write', [occurrenceId]);
      await requirePolicyAcknowledged(manager, ctx);
      const target = await this.lockTarget(manager, ctx, occurrenceId);
      const own = await ownResponse(manager, ctx, occurrenceId);
      if (own && own.status !== 'draft') {
        throw new ConflictException('You have already submitted this');
      }
      await this.refuseIfPartnerAnsweredJointly(manager, ctx, target);
      const answers = checkAnswers(target.definition, body, true);
      const [saved] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO responses (clinic_id, occurrence_id, couple_id, author_user_id, status, answers,
                                updated_at)
         VALUES ($1, $2, $3, $4, 'draft', $5, now())
         ON CONFLICT ON CONSTRAINT uq_responses_author DO UPDATE
           SET answers = EXCLUDED.answers, updated_at = EXCLUDED.updated_at
           WHERE responses.status = 'draft'
         RETURNING id`,
        [ctx.clinicId, occurrenceId, target.couple_id, ctx.userId, JSON.stringify(answers)],
      );
      if (!saved) throw new ConflictException('You have already submitted this');
      await this.audit.record(manager, ctx, {
        action: 'response.draft_saved',
        recordType: 'response',
        recordId: saved.id,
        detail: { occurrenceId, answered: Object.keys(answers).length },
      });
      return this.readOne(manager, ctx, saved.id, null);
    });
  }

  /**
   * Submits the caller's answers. One response per partner and occurrence: a repeat of the
   * same submission (the same Idempotency-Key, or the very same answers) gets the first
   * result back with `replayed: true`; anything else after submitting is a 409. The
   * occurrence row is locked first, so concurrent submissions queue rather than race.
   */
  async submit(
    ctx: TenantContext,
    occurrenceId: string,
    body: unknown,
    idempotencyKey: string | undefined,
  ): Promise<SubmitResultDto> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw invalidRequest({ 'Idempotency-Key': 'Use 1 to 100 letters, digits or . _ : -' });
    }
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'response.write', [occurrenceId]);
      await requirePolicyAcknowledged(manager, ctx);
      const target = await this.lockTarget(manager, ctx, occurrenceId);
      const own = await ownResponse(manager, ctx, occurrenceId);
      if (own && own.status !== 'draft') {
        const sameKey = idempotencyKey !== undefined && own.idempotency_key === idempotencyKey;
        const sameAnswers = (() => {
          try {
            return isDeepStrictEqual(checkAnswers(target.definition, body, false), own.answers);
          } catch {
            return false;
          }
        })();
        if (!sameKey && !sameAnswers) {
          throw new ConflictException('You have already submitted this');
        }
        return { ...(await this.readOne(manager, ctx, own.id, null)), replayed: true };
      }
      if (target.status === 'completed') throw new ConflictException('This is already complete');
      await this.refuseIfPartnerAnsweredJointly(manager, ctx, target);
      const answers = checkAnswers(target.definition, body, false);
      const now = new Date();
      const late = now.getTime() > target.due_at.getTime();
      const status = target.completion_mode === 'joint' ? 'awaiting_confirmation' : 'submitted';
      const [saved] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO responses (clinic_id, occurrence_id, couple_id, author_user_id, status,
                                answers, submitted_at, late, idempotency_key, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
         ON CONFLICT ON CONSTRAINT uq_responses_author DO UPDATE
           SET status = EXCLUDED.status, answers = EXCLUDED.answers,
               submitted_at = EXCLUDED.submitted_at, late = EXCLUDED.late,
               idempotency_key = EXCLUDED.idempotency_key, updated_at = EXCLUDED.updated_at
           WHERE responses.status = 'draft'
         RETURNING id`,
        [
          ctx.clinicId,
          occurrenceId,
          target.couple_id,
          ctx.userId,
          status,
          JSON.stringify(answers),
          now.toISOString(),
          late,
          idempotencyKey ?? null,
        ],
      );
      if (!saved) throw new ConflictException('You have already submitted this');
      const completed = await this.completeIfDone(manager, ctx, target, now);
      await this.audit.record(manager, ctx, {
        action: 'response.submitted',
        recordType: 'response',
        recordId: saved.id,
        detail: {
          occurrenceId,
          late,
          status,
          occurrenceCompleted: completed,
        },
      });
      return this.readOne(manager, ctx, saved.id, null);
    });
  }

  /** The other partner agrees to a joint answer, which then counts for both. */
  async confirm(ctx: TenantContext, id: string): Promise<ResponseDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'response.confirm', [id]);
      await requirePolicyAcknowledged(manager, ctx);
      const [response] = await manager.query<
        Array<{ occurrence_id: string; author_user_id: string; status: string }>
      >(
        `SELECT occurrence_id, author_user_id, status FROM responses
          WHERE clinic_id = $1 AND id = $2`,
        [ctx.clinicId, id],
      );
      if (!response || (response.status === 'draft' && response.author_user_id !== ctx.userId)) {
        throw new NotFoundException('Not found');
      }
      if (response.author_user_id === ctx.userId) {
        throw new ForbiddenException('Your partner confirms what you submitted, not you');
      }
      const target = await this.lockTarget(manager, ctx, response.occurrence_id, {
        expectedOnly: false,
      });
      if (response.status !== 'awaiting_confirmation') {
        throw new ConflictException('There is nothing to confirm');
      }
      const now = new Date();
      await manager.query(
        `UPDATE responses SET status = 'submitted', confirmed_by_user_id = $3, confirmed_at = $4,
                updated_at = now()
          WHERE clinic_id = $1 AND id = $2`,
        [ctx.clinicId, id, ctx.userId, now.toISOString()],
      );
      const completed = await this.completeIfDone(manager, ctx, target, now);
      await this.audit.record(manager, ctx, {
        action: 'response.confirmed',
        recordType: 'response',
        recordId: id,
        detail: { occurrenceId: response.occurrence_id, occurrenceCompleted: completed },
      });
      return this.readOne(manager, ctx, id, null);
    });
  }

  async addFeedback(ctx: TenantContext, id: string, body: string): Promise<FeedbackDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'response.review', [id]);
      await this.readOne(manager, ctx, id, null);
      const feedback = manager.create(ResponseFeedback, {
        clinicId: ctx.clinicId,
        responseId: id,
        authorUserId: ctx.userId,
        body: body.trim(),
      });
      await manager.insert(ResponseFeedback, feedback);
      await this.audit.record(manager, ctx, {
        action: 'response.feedback_added',
        recordType: 'response',
        recordId: id,
        detail: { feedbackId: feedback.id },
      });
      const response = await this.readOne(manager, ctx, id, null);
      const added = response.feedback.find((item) => item.id === feedback.id);
      if (!added) throw new Error('feedback just written is missing');
      return added;
    });
  }

  async markReviewed(ctx: TenantContext, id: string): Promise<ResponseDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'response.review', [id]);
      await this.readOne(manager, ctx, id, null);
      await manager.query(
        `UPDATE responses SET reviewed_at = COALESCE(reviewed_at, now()),
                reviewed_by_user_id = COALESCE(reviewed_by_user_id, $3)
          WHERE clinic_id = $1 AND id = $2`,
        [ctx.clinicId, id, ctx.userId],
      );
      await this.audit.record(manager, ctx, {
        action: 'response.reviewed',
        recordType: 'response',
        recordId: id,
      });
      return this.readOne(manager, ctx, id, null);
    });
  }

  /** For exercises the therapist reads first: from now on the partner may see it. */
  async release(ctx: TenantContext, id: string): Promise<ResponseDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'response.review', [id]);
      const response = await this.readOne(manager, ctx, id, null);
      if (!response.requiresTherapistReview) {
        throw new ConflictException('This exercise is shared without a release');
      }
      if (response.status !== 'submitted') {
        throw new ConflictException('Only a submitted answer can be released');
      }
      await manager.query(
        `UPDATE responses SET released_at = COALESCE(released_at, now()),
                reviewed_at = COALESCE(reviewed_at, now()),
                reviewed_by_user_id = COALESCE(reviewed_by_user_id, $3)
          WHERE clinic_id = $1 AND id = $2`,
        [ctx.clinicId, id, ctx.userId],
      );
      await this.audit.record(manager, ctx, {
        action: 'response.released',
        recordType: 'response',
        recordId: id,
      });
      return this.readOne(manager, ctx, id, null);
    });
  }

  /** One response through the reader (404 unless the caller may see it), audited as read. */
  private async readOne(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
    auditAction: string | null,
  ): Promise<ResponseDto> {
    const result = await this.reader.read(manager, ctx, {
      where: (sql) => sql.where((p) => `r.id = ${p}`, id),
    });
    const [response] = result.rows;
    if (!response) throw new NotFoundException('Not found');
    if (auditAction)
      await this.auditRead(manager, ctx, auditAction, result.rows, result.privateReadIds);
    else if (result.privateReadIds.length > 0) {
      await this.auditRead(manager, ctx, null, [], result.privateReadIds);
    }
    return response;
  }

  private async auditRead(
    manager: EntityManager,
    ctx: TenantContext,
    action: string | null,
    rows: ResponseDto[],
    privateReadIds: string[],
  ): Promise<void> {
    if (action && rows.length > 0) {
      await this.audit.record(manager, ctx, {
        action,
        recordType: 'response',
        ...(rows.length === 1 ? { recordId: rows[0]?.id } : {}),
        detail: { ids: rows.map((row) => row.id) },
      });
    }
    if (privateReadIds.length > 0) {
      await this.audit.record(manager, ctx, {
        action: 'response.private_read',
        recordType: 'response',
        detail: { ids: privateReadIds },
      });
    }
  }

  /**
   * Locks the occurrence and checks the caller may answer it: it is not cancelled, joint work
   * is not paused by a safety concern (409), and in mode one only the named partner answers
   * (403).
   */
  private async lockTarget(
    manager: EntityManager,
    ctx: TenantContext,
    occurrenceId: string,
    options: { expectedOnly?: boolean } = {},
  ): Promise<AnswerTarget> {
    const [target] = await manager.query<AnswerTarget[]>(
      `SELECT o.id, o.couple_id, o.status, o.due_at, a.completion_mode, a.assignee_user_id,
              ev.definition, c.safety_paused_at
         FROM occurrences o
         JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
         JOIN exercise_versions ev ON ev.clinic_id = a.clinic_id AND ev.id = a.exercise_version_id
         JOIN couples c ON c.clinic_id = o.clinic_id AND c.id = o.couple_id
        WHERE o.clinic_id = $1 AND o.id = $2
        FOR UPDATE OF o`,
      [ctx.clinicId, occurrenceId],
    );
    if (!target || target.status === 'cancelled') {
      // Clients never see cancelled occurrences, so to them it does not exist.
      throw new NotFoundException('Not found');
    }
    if (target.completion_mode === 'joint' && target.safety_paused_at) {
      throw new ConflictException(
        'Joint exercises are paused for now; your therapist will be in touch',
      );
    }
    if (
      options.expectedOnly !== false &&
      target.completion_mode === 'one' &&
      target.assignee_user_id !== ctx.userId
    ) {
      throw new ForbiddenException('This one is for your partner to answer');
    }
    return target;
  }

  private async refuseIfPartnerAnsweredJointly(
    manager: EntityManager,
    ctx: TenantContext,
    target: AnswerTarget,
  ): Promise<void> {
    if (target.completion_mode !== 'joint') return;
    const [other] = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM responses
        WHERE clinic_id = $1 AND occurrence_id = $2 AND author_user_id <> $3
          AND status <> 'draft'`,
      [ctx.clinicId, target.id, ctx.userId],
    );
    if (other) {
      throw new ConflictException(
        'Your partner has already submitted this for you both; confirm it instead',
      );
    }
  }

  /** Marks the occurrence completed once everyone expected has submitted. */
  private async completeIfDone(
    manager: EntityManager,
    ctx: TenantContext,
    target: AnswerTarget,
    now: Date,
  ): Promise<boolean> {
    const [state] = await manager.query<Array<{ submitted: string; authors: string[] }>>(
      `SELECT count(*) AS submitted, array_agg(author_user_id::text) AS authors FROM responses
        WHERE clinic_id = $1 AND occurrence_id = $2 AND status = 'submitted'`,
      [ctx.clinicId, target.id],
    );
    const submitted = Number(state?.submitted ?? 0);
    let done: boolean;
    switch (target.completion_mode) {
      case 'joint':
        done = submitted >= 1;
        break;
      case 'one':
        done = (state?.authors ?? []).includes(target.assignee_user_id ?? '');
        break;
      case 'each':
        done = submitted >= 2;
        break;
    }
    if (!done) return false;
    await manager.query(
      `UPDATE occurrences SET status = 'completed', completed_at = $3
        WHERE clinic_id = $1 AND id = $2 AND status <> 'completed'`,
      [ctx.clinicId, target.id, now.toISOString()],
    );
    return true;
  }
}

async function ownResponse(
  manager: EntityManager,
  ctx: TenantContext,
  occurrenceId: string,
): Promise<OwnResponse | null> {
  const [row] = await manager.query<OwnResponse[]>(
    `SELECT id, status, answers, idempotency_key FROM responses
      WHERE clinic_id = $1 AND occurrence_id = $2 AND author_user_id = $3`,
    [ctx.clinicId, occurrenceId, ctx.userId],
  );
  return row ?? null;
}

/**
 * Reads `{ answers: { promptId: { value, visibility } } }` against the pinned version: values
 * through validateAnswers (drafts may be incomplete), visibilities among the exercise's
 * options (its default when left out). Throws a 400 naming `answers.<promptId>`.
 */
function checkAnswers(definition: ExerciseTemplate, body: unknown, draft: boolean): StoredAnswers {
  const raw = isRecord(body) ? body.answers : undefined;
  if (!isRecord(raw)) {
    throw invalidRequest({ answers: 'Answers must be an object keyed by question id' });
  }
  const fields: FieldProblems = {};
  const values: Record<string, unknown> = {};
  const visibilities: Record<string, Visibility> = {};
  for (const [promptId, entry] of Object.entries(raw)) {
    if (!isRecord(entry)) {
      fields[`answers.${promptId}`] = 'Send { value, visibility } for each answer';
      continue;
    }
    const unknownKeys = Object.keys(entry).filter((key) => key !== 'value' && key !== 'visibility');
    if (unknownKeys.length > 0) {
      fields[`answers.${promptId}`] = `Unknown field ${unknownKeys.join(', ')}`;
      continue;
    }
    values[promptId] = entry.value;
    const visibility = entry.visibility ?? definition.defaultVisibility;
    if (
      typeof visibility !== 'string' ||
      !(definition.visibilityOptions as readonly string[]).includes(visibility)
    ) {
      fields[`answers.${promptId}.visibility`] =
        `Choose one of: ${definition.visibilityOptions.join(', ')}`;
      continue;
    }
    visibilities[promptId] = visibility as Visibility;
  }
  const form = parseExerciseForm(definition.form);
  const checked = validateAnswers(form.ok ? form.value : definition.form, values, { draft });
  if (!checked.ok) {
    for (const problem of checked.problems) fields[problem.field] ??= problem.message;
  }
  if (Object.keys(fields).length > 0 || !checked.ok) {
    throw invalidRequest(fields, 'Some answers need another look');
  }
  const stored: StoredAnswers = {};
  for (const [promptId, value] of Object.entries(checked.value)) {
    stored[promptId] = {
      value,
      visibility: visibilities[promptId] ?? definition.defaultVisibility,
    };
  }
  return stored;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
