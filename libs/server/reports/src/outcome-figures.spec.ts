import type { PartnerClassification } from '@mend/server-measures';
import type { ChangeClass } from '@mend/shared-measures';
import { outcomeFigures } from './outcome-figures';

function row(
  coupleId: string,
  partnerId: string,
  definitionKey: string,
  classification: ChangeClass | null,
): PartnerClassification {
  return {
    coupleId,
    partnerId,
    definitionId: `def-${definitionKey}`,
    definitionKey,
    administrationId: `${partnerId}-${definitionKey}`,
    answeredAt: '2025-03-10T09:00:00.000Z',
    total: 10,
    change: 0,
    classification,
    reason: classification ? null : 'baseline',
  };
}

describe('outcomeFigures', () => {
  it('counts couples by both, one, neither improved or any deterioration, and partners by class', () => {
    const figures = outcomeFigures([
      // c1: both improved (recovered counts as improved).
      row('c1', 'a1', 'csi4', 'improved'),
      row('c1', 'b1', 'csi4', 'recovered'),
      // c2: one improved, the other unchanged.
      row('c2', 'a2', 'csi4', 'improved'),
      row('c2', 'b2', 'csi4', 'unchanged'),
      // c3: improved on one measure, deteriorated on another: the deterioration wins.
      row('c3', 'a3', 'csi4', 'improved'),
      row('c3', 'a3', 'check', 'deteriorated'),
      row('c3', 'b3', 'csi4', 'improved'),
      // c4: one partner unchanged, the other has only a baseline (not counted).
      row('c4', 'a4', 'csi4', 'unchanged'),
      row('c4', 'b4', 'csi4', null),
      // c5: nothing but baselines: no outcome at all.
      row('c5', 'a5', 'csi4', null),
    ]);
    expect(figures.couples).toEqual({
      bothImproved: { count: 1, coupleIds: ['c1'] },
      oneImproved: { count: 1, coupleIds: ['c2'] },
      neitherImproved: { count: 1, coupleIds: ['c4'] },
      anyDeteriorated: { count: 1, coupleIds: ['c3'] },
    });
    expect(figures.partners).toEqual({
      improved: { count: 3, coupleIds: ['c1', 'c2', 'c3'] },
      recovered: { count: 1, coupleIds: ['c1'] },
      unchanged: { count: 2, coupleIds: ['c2', 'c4'] },
      deteriorated: { count: 1, coupleIds: ['c3'] },
    });
  });
});
