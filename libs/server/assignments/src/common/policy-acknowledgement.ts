import { ForbiddenException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantContext } from '@mend/server-tenancy';

export const POLICY_NOT_ACKNOWLEDGED = {
  message: 'Please read and accept your clinic’s privacy note first',
  code: 'policy_not_acknowledged',
} as const;

/**
 * A client sees no exercise before acknowledging the clinic's secrets policy (PRODUCT.md).
 * Staff pass. Kept here until the couples library offers the same check.
 */
export async function requirePolicyAcknowledged(
  manager: EntityManager,
  ctx: TenantContext,
): Promise<void> {
  if (ctx.role !== 'client') return;
  const rows: Array<{ acknowledged: boolean }> = await manager.query(
    `SELECT policy_acknowledged_at IS NOT NULL AS acknowledged FROM couple_partners
      WHERE clinic_id = $1 AND user_id = $2`,
    [ctx.clinicId, ctx.userId],
  );
  if (!rows[0]?.acknowledged) throw new ForbiddenException(POLICY_NOT_ACKNOWLEDGED);
}
