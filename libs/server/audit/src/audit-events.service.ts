import { Injectable, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import type { AuditDetail } from '@mend/server-db';
import {
  SqlBuilder,
  asArray,
  idOrIds,
  listSpec,
  totalOf,
  type ListQueryOf,
  type SortColumns,
} from '@mend/server-platform';
import { AccessService, TenantDb, type TenantContext } from '@mend/server-tenancy';
import type { AuditEventDto } from './audit-event.dto';

export const AUDIT_LIST = listSpec({
  sortable: ['occurredAt', 'action'] as const,
  defaultSort: ['occurredAt', 'DESC'] as const,
  filter: z.strictObject({
    id: idOrIds.optional(),
    actorUserId: z.uuid().optional(),
    /** Exact action, or a family such as "auth." (anything starting with it). */
    action: z.string().min(1).max(100).optional(),
    recordType: z.string().min(1).max(50).optional(),
    recordId: z.uuid().optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  }),
});
type AuditListQuery = ListQueryOf<typeof AUDIT_LIST>;

const COLUMNS: SortColumns<AuditListQuery['sort']> = {
  occurredAt: 'a.occurred_at',
  action: 'a.action',
  id: 'a.id',
};

interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  request_id: string | null;
  ip: string | null;
  detail: AuditDetail;
  total: string;
}

/** Clinic admins search their clinic's audit trail (who did what to which record, when). */
@Injectable()
export class AuditEventsService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
  ) {}

  async list(
    ctx: TenantContext,
    query: AuditListQuery,
  ): Promise<{ rows: AuditEventDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'audit.search');
      const sql = conditions(ctx.clinicId, query.filter);
      const rows: AuditRow[] = await manager.query(
        `SELECT a.*, u.display_name AS actor_name, count(*) OVER () AS total
           FROM audit_events a
           LEFT JOIN users u ON u.clinic_id = a.clinic_id AND u.id = a.actor_user_id
          WHERE ${sql.conditions}
          ${sql.orderBy(COLUMNS, query)} ${sql.page(query)}`,
        sql.parameters,
      );
      return { rows: rows.map(toDto), total: totalOf(rows) };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<AuditEventDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'audit.search');
      const [row]: AuditRow[] = await manager.query(
        `SELECT a.*, u.display_name AS actor_name, 1 AS total
           FROM audit_events a
           LEFT JOIN users u ON u.clinic_id = a.clinic_id AND u.id = a.actor_user_id
          WHERE a.clinic_id = $1 AND a.id = $2`,
        [ctx.clinicId, id],
      );
      if (!row) throw new NotFoundException('Not found');
      return toDto(row);
    });
  }
}

function conditions(clinicId: string, filter: AuditListQuery['filter']): SqlBuilder {
  const sql = new SqlBuilder(clinicId).where('a.clinic_id = $1');
  if (filter.id) sql.where((p) => `a.id = ANY(${p}::uuid[])`, asArray(filter.id));
  if (filter.actorUserId) sql.where((p) => `a.actor_user_id = ${p}`, filter.actorUserId);
  if (filter.action) {
    if (filter.action.endsWith('.')) sql.where((p) => `starts_with(a.action, ${p})`, filter.action);
    else sql.where((p) => `a.action = ${p}`, filter.action);
  }
  if (filter.recordType) sql.where((p) => `a.record_type = ${p}`, filter.recordType);
  if (filter.recordId) sql.where((p) => `a.record_id = ${p}`, filter.recordId);
  if (filter.from) sql.where((p) => `a.occurred_at >= ${p}`, filter.from);
  if (filter.to) sql.where((p) => `a.occurred_at < ${p}`, filter.to);
  return sql;
}

function toDto(row: AuditRow): AuditEventDto {
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    requestId: row.request_id,
    ip: row.ip,
    detail: row.detail,
  };
}
