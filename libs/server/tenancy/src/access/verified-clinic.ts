import { ForbiddenException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clinic } from '@mend/server-db';
import type { TenantContext } from '../tenant-context';

export const CLINIC_NOT_VERIFIED =
  "Confirm the clinic's email address first: follow the link sent to the first admin.";

/**
 * Anyone can sign a clinic up with someone else's address; until the first admin follows the
 * emailed link, the clinic may not invite anyone or take in client data (issue 15, item 11).
 */
export async function requireVerifiedClinic(
  manager: EntityManager,
  ctx: Pick<TenantContext, 'clinicId'>,
): Promise<void> {
  const clinic = await manager.findOneByOrFail(Clinic, { id: ctx.clinicId });
  if (clinic.emailVerifiedAt === null) {
    throw new ForbiddenException({ message: CLINIC_NOT_VERIFIED });
  }
}
