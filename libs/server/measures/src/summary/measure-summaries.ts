import type { EntityManager } from 'typeorm';
import type { AlertDetail } from '@mend/server-db';
import { setAlert } from '@mend/server-progress';
import { gapWidened, type ChangeClass, type MeasureLocale } from '@mend/shared-measures';
import type { CoupleMeasureSummaryDto } from '../measures.dto';
import {
  clinicBaselines,
  findDefinition,
  measureSettings,
  scoredForClinic,
  scoredForCouple,
  type DefinitionRow,
} from '../measures.queries';
import { buildSummary, resolveFigures, type ResolvedFigures } from './measure-summary';

type Partners = readonly [{ userId: string; name: string }, { userId: string; name: string }];

/** The couple's two partners in seat order (a, b), with the names staff know them by. */
export async function couplePartners(
  manager: EntityManager,
  clinicId: string,
  coupleId: string,
): Promise<Partners | null> {
  const rows = await manager.query<Array<{ user_id: string; display_name: string }>>(
    `SELECT p.user_id, u.display_name FROM couple_partners p
       JOIN users u ON u.clinic_id = p.clinic_id AND u.id = p.user_id
      WHERE p.clinic_id = $1 AND p.couple_id = $2 ORDER BY p.seat`,
    [clinicId, coupleId],
  );
  const [a, b] = rows;
  return a && b
    ? [
        { userId: a.user_id, name: a.display_name },
        { userId: b.user_id, name: b.display_name },
      ]
    : null;
}

/** Reliable-change figures per definition, estimated from the clinic's baselines when needed. */
export async function figuresFor(
  manager: EntityManager,
  clinicId: string,
  definition: DefinitionRow,
  locale: MeasureLocale,
): Promise<ResolvedFigures> {
  const baselines =
    definition.body.reliableChange.source === 'clinic_baselines'
      ? (await clinicBaselines(manager, clinicId, definition.id)).map((row) => ({
          total: Number(row.total),
          keyedItems: row.keyed_items,
        }))
      : [];
  return resolveFigures(definition.body, baselines, locale);
}

/**
 * A couple's summaries, one per measure they have answered (or only `definitionId`).
 * `onlyPartnerId` narrows to one partner's own series, with no gaps (a partner's view).
 */
export async function coupleSummaries(
  manager: EntityManager,
  input: {
    clinicId: string;
    coupleId: string;
    locale: MeasureLocale;
    onlyPartnerId: string | null;
    definitionId?: string;
  },
): Promise<CoupleMeasureSummaryDto[]> {
  const partners = await couplePartners(manager, input.clinicId, input.coupleId);
  if (!partners) return [];
  const rows = (await scoredForCouple(manager, input.clinicId, input.coupleId)).filter(
    (row) => input.definitionId === undefined || row.definition_id === input.definitionId,
  );
  const settings = await measureSettings(manager, input.clinicId);
  const summaries: CoupleMeasureSummaryDto[] = [];
  for (const [definitionId, own] of groupBy(rows, (row) => row.definition_id)) {
    const definition = await findDefinition(manager, input.clinicId, definitionId);
    if (!definition) continue;
    summaries.push(
      buildSummary({
        definitionId,
        key: definition.key,
        definition: definition.body,
        locale: input.locale,
        rows: own,
        couplePartners: partners,
        onlyPartnerId: input.onlyPartnerId,
        figures: await figuresFor(manager, input.clinicId, definition, input.locale),
        gapAlertPercent: settings.gap_alert_percent,
      }),
    );
  }
  return summaries;
}

/**
 * After a partner answers: alert the couple's therapists when that partner has reliably
 * deteriorated since their baseline, and when the gap between the partners has widened past
 * the clinic's threshold. An alert whose problem went away is resolved (existing alert flow).
 */
export async function evaluateMeasureAlerts(
  manager: EntityManager,
  clinicId: string,
  coupleId: string,
  definitionId: string,
  partnerId: string,
): Promise<void> {
  const [summary] = await coupleSummaries(manager, {
    clinicId,
    coupleId,
    locale: 'en',
    onlyPartnerId: null,
    definitionId,
  });
  if (!summary) return;
  const series = summary.partners.find((p) => p.partnerId === partnerId);
  const latest = series?.latest;
  const detail: AlertDetail = {
    definitionId,
    measure: summary.key,
    total: latest?.total ?? null,
    change: latest?.change ?? null,
    threshold: summary.figures.threshold,
  };
  await setAlert(
    manager,
    {
      clinicId,
      coupleId,
      kind: 'measure_deterioration',
      subjectUserId: partnerId,
      dedupeKey: `measure_deterioration:${coupleId}:${partnerId}:${definitionId}`,
    },
    latest?.classification === 'deteriorated',
    detail,
  );
  const gaps = summary.gaps.map((g) => g.gap);
  await setAlert(
    manager,
    {
      clinicId,
      coupleId,
      kind: 'measure_gap',
      subjectUserId: null,
      dedupeKey: `measure_gap:${coupleId}:${definitionId}`,
    },
    gapWidened(gaps, summary.gapThreshold ?? Number.POSITIVE_INFINITY),
    {
      definitionId,
      measure: summary.key,
      gap: gaps[gaps.length - 1] ?? null,
      firstGap: gaps[0] ?? null,
      threshold: summary.gapThreshold,
    },
  );
}

export interface PartnerClassification {
  coupleId: string;
  partnerId: string;
  definitionId: string;
  definitionKey: string;
  administrationId: string;
  answeredAt: string;
  total: number;
  /** From the partner's baseline (first administration ever, not the period's first). */
  change: number;
  /** Null for a baseline, or while the figures are not ready (raw change only). */
  classification: ChangeClass | null;
  /** Why there is no classification, when there is none. */
  reason: 'baseline' | 'too_few_baselines' | 'no_spread' | null;
}

/**
 * For reports: each partner's latest classification per measure, among administrations
 * answered in [from, to). Runs in the caller's tenant transaction for `clinicId`. Partners with
 * nothing answered in the period are left out.
 */
export async function latestMeasureClassifications(
  manager: EntityManager,
  clinicId: string,
  period: { from: Date; to: Date },
): Promise<PartnerClassification[]> {
  const rows = await scoredForClinic(manager, clinicId, period.to);
  const result: PartnerClassification[] = [];
  for (const [definitionId, ofDefinition] of groupBy(rows, (row) => row.definition_id)) {
    const definition = await findDefinition(manager, clinicId, definitionId);
    if (!definition) continue;
    const figures = await figuresFor(manager, clinicId, definition, 'en');
    for (const [coupleId, ofCouple] of groupBy(ofDefinition, (row) => row.couple_id)) {
      const partners = await couplePartners(manager, clinicId, coupleId);
      if (!partners) continue;
      const summary = buildSummary({
        definitionId,
        key: definition.key,
        definition: definition.body,
        locale: 'en',
        rows: ofCouple,
        couplePartners: partners,
        onlyPartnerId: null,
        figures,
        gapAlertPercent: 100,
      });
      for (const series of summary.partners) {
        const latest = series.latest;
        if (!latest || new Date(latest.answeredAt) < period.from) continue;
        result.push({
          coupleId,
          partnerId: series.partnerId,
          definitionId,
          definitionKey: definition.key,
          administrationId: latest.administrationId,
          answeredAt: latest.answeredAt,
          total: latest.total,
          change: latest.change,
          classification: latest.classification,
          reason:
            series.points.length === 1
              ? 'baseline'
              : latest.classification === null
                ? figures.dto.reason
                : null,
        });
      }
    }
  }
  return result;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}
