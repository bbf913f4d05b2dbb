import { Injectable, NotFoundException } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { Program, localizedTitleSql } from '@mend/server-db';
import {
  SqlBuilder,
  asArray,
  containsPattern,
  idOrIds,
  inOrderOf,
  listSpec,
  type ListQueryOf,
  type SortColumns,
} from '@mend/server-platform';
import { AccessService, TenantDb, readerLocale, type TenantContext } from '@mend/server-tenancy';
import { EXERCISE_SOURCES } from '@mend/shared-contracts';
import {
  localizeProgramText,
  type ContentLocale,
  type ExerciseTheme,
} from '@mend/shared-exercises';
import type { ProgramDto } from './program.dto';

export const PROGRAM_LIST = listSpec({
  sortable: ['title', 'weeks', 'createdAt'],
  defaultSort: ['title', 'ASC'],
  filter: z.strictObject({
    id: idOrIds.optional(),
    source: z.enum(EXERCISE_SOURCES).optional(),
    q: z.string().min(1).max(100).optional(),
  }),
});
type ProgramListQuery = ListQueryOf<typeof PROGRAM_LIST>;

/**
 * Programs with each step's exercise named by its current title and theme, all in the reader's
 * language where the program and the exercises have it.
 */
@Injectable()
export class ProgramsService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
  ) {}

  async list(
    ctx: TenantContext,
    query: ProgramListQuery,
  ): Promise<{ rows: ProgramDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'program.read');
      const locale = await readerLocale(manager, ctx);
      const sql = new SqlBuilder(ctx.clinicId).where('p.clinic_id = $1');
      const { id, source, q } = query.filter;
      if (id) sql.where((p) => `p.id = ANY(${p}::uuid[])`, asArray(id));
      if (source) sql.where((p) => `p.source = ${p}`, source);
      if (q) {
        const title = localizedTitleSql('p', sql.param(locale));
        sql.where((p) => `${title} ILIKE ${p}`, containsPattern(q));
      }
      const columns: SortColumns<ProgramListQuery['sort']> = {
        // A getter, so the locale becomes a parameter only when the title sort reads it:
        // PostgreSQL refuses a parameter that nothing uses.
        get title() {
          return localizedTitleSql('p', sql.param(locale));
        },
        weeks: 'p.weeks',
        createdAt: 'p.created_at',
        id: 'p.id',
      };
      const { ids, total } = await sql.idPage(manager, 'programs p', columns, query);
      const programs = inOrderOf(
        ids,
        await manager.findBy(Program, { clinicId: ctx.clinicId, id: In(ids) }),
      );
      return { rows: await this.resolve(manager, ctx, locale, programs), total };
    });
  }

  async get(ctx: TenantContext, id: string): Promise<ProgramDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'program.read');
      const program = await manager.findOneBy(Program, { clinicId: ctx.clinicId, id });
      if (!program) throw new NotFoundException('Not found');
      const locale = await readerLocale(manager, ctx);
      const [dto] = await this.resolve(manager, ctx, locale, [program]);
      if (!dto) throw new NotFoundException('Not found');
      return dto;
    });
  }

  private async resolve(
    manager: EntityManager,
    ctx: TenantContext,
    locale: ContentLocale,
    programs: Program[],
  ): Promise<ProgramDto[]> {
    const exerciseIds = [...new Set(programs.flatMap((p) => p.steps.map((s) => s.exerciseId)))];
    const exercises = new Map<string, { title: string; theme: ExerciseTheme }>();
    if (exerciseIds.length > 0) {
      const rows = await manager.query<Array<{ id: string; title: string; theme: ExerciseTheme }>>(
        `SELECT e.id, ${localizedTitleSql('v', '$3')} AS title, e.theme
           FROM exercises e
           JOIN exercise_versions v
             ON v.clinic_id = e.clinic_id AND v.exercise_id = e.id AND v.version = e.current_version
          WHERE e.clinic_id = $1 AND e.id = ANY($2::uuid[])`,
        [ctx.clinicId, exerciseIds, locale],
      );
      for (const row of rows) exercises.set(row.id, { title: row.title, theme: row.theme });
    }
    return programs.map((program) => ({
      id: program.id,
      key: program.key,
      ...localizeProgramText(program, program.translations, locale).value,
      weeks: program.weeks,
      source: program.source,
      stepCount: program.steps.length,
      steps: program.steps.map((step) => {
        const exercise = exercises.get(step.exerciseId);
        if (!exercise) throw new Error(`program ${program.id} names a missing exercise`);
        return {
          ...step,
          exerciseTitle: exercise.title,
          exerciseTheme: exercise.theme,
        };
      }),
      createdAt: program.createdAt.toISOString(),
    }));
  }
}
