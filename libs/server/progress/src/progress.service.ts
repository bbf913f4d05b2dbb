import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
import { localizedTitleSql } from '@mend/server-db';
import type { ListQuery } from '@mend/server-platform';
import { AccessService, TenantDb, readerLocale, type TenantContext } from '@mend/server-tenancy';
import { COUPLE_STATUSES } from '@mend/shared-contracts';
import { CoupleProgressCalculator } from './couple-progress.calculator';
import type { CaseloadRowDto, CoupleProgressDto, TimelineEventDto } from './progress.dto';

export const CASELOAD_LIST = {
  sortable: ['attention'] as const,
  defaultSort: ['attention', 'DESC'] as const,
  filter: z.strictObject({ status: z.enum(COUPLE_STATUSES).optional() }),
};

const TIMELINE_LIMIT = 200;

@Injectable()
export class ProgressService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly calculator: CoupleProgressCalculator,
  ) {}

  async forCouple(ctx: TenantContext, coupleId: string): Promise<CoupleProgressDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'progress.read', [coupleId]);
      const figures = await this.calculator.forCouples(manager, ctx.clinicId, [coupleId]);
      await this.audit.record(manager, ctx, {
        action: 'progress.read',
        recordType: 'couple',
        recordId: coupleId,
      });
      const progress = figures.get(coupleId);
      if (!progress) throw new Error('progress of a visible couple is missing');
      return progress;
    });
  }

  /**
   * The couples that most need attention first: urgent (safety) alerts, then open alerts, then
   * long missed runs, one-sided work, and those quiet the longest. Alerts carry the ranking, so
   * the order is computed in SQL over the whole caseload; figures are computed for the page.
   */
  async caseload(
    ctx: TenantContext,
    query: ListQuery<'attention', z.infer<typeof CASELOAD_LIST.filter>>,
  ): Promise<{ rows: CaseloadRowDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'caseload.read');
      const visible = this.access.visibleCouplesSql(ctx);
      const parameters: unknown[] = [...visible.parameters];
      let statusFilter = `c.status <> 'closed'`;
      if (query.filter.status) {
        parameters.push(query.filter.status);
        statusFilter = `c.status = $${parameters.length}`;
      }
      const direction = query.order === 'DESC' ? 'DESC' : 'ASC';
      const rows: Array<{
        id: string;
        label: string;
        status: CaseloadRowDto['status'];
        urgent: string;
        open: string;
        missed: string | null;
        asymmetric: boolean;
        last_activity: Date | null;
        total: string;
      }> = await manager.query(
        `SELECT c.id, c.label, c.status,
                count(al.id) FILTER (WHERE al.severity = 'urgent') AS urgent,
                count(al.id) AS open,
                max((al.detail->>'missedInARow')::int) FILTER (WHERE al.kind = 'missed_streak') AS missed,
                bool_or(al.kind = 'asymmetry') IS TRUE AS asymmetric,
                (SELECT max(r.submitted_at) FROM responses r
                  WHERE r.clinic_id = $1 AND r.couple_id = c.id) AS last_activity,
                count(*) OVER () AS total
           FROM couples c
           LEFT JOIN alerts al ON al.clinic_id = c.clinic_id AND al.couple_id = c.id
                              AND al.status <> 'resolved'
          WHERE c.clinic_id = $1 AND c.id IN (${visible.sql}) AND ${statusFilter}
          GROUP BY c.clinic_id, c.id
          ORDER BY (count(al.id) FILTER (WHERE al.severity = 'urgent') * 1000
                    + count(al.id) * 100
                    + coalesce(max((al.detail->>'missedInARow')::int)
                               FILTER (WHERE al.kind = 'missed_streak'), 0) * 10) ${direction},
                   last_activity ASC NULLS FIRST, c.label
          LIMIT ${query.limit} OFFSET ${query.offset}`,
        parameters,
      );
      const figures = await this.calculator.forCouples(
        manager,
        ctx.clinicId,
        rows.map((row) => row.id),
      );
      return {
        total: Number(rows[0]?.total ?? 0),
        rows: rows.map((row) => {
          const progress = figures.get(row.id);
          const rates = (progress?.partners ?? [])
            .map((p) => p.completion30)
            .filter((rate): rate is number => rate !== null);
          return {
            id: row.id,
            label: row.label,
            status: row.status,
            urgentAlerts: Number(row.urgent),
            openAlerts: Number(row.open),
            missedInARow: Math.max(0, ...(progress?.partners ?? []).map((p) => p.missedInARow)),
            asymmetryFlagged: row.asymmetric || (progress?.asymmetryFlagged ?? false),
            completion30: rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null,
            weekly: progress?.weekly ?? [],
            lastActivityAt: row.last_activity?.toISOString() ?? null,
          };
        }),
      };
    });
  }

  /** What happened with a couple, newest first: events and titles only, never answer text. */
  async timeline(ctx: TenantContext, coupleId: string): Promise<TimelineEventDto[]> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'progress.read', [coupleId]);
      // Exercise titles in the reader's language, where the exercise has it.
      const locale = await readerLocale(manager, ctx);
      const title = localizedTitleSql('v', '$3');
      const rows: Array<{
        at: Date;
        kind: string;
        actor_user_id: string | null;
        actor_name: string | null;
        summary: string;
        record_id: string;
      }> = await manager.query(
        `SELECT e.*, u.display_name AS actor_name FROM (
           SELECT a.created_at AS at, 'assignment_created' AS kind, a.created_by_user_id AS actor_user_id,
                  ${title} AS summary, a.id AS record_id
             FROM assignments a
             JOIN exercise_versions v ON v.clinic_id = a.clinic_id AND v.id = a.exercise_version_id
            WHERE a.clinic_id = $1 AND a.couple_id = $2
           UNION ALL
           SELECT r.submitted_at, 'response_submitted', r.author_user_id, ${title}, r.id
             FROM responses r
             JOIN occurrences o ON o.clinic_id = r.clinic_id AND o.id = r.occurrence_id
             JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
             JOIN exercise_versions v ON v.clinic_id = a.clinic_id AND v.id = a.exercise_version_id
            WHERE r.clinic_id = $1 AND r.couple_id = $2 AND r.status = 'submitted'
           UNION ALL
           SELECT f.created_at, 'feedback_given', f.author_user_id, ${title}, f.id
             FROM response_feedback f
             JOIN responses r ON r.clinic_id = f.clinic_id AND r.id = f.response_id
             JOIN occurrences o ON o.clinic_id = r.clinic_id AND o.id = r.occurrence_id
             JOIN assignments a ON a.clinic_id = o.clinic_id AND a.id = o.assignment_id
             JOIN exercise_versions v ON v.clinic_id = a.clinic_id AND v.id = a.exercise_version_id
            WHERE f.clinic_id = $1 AND r.couple_id = $2
           UNION ALL
           SELECT p.created_at, 'promise_made', p.promiser_user_id, p.description, p.id
             FROM promises p WHERE p.clinic_id = $1 AND p.couple_id = $2
           UNION ALL
           SELECT p.confirmed_at, 'promise_confirmed', p.confirmed_by_user_id, p.status::text, p.id
             FROM promises p WHERE p.clinic_id = $1 AND p.couple_id = $2 AND p.confirmed_at IS NOT NULL
           UNION ALL
           SELECT al.created_at, 'alert_raised', NULL, al.kind::text, al.id
             FROM alerts al WHERE al.clinic_id = $1 AND al.couple_id = $2
         ) e
         LEFT JOIN users u ON u.clinic_id = $1 AND u.id = e.actor_user_id
         ORDER BY e.at DESC LIMIT ${TIMELINE_LIMIT}`,
        [ctx.clinicId, coupleId, locale],
      );
      await this.audit.record(manager, ctx, {
        action: 'timeline.read',
        recordType: 'couple',
        recordId: coupleId,
      });
      return rows.map((row) => ({
        at: row.at.toISOString(),
        kind: row.kind,
        actorUserId: row.actor_user_id,
        actorName: row.actor_name,
        summary: row.summary,
        recordId: row.record_id,
      }));
    });
  }
}
