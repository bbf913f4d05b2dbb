import type { EntityManager } from 'typeorm';
import { isContentLocale, type ContentLocale } from '@mend/shared-exercises';
import type { TenantContext } from './tenant-context';

/**
 * The language the acting user reads exercises in: their own account's, read at the time of
 * the request rather than from the token, so a change in their preferences applies at once.
 */
export async function readerLocale(
  manager: EntityManager,
  ctx: TenantContext,
): Promise<ContentLocale> {
  const [row] = await manager.query<Array<{ locale: string }>>(
    `SELECT locale FROM users WHERE clinic_id = $1 AND id = $2`,
    [ctx.clinicId, ctx.userId],
  );
  return isContentLocale(row?.locale) ? row.locale : 'en';
}
