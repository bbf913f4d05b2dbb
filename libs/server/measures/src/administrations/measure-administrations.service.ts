import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
import { openSafetyCheck, requirePolicyAcknowledged } from '@mend/server-couples';
import { problemsToFields } from '@mend/server-exercises';
import { asArray, idOrIds, type ListQuery, invalidRequest } from '@mend/server-platform';
import { AccessService, readerLocale, TenantDb, type TenantContext } from '@mend/server-tenancy';
import {
  scoreMeasure,
  type MeasureAnswers,
  type MeasureDefinition,
  type MeasureLocale,
} from '@mend/shared-measures';
import type {
  AdministrationStatus,
  AnswerMeasureDto,
  MeasureAdministrationDetailDto,
  MeasureAdministrationDto,
} from '../measures.dto';
import { measureSettings } from '../measures.queries';
import { evaluateMeasureAlerts } from '../summary/measure-summaries';

const STATUSES = ['upcoming', 'open', 'answered', 'expired'] as const;

export const MEASURE_ADMINISTRATION_LIST = {
  sortable: ['id', 'opensAt', 'expiresAt', 'answeredAt'] as const,
  defaultSort: ['opensAt', 'DESC'] as const,
  filter: z.strictObject({
    id: idOrIds.optional(),
    coupleId: z.uuid().optional(),
    scheduleId: z.uuid().optional(),
    partnerId: z.uuid().optional(),
    status: z.enum(STATUSES).optional(),
  }),
};
type AdministrationListQuery = ListQuery<
  (typeof MEASURE_ADMINISTRATION_LIST.sortable)[number],
  z.infer<typeof MEASURE_ADMINISTRATION_LIST.filter>
>;
const SORT_COLUMNS = {
  id: 'a.id',
  opensAt: 'a.opens_at',
  expiresAt: 'a.expires_at',
  answeredAt: 'a.answered_at',
};

/** The status as SQL, from the clock of the transaction. */
const STATUS_SQL = `CASE WHEN a.answered_at IS NOT NULL THEN 'answered'
                         WHEN now() < a.opens_at THEN 'upcoming'
                         WHEN now() < a.expires_at THEN 'open'
                         ELSE 'expired' END`;

interface AdministrationRow {
  id: string;
  schedule_id: string;
  couple_id: string;
  partner_user_id: string;
  definition_id: string;
  version: number;
  body: MeasureDefinition;
  local_date: string;
  opens_at: Date;
  expires_at: Date;
  answered_at: Date | null;
  answers: Record<string, number | null> | null;
  total: string | null;
  status: AdministrationStatus;
}

const SELECT_ADMINISTRATIONS = `
  SELECT a.id, a.schedule_id, a.couple_id, a.partner_user_id, v.definition_id, v.version, v.body,
         to_char(a.local_date, 'YYYY-MM-DD') AS local_date, a.opens_at, a.expires_at,
         a.answered_at, a.answers, a.total, ${STATUS_SQL} AS status
    FROM measure_administrations a
    JOIN measure_definition_versions v
      ON v.clinic_id = a.clinic_id AND v.id = a.definition_version_id`;

/**
 * Administrations: one partner's round of a measure. A partner reaches only their own (the
 * other partner's answer to the same round is another record they cannot see); item answers
 * and scores go to staff, and to the partner themself only when the clinic allows it.
 */
@Injectable()
export class MeasureAdministrationsService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(
    ctx: TenantContext,
    query: AdministrationListQuery,
  ): Promise<{ rows: MeasureAdministrationDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.administration.read');
      await requirePolicyAcknowledged(manager, ctx);
      const visible = this.access.visibleCouplesSql(ctx);
      const parameters: unknown[] = [...visible.parameters];
      const where = ['a.clinic_id = $1', `a.couple_id IN (${visible.sql})`];
      // $2 is the reader: a partner lists their own rounds and nothing else.
      if (ctx.role === 'client') where.push('a.partner_user_id = $2');
      const add = (sql: (p: string) => string, value: unknown) => {
        parameters.push(value);
        where.push(sql(`$${parameters.length}`));
      };
      const { id, coupleId, scheduleId, partnerId, status } = query.filter;
      if (id) add((p) => `a.id = ANY(${p}::uuid[])`, asArray(id));
      if (coupleId) add((p) => `a.couple_id = ${p}`, coupleId);
      if (scheduleId) add((p) => `a.schedule_id = ${p}`, scheduleId);
      if (partnerId) add((p) => `a.partner_user_id = ${p}`, partnerId);
      if (status) add((p) => `${STATUS_SQL} = ${p}`, status);
      const [count] = await manager.query<Array<{ total: string }>>(
        `SELECT count(*) AS total FROM measure_administrations a WHERE ${where.join(' AND ')}`,
        parameters,
      );
      const rows = await manager.query<AdministrationRow[]>(
        `${SELECT_ADMINISTRATIONS} WHERE ${where.join(' AND ')}
          ORDER BY ${SORT_COLUMNS[query.sort]} ${query.order === 'DESC' ? 'DESC' : 'ASC'} NULLS LAST, a.id
          LIMIT ${query.limit} OFFSET ${query.offset}`,
        parameters,
      );
      if (rows.length > 0) {
        await this.audit.record(manager, ctx, {
          action: 'measure_administration.list_read',
          recordType: 'measure_administration',
          detail: { ids: rows.map((row) => row.id) },
        });
      }
      const seesScores = await this.seesScores(manager, ctx);
      const locale = await readerLocale(manager, ctx);
      return {
        rows: rows.map((row) => toDto(row, locale, seesScores)),
        total: Number(count?.total ?? 0),
      };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<MeasureAdministrationDetailDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.administration.read', [id]);
      await requirePolicyAcknowledged(manager, ctx);
      const row = await this.find(manager, ctx, id);
      await this.audit.record(manager, ctx, {
        action: 'measure_administration.read',
        recordType: 'measure_administration',
        recordId: id,
      });
      return toDetailDto(
        row,
        await readerLocale(manager, ctx),
        await this.seesScores(manager, ctx),
      );
    });
  }

  /**
   * A partner answers their own open round. Scored here, stored with the version, never
   * edited after; a risk answer raises a private safety check; alerts are re-evaluated.
   */
  async answer(
    ctx: TenantContext,
    id: string,
    body: AnswerMeasureDto,
  ): Promise<MeasureAdministrationDetailDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.administration.answer', [id]);
      await requirePolicyAcknowledged(manager, ctx);
      const row = await this.find(manager, ctx, id, true);
      if (row.status === 'answered')
        throw new ConflictException('This check-in is already answered');
      if (row.status === 'upcoming') throw new ConflictException('This check-in is not open yet');
      if (row.status === 'expired') throw new ConflictException('This check-in has expired');
      const answers = parseAnswers(body.answers);
      const scored = scoreMeasure(row.body, answers);
      if (!scored.ok) {
        throw invalidRequest(
          problemsToFields(scored.problems),
          'Some answers need a look; see fields',
        );
      }
      const score = scored.value;
      await manager.query(
        `UPDATE measure_administrations
            SET answered_at = now(), answers = $3, total = $4, subscales = $5, keyed_items = $6,
                prorated = $7
          WHERE clinic_id = $1 AND id = $2 AND answered_at IS NULL`,
        [
          ctx.clinicId,
          id,
          JSON.stringify(answers),
          score.total,
          JSON.stringify(score.subscales),
          JSON.stringify(score.keyedItems),
          score.prorated,
        ],
      );
      await this.audit.record(manager, ctx, {
        action: 'measure_administration.answered',
        recordType: 'measure_administration',
        recordId: id,
        detail: { definitionId: row.definition_id, version: row.version },
      });
      if (score.riskItemIds.length > 0) {
        // The same private check a partner raises by hand: staff only, joint work paused.
        await openSafetyCheck(manager, ctx, this.audit, row.couple_id, null, {
          source: 'measure',
          administrationId: id,
        });
      }
      await evaluateMeasureAlerts(
        manager,
        ctx.clinicId,
        row.couple_id,
        row.definition_id,
        row.partner_user_id,
      );
      const answered = await this.find(manager, ctx, id);
      return toDetailDto(
        answered,
        await readerLocale(manager, ctx),
        await this.seesScores(manager, ctx),
      );
    });
  }

  private async seesScores(manager: EntityManager, ctx: TenantContext): Promise<boolean> {
    if (ctx.role !== 'client') return true;
    return (await measureSettings(manager, ctx.clinicId)).partners_see_own_graph;
  }

  /** Loads a round the reader may see: for a partner, only their own (else "not found"). */
  private async find(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
    lock = false,
  ): Promise<AdministrationRow> {
    const [row] = await manager.query<AdministrationRow[]>(
      `${SELECT_ADMINISTRATIONS} WHERE a.clinic_id = $1 AND a.id = $2${lock ? ' FOR UPDATE OF a' : ''}`,
      [ctx.clinicId, id],
    );
    if (!row || (ctx.role === 'client' && row.partner_user_id !== ctx.userId)) {
      throw new NotFoundException('Not found');
    }
    return row;
  }
}

/** Item id → score, or null for a skipped item; anything else is a 400 naming the item. */
function parseAnswers(raw: Record<string, unknown>): MeasureAnswers {
  const fields: Record<string, string> = {};
  const answers: Record<string, number | null> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || (typeof value === 'number' && Number.isFinite(value))) {
      answers[key] = value;
    } else {
      fields[`answers.${key}`] = 'Expected a number, or null to skip';
    }
  }
  if (Object.keys(fields).length > 0) {
    throw invalidRequest(fields);
  }
  return answers;
}

function text(value: { en: string; es?: string } | undefined, locale: MeasureLocale) {
  return value ? (value[locale] ?? value.en) : null;
}

function toDto(
  row: AdministrationRow,
  locale: MeasureLocale,
  seesScores: boolean,
): MeasureAdministrationDto {
  return {
    id: row.id,
    scheduleId: row.schedule_id,
    coupleId: row.couple_id,
    partnerId: row.partner_user_id,
    definitionId: row.definition_id,
    definitionVersion: row.version,
    title: text(row.body.title, locale) ?? '',
    validated: row.body.validated,
    localDate: row.local_date,
    opensAt: row.opens_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    status: row.status,
    answeredAt: row.answered_at?.toISOString() ?? null,
    total: seesScores && row.total !== null ? Number(row.total) : null,
  };
}

function toDetailDto(
  row: AdministrationRow,
  locale: MeasureLocale,
  seesScores: boolean,
): MeasureAdministrationDetailDto {
  return {
    ...toDto(row, locale, seesScores),
    description: text(row.body.description, locale),
    items: row.body.items.map((item) => ({
      id: item.id,
      prompt: text(item.prompt, locale) ?? item.id,
      options: item.options.map((option) => ({
        score: option.score,
        label: text(option.label, locale),
      })),
    })),
    answers: seesScores ? row.answers : null,
  };
}
