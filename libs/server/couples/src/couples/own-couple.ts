import { NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PartnerSeat } from '@mend/shared-contracts';
import type { TenantContext } from '@mend/server-tenancy';

export interface OwnSeat {
  coupleId: string;
  seat: PartnerSeat;
  timeZone: string;
  status: string;
}

/** The couple a client partner belongs to; a client without one gets 404. */
export async function ownCouple(manager: EntityManager, ctx: TenantContext): Promise<OwnSeat> {
  const rows: Array<{ couple_id: string; seat: PartnerSeat; time_zone: string; status: string }> =
    await manager.query(
      `SELECT p.couple_id, p.seat, c.time_zone, c.status
         FROM couple_partners p
         JOIN couples c ON c.clinic_id = p.clinic_id AND c.id = p.couple_id
        WHERE p.clinic_id = $1 AND p.user_id = $2`,
      [ctx.clinicId, ctx.userId],
    );
  const row = rows[0];
  if (!row) throw new NotFoundException('Not found');
  return { coupleId: row.couple_id, seat: row.seat, timeZone: row.time_zone, status: row.status };
}
