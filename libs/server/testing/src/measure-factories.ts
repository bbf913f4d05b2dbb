import type { DataSource } from 'typeorm';
import { installMeasureLibrary, setTenant } from '@mend/server-db';
import { asClinic } from './factories';

/** Mend's measures in a clinic, as the API installs them on first use: key → definition id. */
export async function withMeasures(
  owner: DataSource,
  clinicId: string,
): Promise<Map<string, string>> {
  const rows = await owner.transaction(async (manager) => {
    await setTenant(manager, { clinicId });
    await installMeasureLibrary(manager, clinicId);
    return manager.query<Array<{ id: string; key: string }>>(
      `SELECT id, key FROM measure_definitions WHERE clinic_id = $1`,
      [clinicId],
    );
  });
  return new Map(rows.map((row) => [row.key, row.id]));
}

/**
 * One open round of a measure for one partner (and its schedule), written directly: for
 * matrices that need an administration id without going through the API.
 */
export async function newMeasureRound(
  owner: DataSource,
  couple: { clinicId: string; id: string; timeZone: string },
  definitionId: string,
  partnerId: string,
): Promise<{ scheduleId: string; administrationId: string }> {
  const [schedule] = await asClinic<Array<{ id: string }>>(
    owner,
    couple.clinicId,
    `INSERT INTO measure_schedules (clinic_id, couple_id, definition_version_id, schedule, created_by_user_id)
     SELECT $1, $2, v.id, $4, p.user_id
       FROM measure_definition_versions v, couple_partners p
      WHERE v.clinic_id = $1 AND v.definition_id = $3 AND v.version = 1
        AND p.clinic_id = $1 AND p.couple_id = $2 AND p.user_id = $5
     RETURNING id`,
    [
      couple.clinicId,
      couple.id,
      definitionId,
      JSON.stringify({
        timeZone: couple.timeZone,
        startDate: '2026-11-01',
        dueTime: '09:00',
        recurrence: { kind: 'once' },
      }),
      partnerId,
    ],
  );
  const [administration] = await asClinic<Array<{ id: string }>>(
    owner,
    couple.clinicId,
    `INSERT INTO measure_administrations
       (clinic_id, schedule_id, couple_id, partner_user_id, definition_version_id, local_date,
        opens_at, expires_at)
     SELECT $1, $2, $3, $4, s.definition_version_id, '2026-11-01', now() - interval '1 hour',
            now() + interval '4 days'
       FROM measure_schedules s WHERE s.clinic_id = $1 AND s.id = $2
     RETURNING id`,
    [couple.clinicId, schedule?.id, couple.id, partnerId],
  );
  return { scheduleId: schedule?.id ?? '', administrationId: administration?.id ?? '' };
}

/** The clinic's measure settings, set directly. */
export async function setMeasureSettings(
  owner: DataSource,
  clinicId: string,
  settings: { partnersSeeOwnGraph: boolean; gapAlertPercent?: number },
): Promise<void> {
  await asClinic(
    owner,
    clinicId,
    `INSERT INTO measure_settings (clinic_id, partners_see_own_graph, gap_alert_percent)
     VALUES ($1, $2, $3)
     ON CONFLICT (clinic_id) DO UPDATE SET partners_see_own_graph = EXCLUDED.partners_see_own_graph,
       gap_alert_percent = EXCLUDED.gap_alert_percent`,
    [clinicId, settings.partnersSeeOwnGraph, settings.gapAlertPercent ?? 25],
  );
}
