import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { translatedTitlesSql } from '@mend/server-db';
import {
  SqlBuilder,
  asArray,
  idOrIds,
  listSpec,
  type ListQueryOf,
  type SortColumns,
} from '@mend/server-platform';
import { ASSIGNMENT_STATUSES } from '@mend/shared-contracts';
import type { CompletionMode } from '@mend/shared-exercises';
import type { ReminderPolicy, Schedule } from '@mend/shared-schedule';
import type { AssignmentDto } from './assignment.dto';

export const ASSIGNMENT_LIST = listSpec({
  sortable: ['createdAt', 'status', 'startDate'],
  defaultSort: ['createdAt', 'DESC'],
  filter: z.strictObject({
    id: idOrIds.optional(),
    coupleId: idOrIds.optional(),
    status: z.enum(ASSIGNMENT_STATUSES).optional(),
    programRunId: z.uuid().optional(),
  }),
});
export type AssignmentListQuery = ListQueryOf<typeof ASSIGNMENT_LIST>;

const SORT_COLUMNS: SortColumns<AssignmentListQuery['sort']> = {
  createdAt: 'a.created_at',
  status: 'a.status',
  startDate: `(a.schedule->>'startDate')`,
  id: 'a.id',
};

export interface AssignmentRow {
  id: string;
  couple_id: string;
  exercise_id: string;
  exercise_version_id: string;
  version: number;
  title: string;
  titles: Record<string, string> | null;
  theme: string;
  program_id: string | null;
  program_run_id: string | null;
  completion_mode: CompletionMode;
  assignee_user_id: string | null;
  schedule: Schedule;
  reminder_policy: ReminderPolicy;
  note: string | null;
  status: AssignmentDto['status'];
  planned_until: string | null;
  created_at: Date;
  paused_at: Date | null;
  ended_at: Date | null;
}

const SELECT_ASSIGNMENTS = `
  SELECT a.id, a.couple_id, ev.exercise_id, a.exercise_version_id, ev.version, ev.title,
         ${translatedTitlesSql('ev')} AS titles, e.theme,
         a.program_id, a.program_run_id, a.completion_mode, a.assignee_user_id, a.schedule,
         a.reminder_policy, a.note, a.status, a.planned_until::text AS planned_until,
         a.created_at, a.paused_at, a.ended_at
    FROM assignments a
    JOIN exercise_versions ev ON ev.clinic_id = a.clinic_id AND ev.id = a.exercise_version_id
    JOIN exercises e ON e.clinic_id = ev.clinic_id AND e.id = ev.exercise_id`;

/** One assignment with its exercise version's title and theme; undefined when not found. */
export async function selectAssignment(
  manager: EntityManager,
  clinicId: string,
  id: string,
): Promise<AssignmentRow | undefined> {
  const [row] = await manager.query<AssignmentRow[]>(
    `${SELECT_ASSIGNMENTS} WHERE a.clinic_id = $1 AND a.id = $2`,
    [clinicId, id],
  );
  return row;
}

/**
 * One page of the assignments of the couples the reader may see (`visible` takes $1 clinic and
 * $2 user), and how many match in all.
 */
export async function selectAssignmentPage(
  manager: EntityManager,
  visible: { sql: string; parameters: readonly unknown[] },
  query: AssignmentListQuery,
): Promise<{ rows: AssignmentRow[]; total: number }> {
  const sql = new SqlBuilder(...visible.parameters)
    .where('a.clinic_id = $1')
    .where(`a.couple_id IN (${visible.sql})`);
  const { id, coupleId, status, programRunId } = query.filter;
  if (id) sql.where((p) => `a.id = ANY(${p}::uuid[])`, asArray(id));
  if (coupleId) sql.where((p) => `a.couple_id = ANY(${p}::uuid[])`, asArray(coupleId));
  if (status) sql.where((p) => `a.status = ${p}`, status);
  if (programRunId) sql.where((p) => `a.program_run_id = ${p}`, programRunId);
  const [count] = await manager.query<Array<{ total: string }>>(
    `SELECT count(*) AS total FROM assignments a WHERE ${sql.conditions}`,
    [...sql.parameters],
  );
  const rows = await manager.query<AssignmentRow[]>(
    `${SELECT_ASSIGNMENTS} WHERE ${sql.conditions}
      ${sql.orderBy(SORT_COLUMNS, query)} ${sql.page(query)}`,
    sql.parameters,
  );
  return { rows, total: Number(count?.total ?? 0) };
}
