import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
import type { ExerciseTemplate, ExerciseTranslations } from '@mend/server-db';
import {
  SqlBuilder,
  asArray,
  idOrIds,
  listSpec,
  type ListQueryOf,
  type SortColumns,
} from '@mend/server-platform';
import { AccessService, TenantDb, readerLocale, type TenantContext } from '@mend/server-tenancy';
import { OCCURRENCE_STATUSES, type OccurrenceStatus } from '@mend/shared-contracts';
import { localizeExercise, type CompletionMode, type ContentLocale } from '@mend/shared-exercises';
import { requirePolicyAcknowledged } from '@mend/server-couples';
import { ResponseReader } from '../responses/response-reader.service';
import type { ClientState, OccurrenceDetailDto, OccurrenceDto } from './occurrence.dto';

export const OCCURRENCE_LIST = listSpec({
  sortable: ['dueAt', 'localDate', 'status'],
  defaultSort: ['dueAt', 'ASC'],
  filter: z.strictObject({
    id: idOrIds.optional(),
    coupleId: idOrIds.optional(),
    assignmentId: z.uuid().optional(),
    /** Due at or after this instant. */
    from: z.iso.datetime({ offset: true }).optional(),
    /** Due before this instant. */
    to: z.iso.datetime({ offset: true }).optional(),
    status: z.enum(OCCURRENCE_STATUSES).optional(),
    /** Clients: only what they are expected to answer themselves. */
    mine: z.boolean().optional(),
  }),
});
type OccurrenceListQuery = ListQueryOf<typeof OCCURRENCE_LIST>;

const SORT_COLUMNS: SortColumns<OccurrenceListQuery['sort']> = {
  dueAt: 'o.due_at',
  localDate: 'o.local_date',
  status: 'o.status',
  id: 'o.id',
};

export interface OccurrenceRow {
  id: string;
  assignment_id: string;
  couple_id: string;
  exercise_id: string;
  title: string;
  theme: string;
  definition: ExerciseTemplate;
  translations: ExerciseTranslations;
  local_date: string;
  due_at: Date;
  status: OccurrenceStatus;
  completed_at: Date | null;
  completion_mode: CompletionMode;
  assignee_user_id: string | null;
  my_status: string | null;
  pending_id: string | null;
}

/**
 * What a client may see of the occurrences of their couple: nothing cancelled, and no joint
 * work while a safety concern has paused it. $2 is the reading user.
 */
export const CLIENT_OCCURRENCE_SQL = `o.status <> 'cancelled'
  AND NOT (a.completion_mode = 'joint' AND c.safety_paused_at IS NOT NULL)`;

@Injectable()
export class OccurrencesService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly reader: ResponseReader,
  ) {}

  async list(
    ctx: TenantContext,
    query: OccurrenceListQuery,
  ): Promise<{ rows: OccurrenceDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'occurrence.read');
      await requirePolicyAcknowledged(manager, ctx);
      const visible = this.access.visibleCouplesSql(ctx);
      const sql = new SqlBuilder(...visible.parameters)
        .where('o.clinic_id = $1')
        .where(`o.couple_id IN (${visible.sql})`);
      if (ctx.role === 'client') sql.where(CLIENT_OCCURRENCE_SQL);
      const { id, coupleId, assignmentId, from, to, status, mine } = query.filter;
      if (id) sql.where((p) => `o.id = ANY(${p}::uuid[])`, asArray(id));
      if (coupleId) sql.where((p) => `o.couple_id = ANY(${p}::uuid[])`, asArray(coupleId));
      if (assignmentId) sql.where((p) => `o.assignment_id = ${p}`, assignmentId);
      if (from) sql.where((p) => `o.due_at >= ${p}`, from);
      if (to) sql.where((p) => `o.due_at < ${p}`, to);
      if (status) sql.where((p) => `o.status = ${p}`, status);
      if (mine && ctx.role === 'client') {
        sql.where(`(a.completion_mode <> 'one' OR a.assignee_user_id = $2)`);
      }
      const [count] = await manager.query<Array<{ total: string }>>(
        `SELECT count(*) AS total ${FROM_OCCURRENCES} WHERE ${sql.conditions}`,
        [...sql.parameters],
      );
      const rows = await manager.query<OccurrenceRow[]>(
        `${SELECT_OCCURRENCES} WHERE ${sql.conditions}
         ${sql.orderBy(SORT_COLUMNS, query)} ${sql.page(query)}`,
        sql.parameters,
      );
      if (rows.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'occurrence.list_read',
          recordType: 'occurrence',
          detail: { ids: rows.map((row) => row.id) },
        });
      }
      const now = Date.now();
      const locale = await readerLocale(manager, ctx);
      return {
        rows: rows.map((row) => toOccurrenceDto(row, ctx, locale, now)),
        total: Number(count?.total ?? 0),
      };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<OccurrenceDetailDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'occurrence.read', [id]);
      await requirePolicyAcknowledged(manager, ctx);
      const row = await findOccurrence(manager, ctx, id);
      const { rows: responses, privateReadIds } = await this.reader.read(manager, ctx, {
        where: (sql) => sql.where((p) => `r.occurrence_id = ${p}`, id),
        orderBy: () => 'ORDER BY r.created_at, r.id',
      });
      await this.audit.record(manager, ctx, {
        action: 'occurrence.read',
        recordType: 'occurrence',
        recordId: id,
      });
      if (responses.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'response.read',
          recordType: 'response',
          detail: { ids: responses.map((response) => response.id), occurrenceId: id },
        });
      }
      if (privateReadIds.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'response.private_read',
          recordType: 'response',
          detail: { ids: privateReadIds },
        });
      }
      // Only the words follow the reader; answers are checked against the version as written.
      const locale = await readerLocale(manager, ctx);
      const { value: definition, translation } = localizeExercise(
        row.definition,
        row.translations,
        locale,
      );
      const mine = responses.find((response) => response.authorId === ctx.userId) ?? null;
      return {
        ...toOccurrenceDto(row, ctx, locale, Date.now()),
        translation,
        definition: {
          summary: definition.summary,
          whyItHelps: definition.whyItHelps,
          instructions: definition.instructions,
          prompts: definition.form.prompts,
          visibilityOptions: definition.visibilityOptions,
          defaultVisibility: definition.defaultVisibility,
          requiresTherapistReview: definition.requiresTherapistReview,
        },
        myResponse: ctx.role === 'client' ? mine : null,
        responses: responses.filter((response) => response !== mine),
      };
    });
  }
}

const FROM_OCCURRENCES = `
    FROM occurrences o
    JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
    JOIN couples c ON c.clinic_id = o.clinic_id AND c.id = o.couple_id`;

const SELECT_OCCURRENCES = `
  SELECT o.id, o.assignment_id, o.couple_id, ev.exercise_id, ev.title, e.theme, ev.definition,
         ev.translations,
         o.local_date::text AS local_date, o.due_at, o.status, o.completed_at,
         a.completion_mode, a.assignee_user_id, mine.status AS my_status, pending.id AS pending_id
  ${FROM_OCCURRENCES}
    JOIN exercise_versions ev ON ev.clinic_id = a.clinic_id AND ev.id = a.exercise_version_id
    JOIN exercises e ON e.clinic_id = ev.clinic_id AND e.id = ev.exercise_id
    LEFT JOIN responses mine ON mine.clinic_id = o.clinic_id AND mine.occurrence_id = o.id
          AND mine.author_user_id = $2
    LEFT JOIN responses pending ON pending.clinic_id = o.clinic_id AND pending.occurrence_id = o.id
          AND pending.status = 'awaiting_confirmation' AND pending.author_user_id <> $2`;

/** One occurrence as the caller may see it (404 when a client may not). */
export async function findOccurrence(
  manager: EntityManager,
  ctx: TenantContext,
  id: string,
): Promise<OccurrenceRow> {
  const [row] = await manager.query<OccurrenceRow[]>(
    `${SELECT_OCCURRENCES} WHERE o.clinic_id = $1 AND o.id = $3
       ${ctx.role === 'client' ? `AND ${CLIENT_OCCURRENCE_SQL}` : ''}`,
    [ctx.clinicId, ctx.userId, id],
  );
  if (!row) throw new NotFoundException('Not found');
  return row;
}

function toOccurrenceDto(
  row: OccurrenceRow,
  ctx: TenantContext,
  locale: ContentLocale,
  now: number,
): OccurrenceDto {
  const hasDraft = row.my_status === 'draft';
  const hasSubmitted = row.my_status !== null && row.my_status !== 'draft';
  const dto: OccurrenceDto = {
    id: row.id,
    assignmentId: row.assignment_id,
    coupleId: row.couple_id,
    exerciseId: row.exercise_id,
    exerciseTitle: row.translations[locale]?.title ?? row.title,
    exerciseTheme: row.theme,
    estimatedMinutes: row.definition.estimatedMinutes,
    localDate: row.local_date,
    dueAt: row.due_at.toISOString(),
    status: row.status,
    completedAt: row.completed_at?.toISOString() ?? null,
    completionMode: row.completion_mode,
    assigneeId: row.assignee_user_id,
    hasDraft,
    hasSubmitted,
  };
  if (ctx.role !== 'client') return dto;
  let state: ClientState;
  if (hasSubmitted || row.status === 'completed') state = 'done';
  else if (row.status === 'missed' || row.due_at.getTime() < now) state = 'overdue';
  else state = 'due';
  return { ...dto, state, pendingConfirmationResponseId: row.pending_id };
}
