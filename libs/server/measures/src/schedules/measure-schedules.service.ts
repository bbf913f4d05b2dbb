import {
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
import { issuesToProblems } from '@mend/shared-exercises';
import { problemsToFields } from '@mend/server-exercises';
import { asArray, idOrIds, type ListQuery, invalidRequest } from '@mend/server-platform';
import { AccessService, readerLocale, TenantDb, type TenantContext } from '@mend/server-tenancy';
import { occurrencesBetween, scheduleSchema, type Schedule } from '@mend/shared-schedule';
import type { MeasureDefinition, MeasureLocale } from '@mend/shared-measures';
import { itemsWithoutPrompt } from '@mend/shared-measures';
import { LICENCE_NOT_ATTESTED } from '../definitions/measure-definitions.service';
import { installMeasureLibrary } from '@mend/server-db';
import type { CreateMeasureScheduleDto, MeasureScheduleDto } from '../measures.dto';
import { findDefinition } from '../measures.queries';

export const MEASURE_SCHEDULE_LIST = {
  sortable: ['id', 'createdAt'] as const,
  defaultSort: ['createdAt', 'DESC'] as const,
  filter: z.strictObject({
    id: idOrIds.optional(),
    coupleId: z.uuid().optional(),
    active: z.boolean().optional(),
  }),
};
type ScheduleListQuery = ListQuery<
  (typeof MEASURE_SCHEDULE_LIST.sortable)[number],
  z.infer<typeof MEASURE_SCHEDULE_LIST.filter>
>;
const SORT_COLUMNS = { id: 's.id', createdAt: 's.created_at' };

/** Rounds are planned this far ahead at most, and never more than this many per partner. */
const HORIZON_DAYS = 366;
const MAX_ROUNDS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

interface ScheduleRow {
  id: string;
  couple_id: string;
  definition_id: string;
  version: number;
  body: MeasureDefinition;
  schedule: Schedule;
  expiry_days: number;
  administrations: string;
  created_at: Date;
  ended_at: Date | null;
  total: string;
}

const SELECT_SCHEDULES = `
  SELECT s.id, s.couple_id, v.definition_id, v.version, v.body, s.schedule, s.expiry_days,
         s.created_at, s.ended_at, count(*) OVER () AS total,
         (SELECT count(*) FROM measure_administrations a
           WHERE a.clinic_id = s.clinic_id AND a.schedule_id = s.id) AS administrations
    FROM measure_schedules s
    JOIN measure_definition_versions v
      ON v.clinic_id = s.clinic_id AND v.id = s.definition_version_id`;

/**
 * A therapist gives a measure to a couple on the recurrence rules of assignments: each round is
 * one administration per partner (never joint), open from its date and time for `expiryDays`.
 */
@Injectable()
export class MeasureSchedulesService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: TenantContext, body: CreateMeasureScheduleDto): Promise<MeasureScheduleDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.schedule.create', [body.coupleId]);
      await installMeasureLibrary(manager, ctx.clinicId);
      const [couple] = await manager.query<Array<{ time_zone: string; status: string }>>(
        `SELECT time_zone, status FROM couples WHERE clinic_id = $1 AND id = $2`,
        [ctx.clinicId, body.coupleId],
      );
      if (!couple) throw new NotFoundException('Not found');
      if (couple.status === 'closed') {
        throw new ConflictException('This couple’s work with the clinic has ended');
      }
      const definition = await findDefinition(manager, ctx.clinicId, body.definitionId);
      if (!definition) {
        throw invalidRequest({ definitionId: 'There is no such measure in this clinic' });
      }
      if (definition.body.licence.requiresAttestation && !definition.licence_attested_at) {
        throw new ForbiddenException(LICENCE_NOT_ATTESTED);
      }
      const unworded = itemsWithoutPrompt(definition.body);
      if (unworded.length > 0) {
        throw invalidRequest({
          definitionId: `Enter the wording of ${unworded.join(', ')} (import a new version) first`,
        });
      }
      const parsed = scheduleSchema.safeParse({
        timeZone: couple.time_zone,
        startDate: body.startDate,
        endDate: body.endDate,
        dueTime: body.dueTime,
        recurrence: body.recurrence,
      });
      if (!parsed.success) {
        throw invalidRequest(problemsToFields(issuesToProblems(parsed.error.issues, 'body')));
      }
      const schedule = parsed.data;
      const expiryDays = body.expiryDays ?? 4;
      const now = new Date();
      // A round whose window is already over is not planned; one still open may be answered.
      const rounds = occurrencesBetween(
        schedule,
        new Date(now.getTime() - expiryDays * DAY_MS),
        new Date(now.getTime() + HORIZON_DAYS * DAY_MS),
      )
        .filter((round) => round.dueAt.getTime() + expiryDays * DAY_MS > now.getTime())
        .slice(0, MAX_ROUNDS);
      if (rounds.length === 0) {
        throw invalidRequest({ startDate: 'This schedule has no round left to answer' });
      }
      const [row] = await manager.query<Array<{ id: string }>>(
        `INSERT INTO measure_schedules
           (clinic_id, couple_id, definition_version_id, schedule, expiry_days, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          ctx.clinicId,
          body.coupleId,
          definition.version_id,
          JSON.stringify(schedule),
          expiryDays,
          ctx.userId,
        ],
      );
      const id = row?.id ?? '';
      await manager.query(
        `INSERT INTO measure_administrations
           (clinic_id, schedule_id, couple_id, partner_user_id, definition_version_id,
            local_date, opens_at, expires_at)
         SELECT $1, $2, $3, p.user_id, $4, r.local_date::date, r.opens_at,
                r.opens_at + make_interval(days => $5)
           FROM couple_partners p
          CROSS JOIN unnest($6::text[], $7::timestamptz[]) AS r(local_date, opens_at)
          WHERE p.clinic_id = $1 AND p.couple_id = $3`,
        [
          ctx.clinicId,
          id,
          body.coupleId,
          definition.version_id,
          expiryDays,
          rounds.map((r) => r.localDate),
          rounds.map((r) => r.dueAt.toISOString()),
        ],
      );
      await this.audit.record(manager, ctx, {
        action: 'measure_schedule.created',
        recordType: 'measure_schedule',
        recordId: id,
        detail: { coupleId: body.coupleId, definitionId: definition.id, rounds: rounds.length },
      });
      return this.load(manager, ctx, id);
    });
  }

  async list(
    ctx: TenantContext,
    query: ScheduleListQuery,
  ): Promise<{ rows: MeasureScheduleDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.schedule.read');
      const visible = this.access.visibleCouplesSql(ctx);
      const parameters: unknown[] = [...visible.parameters];
      const where = ['s.clinic_id = $1', `s.couple_id IN (${visible.sql})`];
      const { id, coupleId, active } = query.filter;
      if (id) {
        parameters.push(asArray(id));
        where.push(`s.id = ANY($${parameters.length}::uuid[])`);
      }
      if (coupleId) {
        parameters.push(coupleId);
        where.push(`s.couple_id = $${parameters.length}`);
      }
      if (active !== undefined)
        where.push(active ? 's.ended_at IS NULL' : 's.ended_at IS NOT NULL');
      const rows = await manager.query<ScheduleRow[]>(
        `${SELECT_SCHEDULES} WHERE ${where.join(' AND ')}
          ORDER BY ${SORT_COLUMNS[query.sort]} ${query.order === 'DESC' ? 'DESC' : 'ASC'}, s.id
          LIMIT ${query.limit} OFFSET ${query.offset}`,
        parameters,
      );
      const locale = await readerLocale(manager, ctx);
      return {
        rows: rows.map((r) => toScheduleDto(r, locale)),
        total: Number(rows[0]?.total ?? 0),
      };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<MeasureScheduleDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.schedule.read', [id]);
      return this.load(manager, ctx, id);
    });
  }

  /** Stops a schedule: rounds not yet open are dropped; answered ones stay as they are. */
  async end(ctx: TenantContext, id: string): Promise<MeasureScheduleDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.schedule.end', [id]);
      const [ended] = await manager.query<Array<{ id: string }>>(
        `WITH ended AS (
           UPDATE measure_schedules SET ended_at = now()
            WHERE clinic_id = $1 AND id = $2 AND ended_at IS NULL RETURNING id)
         SELECT id FROM ended`,
        [ctx.clinicId, id],
      );
      if (!ended) throw new ConflictException('This schedule has already ended');
      await manager.query(
        `DELETE FROM measure_administrations
          WHERE clinic_id = $1 AND schedule_id = $2 AND answered_at IS NULL AND opens_at > now()`,
        [ctx.clinicId, id],
      );
      await this.audit.record(manager, ctx, {
        action: 'measure_schedule.ended',
        recordType: 'measure_schedule',
        recordId: id,
      });
      return this.load(manager, ctx, id);
    });
  }

  private async load(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
  ): Promise<MeasureScheduleDto> {
    const [row] = await manager.query<ScheduleRow[]>(
      `${SELECT_SCHEDULES} WHERE s.clinic_id = $1 AND s.id = $2`,
      [ctx.clinicId, id],
    );
    if (!row) throw new NotFoundException('Not found');
    return toScheduleDto(row, await readerLocale(manager, ctx));
  }
}

function toScheduleDto(row: ScheduleRow, locale: MeasureLocale): MeasureScheduleDto {
  return {
    id: row.id,
    coupleId: row.couple_id,
    definitionId: row.definition_id,
    definitionVersion: row.version,
    title: row.body.title[locale] ?? row.body.title.en,
    schedule: row.schedule as unknown as Record<string, unknown>,
    expiryDays: row.expiry_days,
    administrations: Number(row.administrations),
    createdAt: row.created_at.toISOString(),
    endedAt: row.ended_at?.toISOString() ?? null,
  };
}
