import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
import { Alert, SafetyFlag, type AlertDetail } from '@mend/server-db';
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
import { ownCouple } from '../couples/own-couple';
import type {
  RaiseSafetyCheckDto,
  ResolveSafetyCheckDto,
  SafetyCheckDto,
  SafetyCheckReceivedDto,
} from './safety-check.dto';

export const SAFETY_CHECK_LIST = listSpec({
  sortable: ['createdAt', 'resolvedAt'] as const,
  defaultSort: ['createdAt', 'DESC'] as const,
  filter: z.strictObject({
    id: idOrIds.optional(),
    coupleId: z.uuid().optional(),
    /** true: still open; false: resolved. */
    open: z.boolean().optional(),
  }),
});
type SafetyCheckListQuery = ListQueryOf<typeof SAFETY_CHECK_LIST>;

const SORT_COLUMNS: SortColumns<SafetyCheckListQuery['sort']> = {
  createdAt: 'f.created_at',
  resolvedAt: 'f.resolved_at',
  id: 'f.id',
};

interface SafetyRow {
  id: string;
  couple_id: string;
  couple_label: string;
  raised_by_user_id: string;
  raised_by_name: string;
  note: string | null;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by_user_id: string | null;
  resolution_note: string | null;
}

const SELECT_FLAGS = `
  SELECT f.id, f.couple_id, c.label AS couple_label, f.raised_by_user_id,
         u.display_name AS raised_by_name, f.note, f.created_at, f.resolved_at,
         f.resolved_by_user_id, f.resolution_note
    FROM safety_flags f
    JOIN couples c ON c.clinic_id = f.clinic_id AND c.id = f.couple_id
    JOIN users u ON u.clinic_id = f.clinic_id AND u.id = f.raised_by_user_id`;

/**
 * Private safety checks: a partner says, privately, that they do not feel safe. The partner
 * who raised it learns only that it arrived; the other partner learns nothing through any
 * endpoint; the couple's therapists get an urgent alert and joint work pauses until every
 * open check is resolved.
 */
@Injectable()
export class SafetyChecksService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async raise(ctx: TenantContext, body: RaiseSafetyCheckDto): Promise<SafetyCheckReceivedDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'safety.raise');
      const own = await ownCouple(manager, ctx);
      await this.access.requireAccess(manager, ctx, 'safety.raise', [own.coupleId]);
      await openSafetyCheck(
        manager,
        ctx,
        this.audit,
        own.coupleId,
        body.note?.trim() ? body.note : null,
      );
      return { received: true as const };
    });
  }

  async list(
    ctx: TenantContext,
    query: SafetyCheckListQuery,
  ): Promise<{ rows: SafetyCheckDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'safety.read');
      const visible = this.access.visibleCouplesSql(ctx);
      const sql = new SqlBuilder(...visible.parameters)
        .where('f.clinic_id = $1')
        .where(`f.couple_id IN (${visible.sql})`);
      const { id, coupleId, open } = query.filter;
      if (id) sql.where((p) => `f.id = ANY(${p}::uuid[])`, asArray(id));
      if (coupleId) sql.where((p) => `f.couple_id = ${p}`, coupleId);
      if (open !== undefined)
        sql.where(open ? 'f.resolved_at IS NULL' : 'f.resolved_at IS NOT NULL');
      const rows: Array<SafetyRow & { total: string }> = await manager.query(
        `${SELECT_FLAGS.replace('SELECT', 'SELECT count(*) OVER () AS total,')}
          WHERE ${sql.conditions}
          ${sql.orderBy(SORT_COLUMNS, query, { nullsLast: true })} ${sql.page(query)}`,
        sql.parameters,
      );
      if (rows.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'safety.list_read',
          recordType: 'safety_flag',
          detail: { ids: rows.map((row) => row.id) },
        });
      }
      return { rows: rows.map(toSafetyCheckDto), total: totalOf(rows) };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<SafetyCheckDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'safety.read', [id]);
      const check = await this.find(manager, ctx, id);
      await this.audit.record(manager, ctx, {
        action: 'safety.read',
        recordType: 'safety_flag',
        recordId: id,
      });
      return check;
    });
  }

  /**
   * A therapist of the couple closes the check and its alert. Joint work resumes only when no
   * other check of the couple is still open.
   */
  async resolve(
    ctx: TenantContext,
    id: string,
    body: ResolveSafetyCheckDto,
  ): Promise<SafetyCheckDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'safety.resolve', [id]);
      const flag = await manager.findOne(SafetyFlag, {
        where: { clinicId: ctx.clinicId, id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!flag) throw new NotFoundException('Not found');
      if (flag.resolvedAt) throw new ConflictException('This safety check is already resolved');
      // Lock the couple so a check raised meanwhile cannot be missed when the pause is lifted.
      await manager.query(`SELECT 1 FROM couples WHERE clinic_id = $1 AND id = $2 FOR UPDATE`, [
        ctx.clinicId,
        flag.coupleId,
      ]);
      const now = new Date();
      await manager.update(
        SafetyFlag,
        { clinicId: ctx.clinicId, id },
        { resolvedAt: now, resolvedByUserId: ctx.userId, resolutionNote: body.note },
      );
      // A SELECT around the UPDATE, so the driver answers plain rows.
      const alerts: Array<{ id: string }> = await manager.query(
        `WITH resolved AS (
           UPDATE alerts SET status = 'resolved', resolved_at = $3, resolved_by_user_id = $4
            WHERE clinic_id = $1 AND dedupe_key = $2 AND status <> 'resolved'
            RETURNING id)
         SELECT id FROM resolved`,
        [ctx.clinicId, safetyDedupeKey(id), now, ctx.userId],
      );
      const [remaining]: Array<{ open: string }> = await manager.query(
        `SELECT count(*) AS open FROM safety_flags
          WHERE clinic_id = $1 AND couple_id = $2 AND resolved_at IS NULL`,
        [ctx.clinicId, flag.coupleId],
      );
      const resumed = Number(remaining?.open) === 0;
      if (resumed) {
        await manager.query(
          `UPDATE couples SET safety_paused_at = NULL WHERE clinic_id = $1 AND id = $2`,
          [ctx.clinicId, flag.coupleId],
        );
      }
      await this.audit.record(manager, ctx, {
        action: 'safety.resolved',
        recordType: 'safety_flag',
        recordId: id,
        detail: { coupleId: flag.coupleId, alertIds: alerts.map((a) => a.id), resumed },
      });
      return this.find(manager, ctx, id);
    });
  }

  private async find(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
  ): Promise<SafetyCheckDto> {
    const [row]: SafetyRow[] = await manager.query(
      `${SELECT_FLAGS} WHERE f.clinic_id = $1 AND f.id = $2`,
      [ctx.clinicId, id],
    );
    if (!row) throw new NotFoundException('Not found');
    return toSafetyCheckDto(row);
  }
}

/**
 * Opens a private safety check raised by the acting partner: the flag, an urgent alert for the
 * couple's therapists, and the pause of joint work. Shared by a partner's own request and by a
 * measure's risk item, so both raise exactly the same thing. Runs in the caller's transaction.
 */
export async function openSafetyCheck(
  manager: EntityManager,
  ctx: TenantContext,
  audit: AuditService,
  coupleId: string,
  note: string | null,
  origin: AlertDetail = {},
): Promise<{ flagId: string; alertId: string }> {
  const flag = manager.create(SafetyFlag, {
    clinicId: ctx.clinicId,
    coupleId,
    raisedByUserId: ctx.userId,
    note,
  });
  await manager.insert(SafetyFlag, flag);
  const alert = manager.create(Alert, {
    clinicId: ctx.clinicId,
    coupleId,
    kind: 'safety',
    severity: 'urgent',
    status: 'open',
    subjectUserId: ctx.userId,
    dedupeKey: safetyDedupeKey(flag.id),
    detail: { ...origin, safetyFlagId: flag.id },
  });
  await manager.insert(Alert, alert);
  // The first open check's time stands while others follow.
  await manager.query(
    `UPDATE couples SET safety_paused_at = COALESCE(safety_paused_at, now())
      WHERE clinic_id = $1 AND id = $2`,
    [ctx.clinicId, coupleId],
  );
  await audit.record(manager, ctx, {
    action: 'safety.raised',
    recordType: 'safety_flag',
    recordId: flag.id,
    detail: { ...origin, coupleId, alertId: alert.id, withNote: note !== null },
  });
  return { flagId: flag.id, alertId: alert.id };
}

export function safetyDedupeKey(flagId: string): string {
  return `safety:${flagId}`;
}

function toSafetyCheckDto(row: SafetyRow): SafetyCheckDto {
  return {
    id: row.id,
    coupleId: row.couple_id,
    coupleLabel: row.couple_label,
    raisedById: row.raised_by_user_id,
    raisedByName: row.raised_by_name,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    open: row.resolved_at === null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedById: row.resolved_by_user_id,
    resolutionNote: row.resolution_note,
  };
}
