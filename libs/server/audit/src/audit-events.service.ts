import { Injectable, NotFoundException } from '@nestjs/common';
import { z } from 'zod';
import type { AuditDetail } from '@mend/server-db';
import { asArray, idOrIds, type ListQuery } from '@mend/server-platform';
import { AccessService, TenantDb, type TenantContext } from '@mend/server-tenancy';
import type { AuditEventDto } from './audit-event.dto';

export const AUDIT_LIST = {
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
};
type AuditFilter = z.infer<typeof AUDIT_LIST.filter>;

const COLUMNS: Record<(typeof AUDIT_LIST.sortable)[number], string> = {
  occurredAt: 'a.occurred_at',
  action: 'a.action',
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
    query: ListQuery<(typeof AUDIT_LIST.sortable)[number], AuditFilter>,
  ): Promise<{ rows: AuditEventDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'audit.search');
      const { where, parameters } = conditions(ctx.clinicId, query.filter);
      const rows: AuditRow[] = await manager.query(
        `SELECT a.*, u.display_name AS actor_name, count(*) OVER () AS total
           FROM audit_events a
           LEFT JOIN users u ON u.clinic_id = a.clinic_id AND u.id = a.actor_user_id
          WHERE ${where.join(' AND ')}
          ORDER BY ${COLUMNS[query.sort]} ${query.order}, a.id
          LIMIT ${query.limit} OFFSET ${query.offset}`,
        parameters,
      );
      return { rows: rows.map(toDto), total: Number(rows[0]?.total ?? 0) };
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

function conditions(
  clinicId: string,
  filter: AuditFilter,
): { where: string[]; parameters: unknown[] } {
  const where = ['a.clinic_id = $1'];
  const parameters: unknown[] = [clinicId];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    parameters.push(value);
    where.push(sql(`$${parameters.length}`));
  };
  if (filter.id) add((p) => `a.id = ANY(${p}::uuid[])`, asArray(filter.id));
  if (filter.actorUserId) add((p) => `a.actor_user_id = ${p}`, filter.actorUserId);
  if (filter.action) {
    if (filter.action.endsWith('.')) add((p) => `starts_with(a.action, ${p})`, filter.action);
    else add((p) => `a.action = ${p}`, filter.action);
  }
  if (filter.recordType) add((p) => `a.record_type = ${p}`, filter.recordType);
  if (filter.recordId) add((p) => `a.record_id = ${p}`, filter.recordId);
  if (filter.from) add((p) => `a.occurred_at >= ${p}`, filter.from);
  if (filter.to) add((p) => `a.occurred_at < ${p}`, filter.to);
  return { where, parameters };
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
