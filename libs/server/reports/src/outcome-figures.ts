import type { PartnerClassification } from '@mend/server-measures';
import type { ClinicDashboardDto, FigureDto, PartnerOutcomesDto } from './clinic-dashboard.dto';

type PartnerClass = keyof PartnerOutcomesDto;

/**
 * A partner with several measures gets one class: any reliable deterioration wins (it is what a
 * clinic must not miss), then recovered, then improved, else unchanged. Baselines and measures
 * without figures (no classification) do not count. A couple counts when at least one partner
 * has a class: any deterioration first; else both, one or neither partner reliably improved
 * (recovered is reliable improvement past the cut-off, so it counts as improved).
 */
export function outcomeFigures(
  classifications: readonly PartnerClassification[],
): ClinicDashboardDto['outcomes'] {
  const order: PartnerClass[] = ['deteriorated', 'recovered', 'improved', 'unchanged'];
  const partners = new Map<string, { coupleId: string; rank: number }>();
  for (const row of classifications) {
    if (!row.classification) continue;
    const rank = order.indexOf(row.classification);
    const seen = partners.get(row.partnerId);
    if (!seen || rank < seen.rank) partners.set(row.partnerId, { coupleId: row.coupleId, rank });
  }
  const byCouple = new Map<string, PartnerClass[]>();
  const perPartner = Object.fromEntries(order.map((key) => [key, [] as string[]])) as Record<
    PartnerClass,
    string[]
  >;
  for (const { coupleId, rank } of partners.values()) {
    const partnerClass = order[rank] as PartnerClass;
    perPartner[partnerClass].push(coupleId);
    byCouple.set(coupleId, [...(byCouple.get(coupleId) ?? []), partnerClass]);
  }
  const couples = {
    bothImproved: [],
    oneImproved: [],
    neitherImproved: [],
    anyDeteriorated: [],
  } as Record<keyof ClinicDashboardDto['outcomes']['couples'], string[]>;
  for (const [coupleId, classes] of byCouple) {
    const improved = classes.filter((c) => c === 'improved' || c === 'recovered').length;
    if (classes.includes('deteriorated')) couples.anyDeteriorated.push(coupleId);
    else if (improved >= 2) couples.bothImproved.push(coupleId);
    else if (improved === 1) couples.oneImproved.push(coupleId);
    else couples.neitherImproved.push(coupleId);
  }
  const asFigure = (ids: string[], count = ids.length): FigureDto => ({
    count,
    coupleIds: [...new Set(ids)].sort(),
  });
  return {
    couples: {
      bothImproved: asFigure(couples.bothImproved),
      oneImproved: asFigure(couples.oneImproved),
      neitherImproved: asFigure(couples.neitherImproved),
      anyDeteriorated: asFigure(couples.anyDeteriorated),
    },
    partners: {
      improved: asFigure(perPartner.improved),
      recovered: asFigure(perPartner.recovered),
      unchanged: asFigure(perPartner.unchanged),
      deteriorated: asFigure(perPartner.deteriorated),
    },
  };
}
