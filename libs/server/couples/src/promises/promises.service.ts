import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
import { Couple, PartnerPromise } from '@mend/server-db';
import {
  SqlBuilder,
  asArray,
  idOrIds,
  listSpec,
  totalOf,
  type ListQueryOf,
  type SortColumns,
  invalidRequest,
} from '@mend/server-platform';
import { AccessService, TenantDb, type TenantContext } from '@mend/server-tenancy';
import { PROMISE_STATUSES, type PartnerSeat, type PromiseStatus } from '@mend/shared-contracts';
import { todayIn } from '@mend/shared-schedule';
import { ownCouple } from '../couples/own-couple';
import { requirePolicyAcknowledged } from '../policy/require-policy-acknowledged';
import type {
  ConfirmPromiseDto,
  CreatePromiseDto,
  PromiseDto,
  PromiseTrendDto,
} from './promise.dto';
import { promiseTrend } from './promise-trend';

export const PROMISE_LIST = listSpec({
  sortable: ['dueDate', 'createdAt', 'status'] as const,
  defaultSort: ['dueDate', 'DESC'] as const,
  filter: z.strictObject({
    id: idOrIds.optional(),
    coupleId: z.uuid().optional(),
    status: z.enum(PROMISE_STATUSES).optional(),
    promiserId: z.uuid().optional(),
  }),
});
type PromiseListQuery = ListQueryOf<typeof PROMISE_LIST>;

const SORT_COLUMNS: SortColumns<PromiseListQuery['sort']> = {
  dueDate: 'due_date',
  createdAt: 'created_at',
  status: 'status',
  id: 'id',
};

/** How far ahead a promise may be due: a year is already a long way for a concrete promise. */
const MAX_DAYS_AHEAD = 366;

interface PromiseRow {
  id: string;
  couple_id: string;
  promiser_user_id: string;
  promiser_name: string;
  description: string;
  due_date: string;
  status: PromiseStatus;
  confirmed_by_user_id: string | null;
  confirmed_at: Date | null;
  confirmation_note: string | null;
  created_at: Date;
}

const SELECT_PROMISES = `
  SELECT p.id, p.couple_id, p.promiser_user_id, u.display_name AS promiser_name, p.description,
         to_char(p.due_date, 'YYYY-MM-DD') AS due_date, p.status, p.confirmed_by_user_id,
         p.confirmed_at, p.confirmation_note, p.created_at
    FROM promises p
    JOIN users u ON u.clinic_id = p.clinic_id AND u.id = p.promiser_user_id`;

@Injectable()
export class PromisesService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(
    ctx: TenantContext,
    query: PromiseListQuery,
  ): Promise<{ rows: PromiseDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      // Everyone may list; what they see is limited to the couples they may see.
      await this.access.requireAccess(manager, ctx, 'promise.read');
      const visible = this.access.visibleCouplesSql(ctx);
      const sql = new SqlBuilder(...visible.parameters)
        .where('p.clinic_id = $1')
        .where(`p.couple_id IN (${visible.sql})`);
      const { id, coupleId, status, promiserId } = query.filter;
      if (id) sql.where((p) => `p.id = ANY(${p}::uuid[])`, asArray(id));
      if (coupleId) sql.where((p) => `p.couple_id = ${p}`, coupleId);
      if (status) sql.where((p) => `p.status = ${p}`, status);
      if (promiserId) sql.where((p) => `p.promiser_user_id = ${p}`, promiserId);
      const rows: Array<PromiseRow & { total: string }> = await manager.query(
        `SELECT *, count(*) OVER () AS total FROM (${SELECT_PROMISES} WHERE ${sql.conditions}) p
          ${sql.orderBy(SORT_COLUMNS, query)} ${sql.page(query)}`,
        sql.parameters,
      );
      if (rows.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'promise.list_read',
          recordType: 'promise',
          detail: { ids: rows.map((row) => row.id) },
        });
      }
      return { rows: rows.map(toPromiseDto), total: totalOf(rows) };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<PromiseDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'promise.read', [id]);
      const promise = await this.find(manager, ctx, id);
      await this.audit.record(manager, ctx, {
        action: 'promise.read',
        recordType: 'promise',
        recordId: id,
      });
      return promise;
    });
  }

  /** A partner promises something concrete, in their own couple. */
  async create(ctx: TenantContext, body: CreatePromiseDto): Promise<PromiseDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'promise.create');
      const own = await ownCouple(manager, ctx);
      await this.access.requireAccess(manager, ctx, 'promise.create', [own.coupleId]);
      await requirePolicyAcknowledged(manager, ctx);
      if (own.status === 'closed') {
        throw new ConflictException('This couple’s work with the clinic has ended');
      }
      checkDueDate(body.dueDate, todayIn(own.timeZone));
      const promise = manager.create(PartnerPromise, {
        clinicId: ctx.clinicId,
        coupleId: own.coupleId,
        promiserUserId: ctx.userId,
        description: body.description,
        dueDate: body.dueDate,
      });
      await manager.insert(PartnerPromise, promise);
      await this.audit.record(manager, ctx, {
        action: 'promise.created',
        recordType: 'promise',
        recordId: promise.id,
        detail: { coupleId: own.coupleId, dueDate: body.dueDate },
      });
      return this.find(manager, ctx, promise.id);
    });
  }

  /** The other partner says whether the promise was kept; once, and never the promiser. */
  async confirm(ctx: TenantContext, id: string, body: ConfirmPromiseDto): Promise<PromiseDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'promise.confirm', [id]);
      await requirePolicyAcknowledged(manager, ctx);
      const promise = await manager.findOne(PartnerPromise, {
        where: { clinicId: ctx.clinicId, id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!promise) throw new NotFoundException('Not found');
      if (promise.promiserUserId === ctx.userId) {
        throw new ForbiddenException('Only your partner can say whether your promise was kept');
      }
      if (promise.status !== 'open') {
        throw new ConflictException('This promise has already been confirmed');
      }
      await manager.update(
        PartnerPromise,
        { clinicId: ctx.clinicId, id },
        {
          status: body.status,
          confirmedByUserId: ctx.userId,
          confirmedAt: new Date(),
          confirmationNote: body.note ?? null,
        },
      );
      await this.audit.record(manager, ctx, {
        action: 'promise.confirmed',
        recordType: 'promise',
        recordId: id,
        detail: { status: body.status },
      });
      return this.find(manager, ctx, id);
    });
  }

  async trend(ctx: TenantContext, coupleId: string): Promise<PromiseTrendDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'couple.read', [coupleId]);
      const couple = await manager.findOneBy(Couple, { clinicId: ctx.clinicId, id: coupleId });
      if (!couple) throw new NotFoundException('Not found');
      const partners: Array<{ user_id: string; seat: PartnerSeat; display_name: string }> =
        await manager.query(
          `SELECT p.user_id, p.seat, u.display_name FROM couple_partners p
             JOIN users u ON u.clinic_id = p.clinic_id AND u.id = p.user_id
            WHERE p.clinic_id = $1 AND p.couple_id = $2 ORDER BY p.seat`,
          [ctx.clinicId, coupleId],
        );
      const promises: Array<{ promiser_user_id: string; due_date: string; status: PromiseStatus }> =
        await manager.query(
          `SELECT promiser_user_id, to_char(due_date, 'YYYY-MM-DD') AS due_date, status
             FROM promises WHERE clinic_id = $1 AND couple_id = $2`,
          [ctx.clinicId, coupleId],
        );
      const today = todayIn(couple.timeZone);
      const trend = promiseTrend(
        promises.map((row) => ({
          promiserUserId: row.promiser_user_id,
          dueDate: row.due_date,
          status: row.status,
        })),
        partners.map((partner) => partner.user_id),
        today,
      );
      await this.audit.record(manager, ctx, {
        action: 'promise.trend_read',
        recordType: 'couple',
        recordId: coupleId,
        detail: { promises: promises.length },
      });
      return {
        coupleId,
        today,
        partners: trend.map((partnerTrend, index) => ({
          ...partnerTrend,
          seat: partners[index]?.seat ?? 'a',
          displayName: partners[index]?.display_name ?? '',
        })),
      };
    });
  }

  private async find(manager: EntityManager, ctx: TenantContext, id: string): Promise<PromiseDto> {
    const [row]: PromiseRow[] = await manager.query(
      `${SELECT_PROMISES} WHERE p.clinic_id = $1 AND p.id = $2`,
      [ctx.clinicId, id],
    );
    if (!row) throw new NotFoundException('Not found');
    return toPromiseDto(row);
  }
}

/** A real calendar date, not before today in the couple's zone and not absurdly far ahead. */
function checkDueDate(dueDate: string, today: string): void {
  const parsed = new Date(`${dueDate}T00:00:00Z`);
  const bad = (reason: string) => invalidRequest({ dueDate: reason });
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== dueDate) {
    throw bad('must be a real date such as 2026-03-20');
  }
  if (dueDate < today) throw bad(`must not be in the past (today is ${today} for the couple)`);
  const todayMs = new Date(`${today}T00:00:00Z`).getTime();
  if (parsed.getTime() - todayMs > MAX_DAYS_AHEAD * 86_400_000) {
    throw bad('must be within a year');
  }
}

function toPromiseDto(row: PromiseRow): PromiseDto {
  return {
    id: row.id,
    coupleId: row.couple_id,
    promiserId: row.promiser_user_id,
    promiserName: row.promiser_name,
    description: row.description,
    dueDate: row.due_date,
    status: row.status,
    confirmedById: row.confirmed_by_user_id,
    confirmedAt: row.confirmed_at?.toISOString() ?? null,
    confirmationNote: row.confirmation_note,
    createdAt: row.created_at.toISOString(),
  };
}
