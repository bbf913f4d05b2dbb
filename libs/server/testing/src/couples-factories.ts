import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { PromiseStatus } from '@mend/shared-contracts';
import { asClinic, type TestCouple } from './factories';

/**
 * A promise with any due date and outcome (the API refuses past due dates, so a history is
 * built here). A settled promise is confirmed by the other partner, as the API would have.
 */
export async function newPromise(
  owner: DataSource,
  couple: TestCouple,
  options: { by: 'a' | 'b'; dueDate: string; status?: PromiseStatus; description?: string },
): Promise<string> {
  const id = randomUUID();
  const promiser = options.by === 'a' ? couple.partnerA : couple.partnerB;
  const other = options.by === 'a' ? couple.partnerB : couple.partnerA;
  const status = options.status ?? 'open';
  const settled = status !== 'open';
  await asClinic(
    owner,
    couple.clinicId,
    `INSERT INTO promises (clinic_id, id, couple_id, promiser_user_id, description, due_date,
                           status, confirmed_by_user_id, confirmed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      couple.clinicId,
      id,
      couple.id,
      promiser.id,
      options.description ?? `Promise ${id.slice(0, 6)}`,
      options.dueDate,
      status,
      settled ? other.id : null,
      settled ? new Date() : null,
    ],
  );
  return id;
}
