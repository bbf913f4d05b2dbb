import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { AuditService } from '@mend/server-audit';
import { problemsToFields } from '@mend/server-exercises';
import { asArray, idOrIds, type ListQuery, invalidRequest } from '@mend/server-platform';
import { AccessService, readerLocale, TenantDb, type TenantContext } from '@mend/server-tenancy';
import {
  itemsWithoutPrompt,
  parseMeasureDefinition,
  type MeasureLocale,
} from '@mend/shared-measures';
import { installMeasureLibrary } from '@mend/server-db';
import type {
  ImportMeasureDefinitionDto,
  MeasureDefinitionDetailDto,
  MeasureDefinitionDto,
} from '../measures.dto';
import { findDefinition, SELECT_DEFINITIONS, type DefinitionRow } from '../measures.queries';

export const MEASURE_DEFINITION_LIST = {
  sortable: ['id', 'key', 'createdAt'] as const,
  defaultSort: ['key', 'ASC'] as const,
  filter: z.strictObject({
    id: idOrIds.optional(),
    source: z.enum(['mend', 'clinic']).optional(),
  }),
};
type DefinitionListQuery = ListQuery<
  (typeof MEASURE_DEFINITION_LIST.sortable)[number],
  z.infer<typeof MEASURE_DEFINITION_LIST.filter>
>;
const SORT_COLUMNS = { id: 'd.id', key: 'd.key', createdAt: 'd.created_at' };

/** Refused while a definition's licence has not been attested by a clinic admin. */
export const LICENCE_NOT_ATTESTED = {
  message: 'A clinic admin must record that the clinic may use this measure before it is given',
  code: 'licence_not_attested',
} as const;

/**
 * Measure definitions of a clinic: Mend's library plus what clinic admins import. Versioned
 * like exercises: an import over an existing key adds a version, and earlier scores keep theirs.
 */
@Injectable()
export class MeasureDefinitionsService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(
    ctx: TenantContext,
    query: DefinitionListQuery,
  ): Promise<{ rows: MeasureDefinitionDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.definition.read');
      const parameters: unknown[] = [ctx.clinicId];
      const where = ['d.clinic_id = $1'];
      if (query.filter.id) {
        parameters.push(asArray(query.filter.id));
        where.push(`d.id = ANY($${parameters.length}::uuid[])`);
      }
      if (query.filter.source) {
        parameters.push(query.filter.source);
        where.push(`d.source = $${parameters.length}`);
      }
      const rows = await manager.query<Array<DefinitionRow & { total: string }>>(
        `${SELECT_DEFINITIONS.replace('SELECT', 'SELECT count(*) OVER () AS total,')}
          WHERE ${where.join(' AND ')}
          ORDER BY ${SORT_COLUMNS[query.sort]} ${query.order === 'DESC' ? 'DESC' : 'ASC'}, d.id
          LIMIT ${query.limit} OFFSET ${query.offset}`,
        parameters,
      );
      const locale = await readerLocale(manager, ctx);
      return {
        rows: rows.map((row) => toDefinitionDto(row, locale)),
        total: Number(rows[0]?.total ?? 0),
      };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<MeasureDefinitionDetailDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.definition.read');
      return this.detail(manager, ctx, id);
    });
  }

  async import(
    ctx: TenantContext,
    body: ImportMeasureDefinitionDto,
  ): Promise<MeasureDefinitionDetailDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.definition.import');
      await installMeasureLibrary(manager, ctx.clinicId);
      const parsed = parseMeasureDefinition(body.definition);
      if (!parsed.ok) {
        throw invalidRequest(
          problemsToFields(
            parsed.problems.map((p) => ({
              ...p,
              field: p.field === 'definition' ? p.field : `definition.${p.field}`,
            })),
          ),
          'The measure definition has problems; see fields',
        );
      }
      const definition = parsed.value;
      const [existing] = await manager.query<Array<{ id: string; current_version: number }>>(
        `SELECT id, current_version FROM measure_definitions
          WHERE clinic_id = $1 AND key = $2 FOR UPDATE`,
        [ctx.clinicId, definition.key],
      );
      const current = existing ? await findDefinition(manager, ctx.clinicId, existing.id) : null;
      if (current && !current.body.licence.requiresAttestation) {
        throw new ConflictException(
          'Mend’s own check-ins cannot be replaced; import it under another key',
        );
      }
      let id = existing?.id;
      const version = (existing?.current_version ?? 0) + 1;
      if (!id) {
        const [row] = await manager.query<Array<{ id: string }>>(
          `INSERT INTO measure_definitions (clinic_id, key, source) VALUES ($1, $2, 'clinic')
           RETURNING id`,
          [ctx.clinicId, definition.key],
        );
        id = row?.id ?? '';
      } else {
        await manager.query(
          `UPDATE measure_definitions SET current_version = $3 WHERE clinic_id = $1 AND id = $2`,
          [ctx.clinicId, id, version],
        );
      }
      await manager.query(
        `INSERT INTO measure_definition_versions
           (clinic_id, definition_id, version, body, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5)`,
        [ctx.clinicId, id, version, JSON.stringify(definition), ctx.userId],
      );
      await this.audit.record(manager, ctx, {
        action: 'measure_definition.imported',
        recordType: 'measure_definition',
        recordId: id,
        detail: { key: definition.key, version },
      });
      return this.detail(manager, ctx, id);
    });
  }

  /** A clinic admin records that the clinic holds the right to use the current version. */
  async attest(ctx: TenantContext, id: string): Promise<MeasureDefinitionDetailDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'measure.definition.attest');
      const row = await findDefinition(manager, ctx.clinicId, id, true);
      if (!row) throw new NotFoundException('Not found');
      if (!row.licence_attested_at) {
        await manager.query(
          `UPDATE measure_definition_versions
              SET licence_attested_by_user_id = $3, licence_attested_at = now()
            WHERE clinic_id = $1 AND id = $2`,
          [ctx.clinicId, row.version_id, ctx.userId],
        );
        await this.audit.record(manager, ctx, {
          action: 'measure_definition.licence_attested',
          recordType: 'measure_definition',
          recordId: id,
          detail: { version: row.version, licence: row.body.licence.name },
        });
      }
      return this.detail(manager, ctx, id);
    });
  }

  private async detail(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
  ): Promise<MeasureDefinitionDetailDto> {
    const row = await findDefinition(manager, ctx.clinicId, id);
    if (!row) throw new NotFoundException('Not found');
    return {
      ...toDefinitionDto(row, await readerLocale(manager, ctx)),
      definition: row.body as unknown as Record<string, unknown>,
    };
  }
}

export function isAssignable(row: DefinitionRow): boolean {
  const attested = !row.body.licence.requiresAttestation || row.licence_attested_at !== null;
  return attested && itemsWithoutPrompt(row.body).length === 0;
}

function toDefinitionDto(row: DefinitionRow, locale: MeasureLocale): MeasureDefinitionDto {
  const { body } = row;
  return {
    id: row.id,
    key: row.key,
    source: row.source,
    version: row.version,
    title: body.title[locale] ?? body.title.en,
    validated: body.validated,
    itemCount: body.items.length,
    itemsWithoutPrompt: itemsWithoutPrompt(body),
    licence: {
      ...body.licence,
      attestedAt: row.licence_attested_at?.toISOString() ?? null,
      attestedById: row.licence_attested_by_user_id,
    },
    assignable: isAssignable(row),
  };
}
