import type { DataSource } from 'typeorm';
import { asClinic } from './factories';

/** Opens (or closes) a safety pause on a couple, as an open safety flag does. */
export async function setSafetyPause(
  owner: DataSource,
  clinicId: string,
  coupleId: string,
  paused: boolean,
): Promise<void> {
  await asClinic(
    owner,
    clinicId,
    `UPDATE couples SET safety_paused_at = ${paused ? 'now()' : 'NULL'}
      WHERE clinic_id = $1 AND id = $2`,
    [clinicId, coupleId],
  );
}

/** The clinic policy that lets admins read therapist-only answers. */
export async function setAdminReadsPrivateAnswers(
  owner: DataSource,
  clinicId: string,
  granted: boolean,
): Promise<void> {
  await asClinic(
    owner,
    clinicId,
    `UPDATE clinics SET admin_reads_private_answers = $2 WHERE id = $1`,
    [clinicId, granted],
  );
}

/** Moves an occurrence's due time, e.g. into the past to test late submissions. */
export async function setOccurrenceDueAt(
  owner: DataSource,
  clinicId: string,
  occurrenceId: string,
  dueAt: Date,
): Promise<void> {
  await asClinic(
    owner,
    clinicId,
    `UPDATE occurrences SET due_at = $3 WHERE clinic_id = $1 AND id = $2`,
    [clinicId, occurrenceId, dueAt.toISOString()],
  );
}
