import type { EntityManager } from 'typeorm';
import { MEASURE_LIBRARY } from '@mend/shared-measures';

/**
 * Gives a clinic the measures Mend ships (its two check-ins, the CSI structures) when it does
 * not have them yet. Idempotent: a definition the clinic already holds, or has since given a
 * new version (the CSI with its item wording entered), is left alone. Runs in the caller's
 * tenant transaction: with the exercise library (signup, db migrate, seeds) and before a write
 * that needs a definition; never on a read.
 */
export async function installMeasureLibrary(
  manager: EntityManager,
  clinicId: string,
): Promise<void> {
  const [held] = await manager.query<Array<{ count: string }>>(
    `SELECT count(*) AS count FROM measure_definitions WHERE clinic_id = $1 AND source = 'mend'`,
    [clinicId],
  );
  if (Number(held?.count) >= MEASURE_LIBRARY.length) return;
  for (const definition of MEASURE_LIBRARY) {
    const inserted = await manager.query<Array<{ id: string }>>(
      `INSERT INTO measure_definitions (clinic_id, key, source) VALUES ($1, $2, 'mend')
       ON CONFLICT (clinic_id, key) DO NOTHING RETURNING id`,
      [clinicId, definition.key],
    );
    const id = inserted[0]?.id;
    if (!id) continue;
    await manager.query(
      `INSERT INTO measure_definition_versions (clinic_id, definition_id, version, body)
       VALUES ($1, $2, 1, $3)`,
      [clinicId, id, JSON.stringify(definition)],
    );
  }
}
