import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { titleIn, translatedTitlesSql, type StoredAnswers } from '@mend/server-db';
import { SqlBuilder } from '@mend/server-platform';
import { AccessService, readerLocale, type TenantContext } from '@mend/server-tenancy';
import type { ResponseStatus } from '@mend/shared-contracts';
import type { CompletionMode } from '@mend/shared-exercises';
import { answersFor, type ReaderKind } from './answer-visibility';
import type { FeedbackDto, ResponseDto } from './response.dto';

interface ResponseRow {
  id: string;
  occurrence_id: string;
  assignment_id: string;
  couple_id: string;
  exercise_id: string;
  title: string;
  titles: Record<string, string> | null;
  theme: string;
  completion_mode: CompletionMode;
  requires_review: boolean;
  local_date: string;
  due_at: Date;
  author_user_id: string;
  author_name: string;
  status: ResponseStatus;
  answers: StoredAnswers;
  submitted_at: Date | null;
  late: boolean;
  confirmed_by_user_id: string | null;
  confirmed_at: Date | null;
  released_at: Date | null;
  reviewed_at: Date | null;
  reviewed_by_user_id: string | null;
  updated_at: Date;
}

export const REQUIRES_REVIEW_SQL = `COALESCE((ev.definition->>'requiresTherapistReview')::boolean, false)`;

const FROM_RESPONSES = `
    FROM responses r
    JOIN occurrences o ON o.clinic_id = r.clinic_id AND o.id = r.occurrence_id
    JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
    JOIN exercise_versions ev ON ev.clinic_id = a.clinic_id AND ev.id = a.exercise_version_id
    JOIN exercises e ON e.clinic_id = ev.clinic_id AND e.id = ev.exercise_id
    JOIN users u ON u.clinic_id = r.clinic_id AND u.id = r.author_user_id`;

export interface ResponseQuery {
  /** Adds conditions over r, o, a, ev to the reader's own. */
  where: (sql: SqlBuilder) => void;
  /** The ORDER BY clause; newest submitted first when not given. */
  orderBy?: (sql: SqlBuilder) => string;
  /** One page; every matching row when not given. */
  page?: { offset: number; limit: number };
}

/**
 * The one way responses leave the database. Rows are limited in SQL to what the reader may see
 * at all (so totals never count hidden ones); answers are then filtered one by one. Every
 * endpoint that shows responses (responses, occurrence details, feedback) goes through here.
 *
 * Who sees which response:
 * - its author, always (their own drafts included);
 * - the other partner, once it is submitted (or awaiting their confirmation), and for an
 *   exercise the therapist reviews first, only once it is released;
 * - therapists of the couple and admins, once it is submitted: never drafts.
 */
@Injectable()
export class ResponseReader {
  constructor(private readonly access: AccessService) {}

  async read(
    manager: EntityManager,
    ctx: TenantContext,
    query: ResponseQuery,
  ): Promise<{ rows: ResponseDto[]; total: number; privateReadIds: string[] }> {
    const visible = this.access.visibleCouplesSql(ctx);
    const sql = new SqlBuilder(...visible.parameters)
      .where('r.clinic_id = $1')
      .where(`r.couple_id IN (${visible.sql})`)
      .where(
        ctx.role === 'client'
          ? `(r.author_user_id = $2 OR (r.status IN ('submitted', 'awaiting_confirmation')
             AND (NOT ${REQUIRES_REVIEW_SQL} OR r.released_at IS NOT NULL)))`
          : `r.status <> 'draft'`,
      );
    query.where(sql);
    const [count] = await manager.query<Array<{ total: string }>>(
      `SELECT count(*) AS total ${FROM_RESPONSES} WHERE ${sql.conditions}`,
      [...sql.parameters],
    );
    const rows = await manager.query<ResponseRow[]>(
      `SELECT r.id, r.occurrence_id, o.assignment_id, r.couple_id, ev.exercise_id, ev.title,
              ${translatedTitlesSql('ev')} AS titles,
              e.theme, a.completion_mode, ${REQUIRES_REVIEW_SQL} AS requires_review,
              o.local_date::text AS local_date, o.due_at, r.author_user_id,
              u.display_name AS author_name, r.status, r.answers, r.submitted_at, r.late,
              r.confirmed_by_user_id, r.confirmed_at, r.released_at, r.reviewed_at,
              r.reviewed_by_user_id, r.updated_at
       ${FROM_RESPONSES} WHERE ${sql.conditions}
       ${query.orderBy?.(sql) ?? 'ORDER BY r.submitted_at DESC NULLS LAST, r.id'}
       ${query.page ? sql.page(query.page) : ''}`,
      sql.parameters,
    );
    const submittedOwn = await this.submittedOccurrences(manager, ctx, rows);
    const adminReadsPrivate = ctx.role === 'clinic_admin' && (await adminMayRead(manager, ctx));
    const feedback = await this.feedbackOf(manager, ctx, rows);
    const privateReadIds: string[] = [];
    const locale = await readerLocale(manager, ctx);
    const dtos = rows.map((row) => {
      const kind: ReaderKind =
        ctx.role === 'client'
          ? row.author_user_id === ctx.userId
            ? 'author'
            : 'partner'
          : ctx.role === 'therapist'
            ? 'therapist'
            : 'admin';
      const shown = answersFor(
        { kind, submittedOwn: submittedOwn.has(row.occurrence_id), adminReadsPrivate },
        row.answers,
      );
      if (shown.privateRead) privateReadIds.push(row.id);
      return toResponseDto(row, locale, shown.answers, feedback.get(row.id) ?? []);
    });
    return { rows: dtos, total: Number(count?.total), privateReadIds };
  }

  /** The occurrences among `rows` the reading client has answered themselves. */
  private async submittedOccurrences(
    manager: EntityManager,
    ctx: TenantContext,
    rows: ResponseRow[],
  ): Promise<Set<string>> {
    if (ctx.role !== 'client' || rows.length === 0) return new Set();
    const own = await manager.query<Array<{ occurrence_id: string }>>(
      `SELECT occurrence_id FROM responses
        WHERE clinic_id = $1 AND author_user_id = $2
          AND status IN ('submitted', 'awaiting_confirmation')
          AND occurrence_id = ANY($3::uuid[])`,
      [ctx.clinicId, ctx.userId, [...new Set(rows.map((row) => row.occurrence_id))]],
    );
    return new Set(own.map((row) => row.occurrence_id));
  }

  private async feedbackOf(
    manager: EntityManager,
    ctx: TenantContext,
    rows: ResponseRow[],
  ): Promise<Map<string, FeedbackDto[]>> {
    const byResponse = new Map<string, FeedbackDto[]>();
    if (rows.length === 0) return byResponse;
    const feedback = await manager.query<
      Array<{
        id: string;
        response_id: string;
        author_name: string;
        body: string;
        created_at: Date;
      }>
    >(
      `SELECT f.id, f.response_id, u.display_name AS author_name, f.body, f.created_at
         FROM response_feedback f
         JOIN users u ON u.clinic_id = f.clinic_id AND u.id = f.author_user_id
        WHERE f.clinic_id = $1 AND f.response_id = ANY($2::uuid[])
        ORDER BY f.created_at, f.id`,
      [ctx.clinicId, rows.map((row) => row.id)],
    );
    for (const item of feedback) {
      const list = byResponse.get(item.response_id) ?? [];
      list.push({
        id: item.id,
        authorName: item.author_name,
        body: item.body,
        createdAt: item.created_at.toISOString(),
      });
      byResponse.set(item.response_id, list);
    }
    return byResponse;
  }
}

async function adminMayRead(manager: EntityManager, ctx: TenantContext): Promise<boolean> {
  const [clinic] = await manager.query<Array<{ admin_reads_private_answers: boolean }>>(
    `SELECT admin_reads_private_answers FROM clinics WHERE id = $1`,
    [ctx.clinicId],
  );
  return clinic?.admin_reads_private_answers === true;
}

function toResponseDto(
  row: ResponseRow,
  locale: string,
  answers: ResponseDto['answers'],
  feedback: FeedbackDto[],
): ResponseDto {
  return {
    id: row.id,
    occurrenceId: row.occurrence_id,
    assignmentId: row.assignment_id,
    coupleId: row.couple_id,
    exerciseId: row.exercise_id,
    exerciseTitle: titleIn(row.title, row.titles, locale),
    exerciseTheme: row.theme,
    completionMode: row.completion_mode,
    requiresTherapistReview: row.requires_review,
    localDate: row.local_date,
    dueAt: row.due_at.toISOString(),
    authorId: row.author_user_id,
    authorName: row.author_name,
    status: row.status,
    answers,
    submittedAt: row.submitted_at?.toISOString() ?? null,
    late: row.late,
    confirmedById: row.confirmed_by_user_id,
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
    releasedAt: row.released_at?.toISOString() ?? null,
    reviewedAt: row.reviewed_at?.toISOString() ?? null,
    reviewedById: row.reviewed_by_user_id,
    updatedAt: row.updated_at.toISOString(),
    feedback,
  };
}
