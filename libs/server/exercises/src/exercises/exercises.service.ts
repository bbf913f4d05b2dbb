import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@mend/server-audit';
import { Exercise, ExerciseVersion } from '@mend/server-db';
import { AccessService, TenantDb, readerLocale, type TenantContext } from '@mend/server-tenancy';
import { invalidRequest } from '@mend/server-platform';
import {
  CONTENT_LOCALES,
  localizeExercise,
  parseExerciseTemplate,
  type ContentLocale,
  type ExerciseTemplate,
  type ExerciseTranslations,
  type Problem,
} from '@mend/shared-exercises';
import type {
  CopyExerciseDto,
  ExerciseDefinitionDto,
  ExerciseDetailDto,
  ExerciseDto,
  ExerciseVersionDto,
} from './exercise.dto';
import { firstFreeKey, keyFromTitle } from './exercise-key';
import {
  ROW_SELECT,
  selectExercisePage,
  type ExerciseListQuery,
  type ExerciseRow,
} from './exercises.queries';

export const LIBRARY_READ_ONLY =
  'Library exercises are read-only; copy it to make your own version';
const COPY_SUFFIX: Record<ContentLocale, string> = { en: ' (copy)', es: ' (copia)' };
const MAX_TITLE = 120;

/**
 * The clinic's exercise library. Library exercises (Mend's) are read-only; clinics copy them or
 * write their own. Every change is a new immutable version, so assignments keep the version
 * they were given. Reads show the text in the reader's language when the version has it.
 * Exercises are templates, not client data: reads are not audited.
 */
@Injectable()
export class ExercisesService {
  constructor(
    private readonly db: TenantDb,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(
    ctx: TenantContext,
    query: ExerciseListQuery,
  ): Promise<{ rows: ExerciseDto[]; total: number }> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'exercise.read');
      const locale = await readerLocale(manager, ctx);
      const { rows, total } = await selectExercisePage(manager, ctx.clinicId, locale, query);
      return {
        rows: rows.map((row) => toExerciseDto(row, locale)),
        total,
      };
    });
  }

  /** `as: 'written'` is the text as stored, for editing: a translation must never be saved back. */
  async get(
    ctx: TenantContext,
    id: string,
    as: ExerciseTextChoice = 'reader',
  ): Promise<ExerciseDetailDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'exercise.read');
      return this.detail(manager, ctx, id, as);
    });
  }

  async getVersion(ctx: TenantContext, id: string, version: number): Promise<ExerciseVersionDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'exercise.read');
      const exercise = await this.find(manager, ctx, id);
      const row = await manager.findOneBy(ExerciseVersion, {
        clinicId: ctx.clinicId,
        exerciseId: id,
        version,
      });
      if (!row) throw new NotFoundException('Not found');
      return {
        exerciseId: id,
        version: row.version,
        current: row.version === exercise.currentVersion,
        title: row.title,
        createdAt: row.createdAt.toISOString(),
        definition: { ...row.definition },
        translations: { ...row.translations },
      };
    });
  }

  /** A new clinic exercise, version 1; its key comes from the title. */
  async create(ctx: TenantContext, body: ExerciseDefinitionDto): Promise<ExerciseDetailDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'exercise.write');
      const key = await this.freeKey(
        manager,
        ctx,
        typeof body.title === 'string' ? body.title : '',
      );
      const template = parseDefinition(body, key);
      const id = await this.insertExercise(manager, ctx, template, null);
      await this.audit.record(manager, ctx, {
        action: 'exercise.created',
        recordType: 'exercise',
        recordId: id,
        detail: { version: 1 },
      });
      return this.detail(manager, ctx, id);
    });
  }

  /** Writes the next version; assignments of earlier versions keep theirs. */
  async update(
    ctx: TenantContext,
    id: string,
    body: ExerciseDefinitionDto,
  ): Promise<ExerciseDetailDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'exercise.write');
      // Locked so that two editors cannot both write "the next" version.
      const exercise = await this.find(manager, ctx, id, true);
      if (exercise.source === 'library') throw new ConflictException(LIBRARY_READ_ONLY);
      const template = parseDefinition(body, exercise.key);
      const version = exercise.currentVersion + 1;
      await manager.insert(ExerciseVersion, {
        clinicId: ctx.clinicId,
        exerciseId: id,
        version,
        title: template.title,
        definition: template,
        // The author's own words: a translation of the previous text would contradict them.
        translations: {},
        createdByUserId: ctx.userId,
      });
      await manager.update(
        Exercise,
        { clinicId: ctx.clinicId, id },
        { currentVersion: version, theme: template.theme },
      );
      await this.audit.record(manager, ctx, {
        action: 'exercise.updated',
        recordType: 'exercise',
        recordId: id,
        detail: { version },
      });
      return this.detail(manager, ctx, id);
    });
  }

  /** A clinic's own, editable copy; version 1 is the source's current definition. */
  async copy(ctx: TenantContext, id: string, body: CopyExerciseDto): Promise<ExerciseDetailDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'exercise.write');
      const source = await this.find(manager, ctx, id);
      const current = await manager.findOneByOrFail(ExerciseVersion, {
        clinicId: ctx.clinicId,
        exerciseId: id,
        version: source.currentVersion,
      });
      const title = body.title ?? copyTitle(current.title, 'en');
      const key = await this.freeKey(manager, ctx, title);
      const template = parseDefinition({ ...current.definition, title }, key);
      const copyId = await this.insertExercise(
        manager,
        ctx,
        template,
        id,
        copyTranslations(current.translations, body.title),
      );
      await this.audit.record(manager, ctx, {
        action: 'exercise.copied',
        recordType: 'exercise',
        recordId: copyId,
        detail: { copiedFromId: id, copiedFromVersion: source.currentVersion },
      });
      return this.detail(manager, ctx, copyId);
    });
  }

  /** Archived exercises leave the default list and cannot be newly chosen; assignments go on. */
  async setArchived(ctx: TenantContext, id: string, archived: boolean): Promise<ExerciseDetailDto> {
    return this.db.run(ctx, async (manager) => {
      await this.access.requireAccess(manager, ctx, 'exercise.write');
      const exercise = await this.find(manager, ctx, id, true);
      if (exercise.source === 'library') throw new ConflictException(LIBRARY_READ_ONLY);
      if ((exercise.archivedAt !== null) !== archived) {
        await manager.update(
          Exercise,
          { clinicId: ctx.clinicId, id },
          { archivedAt: archived ? new Date() : null },
        );
        await this.audit.record(manager, ctx, {
          action: archived ? 'exercise.archived' : 'exercise.unarchived',
          recordType: 'exercise',
          recordId: id,
        });
      }
      return this.detail(manager, ctx, id);
    });
  }

  private async insertExercise(
    manager: EntityManager,
    ctx: TenantContext,
    template: ExerciseTemplate,
    copiedFromId: string | null,
    translations: ExerciseTranslations = {},
  ): Promise<string> {
    const exercise = manager.create(Exercise, {
      clinicId: ctx.clinicId,
      key: template.key,
      theme: template.theme,
      source: 'clinic',
      currentVersion: 1,
      copiedFromId,
    });
    await manager.insert(Exercise, exercise);
    await manager.insert(ExerciseVersion, {
      clinicId: ctx.clinicId,
      exerciseId: exercise.id,
      version: 1,
      title: template.title,
      definition: template,
      translations,
      createdByUserId: ctx.userId,
    });
    return exercise.id;
  }

  private async freeKey(manager: EntityManager, ctx: TenantContext, title: string) {
    const base = keyFromTitle(title);
    // Two exercises created at once with one title would both pick the same free key and the
    // second insert would hit uq_exercises_key. The lock (held to commit) makes the second wait
    // for the first and then see its key, so both succeed, as "…" and "…-2".
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `exercise-key:${ctx.clinicId}:${base}`,
    ]);
    const rows = await manager.query<Array<{ key: string }>>(
      `SELECT key FROM exercises WHERE clinic_id = $1 AND (key = $2 OR key LIKE $3)`,
      [ctx.clinicId, base, `${base}-%`],
    );
    return firstFreeKey(base, new Set(rows.map((row) => row.key)));
  }

  private async detail(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
    as: ExerciseTextChoice = 'reader',
  ): Promise<ExerciseDetailDto> {
    const [row] = await manager.query<ExerciseRow[]>(
      `${ROW_SELECT} WHERE e.clinic_id = $1 AND e.id = $2`,
      [ctx.clinicId, id],
    );
    if (!row) throw new NotFoundException('Not found');
    const locale = as === 'reader' ? await readerLocale(manager, ctx) : null;
    const versions = await manager.find(ExerciseVersion, {
      select: { version: true, title: true, translations: true, createdAt: true },
      where: { clinicId: ctx.clinicId, exerciseId: id },
      order: { version: 'ASC' },
    });
    const dto = toExerciseDto(row, locale);
    const shown = locale
      ? localizeExercise(row.definition, row.translations, locale).value
      : row.definition;
    return {
      ...dto,
      instructions: shown.instructions,
      defaultVisibility: shown.defaultVisibility,
      form: shown.form,
      versions: versions.map((v) => ({
        version: v.version,
        title: (locale && v.translations[locale]?.title) || v.title,
        createdAt: v.createdAt.toISOString(),
      })),
    };
  }

  private async find(
    manager: EntityManager,
    ctx: TenantContext,
    id: string,
    lock = false,
  ): Promise<Exercise> {
    const exercise = await manager.findOne(Exercise, {
      where: { clinicId: ctx.clinicId, id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!exercise) throw new NotFoundException('Not found');
    return exercise;
  }
}

/** Checks a whole definition; every problem is a 400 naming its field, and nothing is written. */
function parseDefinition(body: object, key: string): ExerciseTemplate {
  const parsed = parseExerciseTemplate({ ...body, key });
  if (!parsed.ok) {
    throw invalidRequest(
      problemsToFields(parsed.problems),
      'The exercise has problems; see fields',
    );
  }
  return parsed.value;
}

export function problemsToFields(problems: readonly Problem[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { field, message } of problems) {
    fields[field] = fields[field] ? `${fields[field]}; ${message}` : message;
  }
  return fields;
}

function copyTitle(title: string, locale: ContentLocale): string {
  const suffix = COPY_SUFFIX[locale];
  return `${title.slice(0, MAX_TITLE - suffix.length).trimEnd()}${suffix}`;
}

/**
 * A copy has the same words as its source, so it keeps the source's translations; only the
 * title changes. A title the therapist chose is their own words and is shown as written.
 */
function copyTranslations(
  translations: ExerciseTranslations,
  chosenTitle: string | undefined,
): ExerciseTranslations {
  const copied: ExerciseTranslations = {};
  for (const locale of CONTENT_LOCALES) {
    const translation = translations[locale];
    if (translation === undefined) continue;
    copied[locale] = {
      ...translation,
      title: chosenTitle ?? copyTitle(translation.title, locale),
    };
  }
  return copied;
}

/** Which text a read returns: the reader's language, or the version as written (for editing). */
export type ExerciseTextChoice = 'reader' | 'written';

/** `locale` null: as written. */
function toExerciseDto(row: ExerciseRow, locale: ContentLocale | null): ExerciseDto {
  const { value: definition, translation } = locale
    ? localizeExercise(row.definition, row.translations, locale)
    : { value: row.definition, translation: null };
  return {
    id: row.id,
    key: row.key,
    theme: row.theme,
    source: row.source,
    currentVersion: row.current_version,
    title: definition.title,
    translation,
    languages: CONTENT_LOCALES.filter((code) => row.translations[code] !== undefined),
    summary: definition.summary,
    whyItHelps: definition.whyItHelps,
    estimatedMinutes: definition.estimatedMinutes,
    completionModes: definition.completionModes,
    visibilityOptions: definition.visibilityOptions,
    requiresTherapistReview: definition.requiresTherapistReview,
    promptCount: definition.form.prompts.length,
    copiedFromId: row.copied_from_id,
    archived: row.archived_at !== null,
    createdAt: row.created_at.toISOString(),
  };
}
