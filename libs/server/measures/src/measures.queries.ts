import type { EntityManager } from 'typeorm';
import type { MeasureDefinition } from '@mend/shared-measures';

/** A definition with its current version, as the services read it. */
export interface DefinitionRow {
  id: string;
  key: string;
  source: 'mend' | 'clinic';
  version: number;
  version_id: string;
  body: MeasureDefinition;
  licence_attested_at: Date | null;
  licence_attested_by_user_id: string | null;
  created_at: Date;
}

export const SELECT_DEFINITIONS = `
  SELECT d.id, d.key, d.source, v.version, v.id AS version_id, v.body, v.licence_attested_at,
         v.licence_attested_by_user_id, d.created_at
    FROM measure_definitions d
    JOIN measure_definition_versions v
      ON v.clinic_id = d.clinic_id AND v.definition_id = d.id AND v.version = d.current_version`;

export async function findDefinition(
  manager: EntityManager,
  clinicId: string,
  id: string,
  lock = false,
): Promise<DefinitionRow | undefined> {
  const [row] = await manager.query<DefinitionRow[]>(
    `${SELECT_DEFINITIONS} WHERE d.clinic_id = $1 AND d.id = $2${lock ? ' FOR UPDATE OF d' : ''}`,
    [clinicId, id],
  );
  return row;
}

/** One answered administration with what scoring and the summary need. */
export interface ScoredRow {
  id: string;
  couple_id: string;
  partner_user_id: string;
  definition_id: string;
  version: number;
  local_date: string;
  opens_at: Date;
  answered_at: Date;
  total: string;
  keyed_items: Array<number | null>;
}

const SELECT_SCORED = `
  SELECT a.id, a.couple_id, a.partner_user_id, v.definition_id, v.version,
         to_char(a.local_date, 'YYYY-MM-DD') AS local_date, a.opens_at, a.answered_at, a.total,
         a.keyed_items
    FROM measure_administrations a
    JOIN measure_definition_versions v
      ON v.clinic_id = a.clinic_id AND v.id = a.definition_version_id
   WHERE a.clinic_id = $1 AND a.answered_at IS NOT NULL`;

/** A couple's answered administrations, oldest round first. */
export function scoredForCouple(
  manager: EntityManager,
  clinicId: string,
  coupleId: string,
): Promise<ScoredRow[]> {
  return manager.query<ScoredRow[]>(
    `${SELECT_SCORED} AND a.couple_id = $2 ORDER BY a.opens_at, a.id`,
    [clinicId, coupleId],
  );
}

/** Every answered administration of a clinic up to `before`, oldest round first (reports). */
export function scoredForClinic(
  manager: EntityManager,
  clinicId: string,
  before: Date,
): Promise<ScoredRow[]> {
  return manager.query<ScoredRow[]>(
    `${SELECT_SCORED} AND a.answered_at < $2 ORDER BY a.opens_at, a.id`,
    [clinicId, before],
  );
}

/**
 * Each partner's first answered administration of a definition across the clinic: the
 * baselines a Mend check-in's SD and α are estimated from.
 */
export function clinicBaselines(
  manager: EntityManager,
  clinicId: string,
  definitionId: string,
): Promise<Array<{ total: string; keyed_items: Array<number | null> }>> {
  return manager.query(
    `SELECT DISTINCT ON (a.partner_user_id) a.total, a.keyed_items
       FROM measure_administrations a
       JOIN measure_definition_versions v
         ON v.clinic_id = a.clinic_id AND v.id = a.definition_version_id
      WHERE a.clinic_id = $1 AND v.definition_id = $2 AND a.answered_at IS NOT NULL
      ORDER BY a.partner_user_id, a.opens_at, a.id`,
    [clinicId, definitionId],
  );
}

export interface MeasureSettingsRow {
  partners_see_own_graph: boolean;
  gap_alert_percent: number;
}

/** The clinic's measure settings; a clinic that never changed them has the defaults. */
export async function measureSettings(
  manager: EntityManager,
  clinicId: string,
): Promise<MeasureSettingsRow> {
  const [row] = await manager.query<MeasureSettingsRow[]>(
    `SELECT partners_see_own_graph, gap_alert_percent FROM measure_settings WHERE clinic_id = $1`,
    [clinicId],
  );
  return row ?? { partners_see_own_graph: false, gap_alert_percent: 25 };
}
