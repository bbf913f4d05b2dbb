import { Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { Program, localizedTitleSql } from '@mend/server-db';
import { asArray, idOrIds, type ListQuery } from '@mend/server-platform';
import { AccessService, TenantDb, readerLocale, type TenantContext } from '@mend/server-tenancy';
import { EXERCISE_SOURCES } from '@mend/shared-contracts';
import {
  localizeProgramText,
  type ContentLocale,
  type ExerciseTheme,
} from '@mend/shared-exercises';
import type { ProgramDto } from './program.dto';

export const PROGRAM_LIST = {
  sortable: ['title', 'weeks', 'createdAt'] as const,
  defaultSort: ['title', 'ASC'] as const,
  filter: z.strictObject({
    id: idOrIds.optional(),
    source: z.enum(EXERCISE_SOURCES).optional(),
    q: z.string().min(1).max(100).optional(),
  }),
};
type ProgramListQuery = ListQuery<
  (typeof PROGRAM_LIST.sortable)[number],
  z.infer<typeof PROGRAM_LIST.filter>
>;

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
      const title = localizedTitleSql('p', ':locale');
      const builder = manager
        .createQueryBuilder(Program, 'p')
        .where('p.clinic_id = :clinicId', { clinicId: ctx.clinicId })
        .setParameter('locale', locale);
      const { id, source, q } = query.filter;
      if (id) builder.andWhere('p.id IN (:...ids)', { ids: asArray(id) });
      if (source) builder.andWhere('p.source = :source', { source });
      if (q) {
        builder.andWhere(`${title} ILIKE :q`, {
          q: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        });
      }
      if (query.sort === 'title') builder.addSelect(title, 'shown_title');
      const [programs, total] = await builder
        .orderBy(query.sort === 'title' ? 'shown_title' : `p.${query.sort}`, query.order)
        .addOrderBy('p.id')
        .skip(query.offset)
        .take(query.limit)
        .getManyAndCount();
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
