import {
  dyadicGap,
  estimateClinicFigures,
  MIN_CLINIC_BASELINES,
  reliableChange,
  RELIABLE_Z,
  scoreRange,
  standardErrorOfDifference,
  type ChangeFigures,
  type MeasureDefinition,
  type MeasureLocale,
} from '@mend/shared-measures';
import type {
  ChangeFiguresDto,
  CoupleMeasureSummaryDto,
  MeasurePointDto,
  PartnerSeriesDto,
} from '../measures.dto';
import type { ScoredRow } from '../measures.queries';

export interface ResolvedFigures {
  figures: ChangeFigures | null;
  dto: ChangeFiguresDto;
}

const EXPLAIN = {
  published_rci: {
    en: 'Reliable change uses the RCI published for this measure.',
    es: 'El cambio fiable usa el índice publicado para esta medida.',
  },
  published_norms: {
    en: 'Reliable change uses the published baseline SD and reliability (Jacobson–Truax).',
    es: 'El cambio fiable usa la DE inicial y la fiabilidad publicadas (Jacobson–Truax).',
  },
  clinic_ready: {
    en: `Reliable change uses the SD and Cronbach's α of this clinic's own baselines.`,
    es: 'El cambio fiable usa la DE y el α de Cronbach de las mediciones iniciales de esta clínica.',
  },
  too_few_baselines: {
    en: `Raw change only: this check-in has no published norms, and the clinic has fewer than ${MIN_CLINIC_BASELINES} baselines to estimate them from.`,
    es: `Solo cambio bruto: este chequeo no tiene normas publicadas y la clínica tiene menos de ${MIN_CLINIC_BASELINES} mediciones iniciales para estimarlas.`,
  },
  no_spread: {
    en: `Raw change only: the clinic's baselines vary too little to estimate reliability.`,
    es: 'Solo cambio bruto: las mediciones iniciales de la clínica varían demasiado poco para estimar la fiabilidad.',
  },
} as const;

/**
 * The figures reliable change is judged with: the definition's published ones, or, for a
 * measure without norms, the clinic's own baselines once there are enough (else none, and why).
 */
export function resolveFigures(
  definition: MeasureDefinition,
  baselines: ReadonlyArray<{ total: number; keyedItems: ReadonlyArray<number | null> }>,
  locale: MeasureLocale,
): ResolvedFigures {
  const base = { direction: definition.direction, cutoff: definition.cutoff };
  const source = definition.reliableChange;
  switch (source.source) {
    case 'published_rci':
      return {
        figures: { ...base, rciPoints: source.points },
        dto: {
          source: 'published_rci',
          ready: true,
          threshold: source.points,
          baselineSd: null,
          reliability: null,
          baselines: null,
          reason: null,
          explanation: EXPLAIN.published_rci[locale],
        },
      };
    case 'published_norms': {
      const sDiff = standardErrorOfDifference(source.baselineSd, source.reliability);
      return {
        figures: { ...base, baselineSd: source.baselineSd, reliability: source.reliability },
        dto: {
          source: 'published_norms',
          ready: true,
          threshold: RELIABLE_Z * sDiff,
          baselineSd: source.baselineSd,
          reliability: source.reliability,
          baselines: null,
          reason: null,
          explanation: EXPLAIN.published_norms[locale],
        },
      };
    }
    case 'clinic_baselines': {
      const estimate = estimateClinicFigures(baselines);
      if (!estimate.ready) {
        return {
          figures: null,
          dto: {
            source: 'clinic_baselines',
            ready: false,
            threshold: null,
            baselineSd: null,
            reliability: null,
            baselines: estimate.baselines,
            reason: estimate.reason,
            explanation: EXPLAIN[estimate.reason][locale],
          },
        };
      }
      const sDiff = standardErrorOfDifference(estimate.baselineSd, estimate.reliability);
      return {
        figures: { ...base, baselineSd: estimate.baselineSd, reliability: estimate.reliability },
        dto: {
          source: 'clinic_baselines',
          ready: true,
          threshold: RELIABLE_Z * sDiff,
          baselineSd: estimate.baselineSd,
          reliability: estimate.reliability,
          baselines: estimate.baselines,
          reason: null,
          explanation: EXPLAIN.clinic_ready[locale],
        },
      };
    }
  }
}

/** Each partner's points: change from their own baseline (first answered), classified when possible. */
function seriesOf(
  rows: readonly ScoredRow[],
  partner: { userId: string; name: string },
  figures: ChangeFigures | null,
): PartnerSeriesDto {
  const own = rows.filter((row) => row.partner_user_id === partner.userId);
  const baseline = own[0] ? Number(own[0].total) : 0;
  const points: MeasurePointDto[] = own.map((row, index) => {
    const total = Number(row.total);
    return {
      administrationId: row.id,
      localDate: row.local_date,
      answeredAt: row.answered_at.toISOString(),
      definitionVersion: row.version,
      total,
      change: total - baseline,
      // The baseline itself has nothing to be compared with.
      classification:
        index === 0 || !figures ? null : reliableChange(baseline, total, figures).classification,
    };
  });
  return {
    partnerId: partner.userId,
    name: partner.name,
    points,
    latest: points[points.length - 1] ?? null,
  };
}

/** Rounds both partners answered (same date of the schedule), with the gap between them. */
export function gapsOf(
  rows: readonly ScoredRow[],
  partnerIds: readonly [string, string],
): Array<{ localDate: string; gap: number }> {
  const byDate = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const round = byDate.get(row.local_date) ?? new Map<string, number>();
    round.set(row.partner_user_id, Number(row.total));
    byDate.set(row.local_date, round);
  }
  const gaps: Array<{ localDate: string; gap: number }> = [];
  for (const [localDate, round] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const a = round.get(partnerIds[0]);
    const b = round.get(partnerIds[1]);
    if (a !== undefined && b !== undefined) gaps.push({ localDate, gap: dyadicGap(a, b) });
  }
  return gaps;
}

/**
 * One definition's summary for a couple. `partners` are the seats to show: both for staff, the
 * reader alone for a partner (who then gets no gaps: a gap would reveal the other's score).
 */
export function buildSummary(input: {
  definitionId: string;
  key: string;
  definition: MeasureDefinition;
  locale: MeasureLocale;
  rows: readonly ScoredRow[];
  couplePartners: readonly [{ userId: string; name: string }, { userId: string; name: string }];
  onlyPartnerId: string | null;
  figures: ResolvedFigures;
  gapAlertPercent: number;
}): CoupleMeasureSummaryDto {
  const { definition } = input;
  const range = scoreRange(definition);
  const shown = input.couplePartners.filter(
    (p) => input.onlyPartnerId === null || p.userId === input.onlyPartnerId,
  );
  const staff = input.onlyPartnerId === null;
  return {
    definitionId: input.definitionId,
    key: input.key,
    title: definition.title[input.locale] ?? definition.title.en,
    validated: definition.validated,
    direction: definition.direction,
    min: range.min,
    max: range.max,
    cutoff: definition.cutoff ?? null,
    figures: input.figures.dto,
    partners: shown.map((p) => seriesOf(input.rows, p, input.figures.figures)),
    gaps: staff
      ? gapsOf(input.rows, [input.couplePartners[0].userId, input.couplePartners[1].userId])
      : [],
    gapThreshold: staff ? gapThresholdPoints(definition, input.gapAlertPercent) : null,
  };
}

export function gapThresholdPoints(definition: MeasureDefinition, percent: number): number {
  const range = scoreRange(definition);
  return ((range.max - range.min) * percent) / 100;
}
