import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
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
import { ALERT_KINDS, ALERT_SEVERITIES, ALERT_STATUSES } from '@mend/shared-contracts';
import type { AlertDto } from './progress.dto';

export const ALERT_LIST = listSpec({
  sortable: ['createdAt', 'severity', 'status'],
  defaultSort: ['createdAt', 'DESC'],
  filter: z.strictObject({
    id: idOrIds.optional(),
    coupleId: z.uuid().optional(),
    kind: z.enum(ALERT_KINDS).optional(),
    status: z.enum(ALERT_STATUSES).optional(),
    severity: z.enum(ALERT_SEVERITIES).optional(),
    /** Everything not yet resolved. */
    active: z.boolean().optional(),
  }),
});
type AlertListQuery = ListQueryOf<typeof ALERT_LIST>;

const SORT_COLUMNS: SortColumns<AlertListQuery['sort']> = {
  createdAt: 'al.created_at',
  severity: 'al.severity',
  status: 'al.status',
  id: 'al.id',
};

interface AlertRow {
  id: string;
  couple_id: string;
  couple_label: string;
  kind: AlertDto['kind'];
  severity: AlertDto['severity'];
  status: AlertDto['status'];
  subject_user_id: string | null;
  detail: AlertDto['detail'];
  created_at: Date;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
  total: string;
}

/** Alerts for staff: only the couples they may see; never shown to partners. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(
    ctx: TenantContext,
    query: AlertListQuery,
  ): Promise<{ rows: AlertDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'alert.list');
      const visible = this.access.visibleCouplesSql(ctx);
      const sql = new SqlBuilder(...visible.parameters)
        .where('al.clinic_id = $1')
        .where(`al.couple_id IN (${visible.sql})`);
      const { id, coupleId, kind, status, severity, active } = query.filter;
      if (id) sql.where((p) => `al.id = ANY(${p}::uuid[])`, asArray(id));
      if (coupleId) sql.where((p) => `al.couple_id = ${p}`, coupleId);
      if (kind) sql.where((p) => `al.kind = ${p}`, kind);
      if (status) sql.where((p) => `al.status = ${p}`, status);
      if (severity) sql.where((p) => `al.severity = ${p}`, severity);
      if (active !== undefined) {
        sql.where(active ? `al.status <> 'resolved'` : `al.status = 'resolved'`);
      }
      const rows: AlertRow[] = await manager.query(
        `SELECT al.*, c.label AS couple_label, count(*) OVER () AS total
           FROM alerts al JOIN couples c ON c.clinic_id = al.clinic_id AND c.id = al.couple_id
          WHERE ${sql.conditions}
          ${sql.orderBy(SORT_COLUMNS, query)} ${sql.page(query)}`,
        sql.parameters,
      );
      if (rows.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'alert.list_read',
          recordType: 'alert',
          detail: { ids: rows.map((row) => row.id) },
        });
      }
      return { rows: rows.map(toDto), total: totalOf(rows) };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<AlertDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'alert.read', [id]);
      await this.audit.record(manager, ctx, {
        action: 'alert.read',
        recordType: 'alert',
        recordId: id,
      });
      return toDto(await this.find(manager, ctx.clinicId, id));
    });
  }

  async update(
    ctx: TenantContext,
    id: string,
    status: 'acknowledged' | 'resolved',
  ): Promise<AlertDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'alert.update', [id]);
      const alert = await this.find(manager, ctx.clinicId, id);
      if (alert.kind === 'safety' && status === 'resolved') {
        throw new ConflictException(
          'A safety alert is resolved by resolving its safety check, after talking with the partner',
        );
      }
      if (alert.status === 'resolved')
        throw new ConflictException('This alert is already resolved');
      await manager.query(
        status === 'acknowledged'
          ? `UPDATE alerts SET status = 'acknowledged', acknowledged_at = now(), acknowledged_by_user_id = $3
              WHERE clinic_id = $1 AND id = $2`
          : `UPDATE alerts SET status = 'resolved', resolved_at = now(), resolved_by_user_id = $3
              WHERE clinic_id = $1 AND id = $2`,
        [ctx.clinicId, id, ctx.userId],
      );
      await this.audit.record(manager, ctx, {
        action: `alert.${status}`,
        recordType: 'alert',
        recordId: id,
      });
      return toDto(await this.find(manager, ctx.clinicId, id));
    });
  }

  private async find(manager: EntityManager, clinicId: string, id: string): Promise<AlertRow> {
    const [row]: AlertRow[] = await manager.query(
      `SELECT al.*, c.label AS couple_label, 1 AS total
         FROM alerts al JOIN couples c ON c.clinic_id = al.clinic_id AND c.id = al.couple_id
        WHERE al.clinic_id = $1 AND al.id = $2`,
      [clinicId, id],
    );
    if (!row) throw new NotFoundException('Not found');
    return row;
  }
}

function toDto(row: AlertRow): AlertDto {
  return {
    id: row.id,
    coupleId: row.couple_id,
    coupleLabel: row.couple_label,
    kind: row.kind,
    severity: row.severity,
    status: row.status,
    subjectUserId: row.subject_user_id,
    detail: row.detail,
    createdAt: row.created_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}
