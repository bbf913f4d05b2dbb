import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { localizedTitleSql, type Exercise } from '@mend/server-db';
import {
  SqlBuilder,
  asArray,
  containsPattern,
  idOrIds,
  listSpec,
  type ListQueryOf,
  type SortColumns,
} from '@mend/server-platform';
import { EXERCISE_SOURCES } from '@mend/shared-contracts';
import {
  EXERCISE_THEMES,
  type ContentLocale,
  type ExerciseTemplate,
  type ExerciseTranslations,
} from '@mend/shared-exercises';

export const EXERCISE_LIST = listSpec({
  sortable: ['title', 'theme', 'createdAt'],
  defaultSort: ['title', 'ASC'],
  filter: z.strictObject({
    id: idOrIds.optional(),
    theme: z.enum(EXERCISE_THEMES).optional(),
    source: z.enum(EXERCISE_SOURCES).optional(),
    /** Matches the current title, case-insensitively. */
    q: z.string().min(1).max(100).optional(),
    /** Default false; ignored when ids are asked for, so references to archived ones resolve. */
    archived: z.boolean().optional(),
  }),
});
export type ExerciseListQuery = ListQueryOf<typeof EXERCISE_LIST>;

export interface ExerciseRow {
  id: string;
  key: string;
  theme: Exercise['theme'];
  source: Exercise['source'];
  current_version: number;
  copied_from_id: string | null;
  archived_at: Date | null;
  created_at: Date;
  title: string;
  definition: ExerciseTemplate;
  translations: ExerciseTranslations;
}

export const ROW_SELECT = `
  SELECT e.id, e.key, e.theme, e.source, e.current_version, e.copied_from_id, e.archived_at,
         e.created_at, v.title, v.definition, v.translations
    FROM exercises e
    JOIN exercise_versions v
      ON v.clinic_id = e.clinic_id AND v.exercise_id = e.id AND v.version = e.current_version`;

/**
 * One page of the clinic's exercises, and how many match in all. Titles match and sort as the
 * reader sees them, in `locale`.
 */
export async function selectExercisePage(
  manager: EntityManager,
  clinicId: string,
  locale: ContentLocale | null,
  query: ExerciseListQuery,
): Promise<{ rows: ExerciseRow[]; total: number }> {
  const sql = new SqlBuilder(clinicId).where('e.clinic_id = $1');
  const { id, theme, source, q, archived } = query.filter;
  if (id) sql.where((p) => `e.id = ANY(${p}::uuid[])`, asArray(id));
  if (theme) sql.where((p) => `e.theme = ${p}`, theme);
  if (source) sql.where((p) => `e.source = ${p}`, source);
  if (q) {
    const title = localizedTitleSql('v', sql.param(locale));
    sql.where((p) => `${title} ILIKE ${p}`, containsPattern(q));
  }
  if (archived === true) sql.where('e.archived_at IS NOT NULL');
  else if (archived === false || !id) sql.where('e.archived_at IS NULL');
  const [count] = await manager.query<Array<{ total: string }>>(
    `SELECT count(*) AS total FROM (${ROW_SELECT} WHERE ${sql.conditions}) matching`,
    [...sql.parameters],
  );
  const columns: SortColumns<ExerciseListQuery['sort']> = {
    // A getter, so the locale becomes a parameter only when the title sort reads it:
    // PostgreSQL refuses a parameter that nothing uses.
    get title() {
      return `lower(${localizedTitleSql('v', sql.param(locale))})`;
    },
    // The enum sorts in declaration order; people expect alphabetical.
    theme: 'e.theme::text',
    createdAt: 'e.created_at',
    id: 'e.id',
  };
  const rows = await manager.query<ExerciseRow[]>(
    `${ROW_SELECT} WHERE ${sql.conditions} ${sql.orderBy(columns, query)} ${sql.page(query)}`,
    sql.parameters,
  );
  return { rows, total: Number(count?.total ?? 0) };
}
