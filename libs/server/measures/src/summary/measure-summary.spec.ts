import { MEND_TRUST_CHECK_IN, CSI_4 } from '@mend/shared-measures';
import type { ScoredRow } from '../measures.queries';
import { buildSummary, gapsOf, resolveFigures } from './measure-summary';

const row = (partner: string, localDate: string, total: number): ScoredRow => ({
  id: `${partner}-${localDate}`,
  couple_id: 'c',
  partner_user_id: partner,
  definition_id: 'd',
  version: 1,
  local_date: localDate,
  opens_at: new Date(`${localDate}T09:00:00Z`),
  answered_at: new Date(`${localDate}T12:00:00Z`),
  total: String(total),
  keyed_items: [],
});

/** 30 baselines whose four items move together, so α is high and the SD is known. */
const baselines = Array.from({ length: 30 }, (_, i) => {
  const v = i % 7;
  const items = [v, v, Math.min(6, v + (i % 2)), v];
  return { total: items.reduce((a, b) => a + b, 0), keyedItems: items };
});

describe('resolveFigures', () => {
  it('shows raw change under 30 clinic baselines, and says why in both languages', () => {
    const en = resolveFigures(MEND_TRUST_CHECK_IN, baselines.slice(0, 29), 'en');
    expect(en.figures).toBeNull();
    expect(en.dto).toMatchObject({ ready: false, baselines: 29, reason: 'too_few_baselines' });
    expect(en.dto.explanation).toMatch(/fewer than 30 baselines/);
    expect(resolveFigures(MEND_TRUST_CHECK_IN, [], 'es').dto.explanation).toMatch(/menos de 30/);
  });

  it('estimates SD and α from 30 clinic baselines', () => {
    const { dto, figures } = resolveFigures(MEND_TRUST_CHECK_IN, baselines, 'en');
    expect(dto.ready).toBe(true);
    expect(figures).not.toBeNull();
    expect(dto.reliability).toBeGreaterThan(0.9);
    expect(dto.threshold).toBeCloseTo(
      1.96 * Math.sqrt(2) * (dto.baselineSd ?? 0) * Math.sqrt(1 - (dto.reliability ?? 0)),
      10,
    );
  });

  it('uses published norms as they are', () => {
    const normed = {
      ...CSI_4,
      reliableChange: { source: 'published_norms' as const, baselineSd: 7.3, reliability: 0.79 },
    };
    expect(resolveFigures(normed, [], 'en').dto.threshold?.toFixed(2)).toBe('9.27');
  });
});

describe('buildSummary', () => {
  const partners = [
    { userId: 'a', name: 'A' },
    { userId: 'b', name: 'B' },
  ] as const;
  const rows = [
    row('a', '2026-01-01', 20),
    row('b', '2026-01-01', 18),
    row('a', '2026-01-15', 10),
    row('b', '2026-01-15', 19),
    row('a', '2026-01-29', 21),
  ];
  const normed = {
    ...CSI_4,
    reliableChange: { source: 'published_rci' as const, points: 5 },
  };
  const input = {
    definitionId: 'd',
    key: 'k',
    definition: normed,
    locale: 'en' as const,
    rows,
    couplePartners: partners,
    figures: resolveFigures(normed, [], 'en'),
    gapAlertPercent: 25,
  };

  it('classifies each partner from their own baseline and pairs rounds for the gap', () => {
    const staff = buildSummary({ ...input, onlyPartnerId: null });
    expect(staff.partners.map((p) => p.points.map((x) => x.classification))).toEqual([
      [null, 'deteriorated', 'unchanged'],
      [null, 'unchanged'],
    ]);
    expect(staff.gaps).toEqual([
      { localDate: '2026-01-01', gap: 2 },
      { localDate: '2026-01-15', gap: 9 },
    ]);
    expect(staff.gapThreshold).toBe(5.25);
  });

  it('gives a partner only their own series and no gap', () => {
    const own = buildSummary({ ...input, onlyPartnerId: 'b' });
    expect(own.partners.map((p) => p.partnerId)).toEqual(['b']);
    expect([own.gaps, own.gapThreshold]).toEqual([[], null]);
    expect(JSON.stringify(own)).not.toContain('"a-');
  });

  it('leaves out rounds only one partner answered', () => {
    expect(gapsOf(rows, ['a', 'b']).map((g) => g.localDate)).toEqual(['2026-01-01', '2026-01-15']);
  });
});
