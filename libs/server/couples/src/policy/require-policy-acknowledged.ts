import { createHash } from 'node:crypto';
import { ForbiddenException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TenantContext } from '@mend/server-tenancy';

export const POLICY_NOT_ACKNOWLEDGED = {
  message: 'Please read and accept your clinic’s privacy note first',
  code: 'policy_not_acknowledged',
} as const;

/**
 * Call before showing a client anything clinical (an exercise, a form): a client who has not
 * accepted the clinic's secrets policy gets 403 `{ message, code: 'policy_not_acknowledged' }`,
 * so the web app can send them to the policy page. Staff pass through. Runs inside the
 * caller's tenant transaction.
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
  if (rows[0]?.acknowledged !== true) throw new ForbiddenException(POLICY_NOT_ACKNOWLEDGED);
}

/** Names the exact text a partner accepted (there is no version column; the hash is one). */
export function policyVersion(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
