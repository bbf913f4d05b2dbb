import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  SqlBuilder,
  asArray,
  containsPattern,
  idOrIds,
  listSpec,
  type ListQueryOf,
  type SortColumns,
} from '@mend/server-platform';
import { COUPLE_STATUSES } from '@mend/shared-contracts';

export const COUPLE_LIST = listSpec({
  sortable: ['label', 'status', 'createdAt'] as const,
  defaultSort: ['createdAt', 'DESC'] as const,
  filter: z.strictObject({
    id: idOrIds.optional(),
    status: z.enum(COUPLE_STATUSES).optional(),
    therapistId: z.uuid().optional(),
    /** Matches the label, case-insensitively. */
    q: z.string().min(1).max(100).optional(),
  }),
});
export type CoupleListQuery = ListQueryOf<typeof COUPLE_LIST>;

const SORT_COLUMNS: SortColumns<CoupleListQuery['sort']> = {
  label: 'c.label',
  status: 'c.status',
  createdAt: 'c.created_at',
  id: 'c.id',
};

/**
 * One page of the couples the reader may see (`visible` takes $1 clinic and $2 user): their ids
 * in the asked order, and how many match in all.
 */
export async function selectCouplePage(
  manager: EntityManager,
  visible: { sql: string; parameters: readonly unknown[] },
  query: CoupleListQuery,
): Promise<{ ids: string[]; total: number }> {
  const sql = new SqlBuilder(...visible.parameters)
    .where('c.clinic_id = $1')
    .where(`c.id IN (${visible.sql})`);
  const { id, status, therapistId, q } = query.filter;
  if (id) sql.where((p) => `c.id = ANY(${p}::uuid[])`, asArray(id));
  if (status) sql.where((p) => `c.status = ${p}`, status);
  if (therapistId) {
    sql.where(
      (p) => `EXISTS (SELECT 1 FROM couple_therapists t WHERE t.clinic_id = c.clinic_id
                 AND t.couple_id = c.id AND t.therapist_user_id = ${p})`,
      therapistId,
    );
  }
  if (q) sql.where((p) => `c.label ILIKE ${p}`, containsPattern(q));
  return sql.idPage(manager, 'couples c', SORT_COLUMNS, query);
}
