import { CSI_16, CSI_4 } from './definitions/csi';
import { MEASURE_LIBRARY } from './definitions/measure-library';
import { MEND_SATISFACTION_CHECK_IN, MEND_TRUST_CHECK_IN } from './definitions/mend-check-ins';
import {
  inClinicalRange,
  itemsWithoutPrompt,
  parseMeasureDefinition,
  scoreMeasure,
  scoreRange,
} from './scoring';

const csi4 = (a: number[]) => Object.fromEntries(a.map((v, i) => [`item${i + 1}`, v]));

function total(definition: typeof CSI_4, answers: Record<string, number | null>): number {
  const result = scoreMeasure(definition, answers);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value.total;
}

describe('CSI-4 (Funk & Rogge 2007)', () => {
  it('scores [3,3,3,3] as 12, below the 13.5 cutoff', () => {
    expect(total(CSI_4, csi4([3, 3, 3, 3]))).toBe(12);
    expect(inClinicalRange(12, 13.5, 'higher_is_better')).toBe(true);
  });

  it('scores [4,4,3,3] as 14, above the cutoff', () => {
    expect(total(CSI_4, csi4([4, 4, 3, 3]))).toBe(14);
    expect(inClinicalRange(14, 13.5, 'higher_is_better')).toBe(false);
  });

  it('scores the maximum [6,5,5,5] as 21', () => {
    expect(total(CSI_4, csi4([6, 5, 5, 5]))).toBe(21);
  });

  it('refuses 6 on item 2 (a 0–5 item), naming it', () => {
    const result = scoreMeasure(CSI_4, csi4([6, 6, 5, 5]));
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'answers.item2', message: 'Choose one of 0, 1, 2, 3, 4, 5' }],
    });
  });

  it('refuses a missing answer (all items required) and an unknown item', () => {
    const missing = scoreMeasure(CSI_4, { item1: 3, item2: 3, item3: 3 });
    expect(missing.ok ? [] : missing.problems.map((p) => p.field)).toEqual(['answers.item4']);
    const unknown = scoreMeasure(CSI_4, { ...csi4([3, 3, 3, 3]), item5: 1 });
    expect(unknown.ok ? [] : unknown.problems.map((p) => p.field)).toEqual(['answers.item5']);
  });
});

describe('CSI-16', () => {
  const answers = (rest: number[]) => csi4([6, ...rest]);

  it('totals 51 below the 51.5 cutoff and 52 above it', () => {
    const fiftyOne = total(CSI_16, answers(Array(15).fill(3)));
    const fiftyTwo = total(CSI_16, answers([4, ...Array(14).fill(3)]));
    expect([fiftyOne, fiftyTwo]).toEqual([51, 52]);
    expect(inClinicalRange(fiftyOne, 51.5, 'higher_is_better')).toBe(true);
    expect(inClinicalRange(fiftyTwo, 51.5, 'higher_is_better')).toBe(false);
  });

  it('refuses an incomplete CSI-16', () => {
    const result = scoreMeasure(CSI_16, answers(Array(14).fill(3)));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['answers.item16']);
  });

  it('scores 0–81', () => {
    expect(total(CSI_16, answers(Array(15).fill(5)))).toBe(81);
    expect(total(CSI_16, csi4(Array(16).fill(0)))).toBe(0);
  });
});

describe('Mend check-ins', () => {
  it('reverse-keys the "felt alone" item and prorates one missing item', () => {
    const full = scoreMeasure(MEND_SATISFACTION_CHECK_IN, {
      overall_content: 4,
      felt_close: 4,
      disagreements: 4,
      appreciated: 4,
      felt_alone: 5,
    });
    // felt_alone 5 counts as 6 − 5 = 1.
    expect(full.ok && full.value.total).toBe(17);
    const prorated = scoreMeasure(MEND_SATISFACTION_CHECK_IN, {
      overall_content: 4,
      felt_close: 4,
      disagreements: 4,
      appreciated: 4,
    });
    expect(prorated.ok && [prorated.value.total, prorated.value.prorated]).toEqual([20, true]);
    const twoMissing = scoreMeasure(MEND_SATISFACTION_CHECK_IN, {
      overall_content: 4,
      felt_close: 4,
      disagreements: 4,
    });
    expect(twoMissing.ok ? [] : twoMissing.problems.map((p) => p.field)).toEqual([
      'answers.appreciated',
      'answers.felt_alone',
    ]);
  });

  it('flags the risk item when feeling safe to raise a worry is answered "not at all"', () => {
    const answers = { can_rely: 3, believe_words: 3, safe_to_raise: 0, keeps_commitments: 3 };
    const risky = scoreMeasure(MEND_TRUST_CHECK_IN, answers);
    expect(risky.ok && risky.value.riskItemIds).toEqual(['safe_to_raise']);
    const calm = scoreMeasure(MEND_TRUST_CHECK_IN, { ...answers, safe_to_raise: 1 });
    expect(calm.ok && calm.value.riskItemIds).toEqual([]);
  });

  it('scores a mean per subscale and in total', () => {
    const parsed = parseMeasureDefinition({
      ...MEND_TRUST_CHECK_IN,
      scoring: { method: 'mean', missing: { policy: 'require_all' } },
      items: MEND_TRUST_CHECK_IN.items.map((item, i) => ({ ...item, subscale: i < 2 ? 'a' : 'b' })),
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const result = scoreMeasure(parsed.value, {
      can_rely: 1,
      believe_words: 2,
      safe_to_raise: 4,
      keeps_commitments: 6,
    });
    expect(result.ok && result.value.subscales).toEqual({ a: 1.5, b: 5 });
    expect(result.ok && result.value.total).toBe(3.25);
  });
});

describe('definitions', () => {
  it('ships definitions that pass their own schema, and never ORS/SRS', () => {
    for (const definition of MEASURE_LIBRARY) {
      expect(parseMeasureDefinition(definition)).toEqual({ ok: true, value: definition });
    }
    expect(MEASURE_LIBRARY.map((d) => d.key)).toEqual([
      'mend-trust',
      'mend-satisfaction',
      'csi-4',
      'csi-16',
    ]);
  });

  it('leaves the CSI wording for the clinic; Mend check-ins are marked not validated', () => {
    expect(itemsWithoutPrompt(CSI_4)).toEqual(['item1', 'item2', 'item3', 'item4']);
    expect(itemsWithoutPrompt(MEND_TRUST_CHECK_IN)).toEqual([]);
    expect([MEND_TRUST_CHECK_IN.validated, MEND_SATISFACTION_CHECK_IN.validated]).toEqual([
      false,
      false,
    ]);
    expect(MEND_TRUST_CHECK_IN.items.every((item) => item.prompt?.es)).toBe(true);
  });

  it('names the path of what is wrong in a bad definition', () => {
    const result = parseMeasureDefinition({
      ...CSI_4,
      items: [
        ...CSI_4.items.slice(0, 2),
        { id: 'item3', options: [{ score: 1 }, { score: 1 }] },
        { id: 'item3', options: [{ score: 0 }, { score: 'x' }] },
      ],
      riskItems: [{ itemId: 'item9', scores: [0] }],
      licence: { name: 'CSI', holder: 'x', terms: 'y' },
      colour: 'blue',
    });
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'items[2].options',
        'items[3].options[1].score',
        'licence.requiresAttestation',
        'definition',
      ]),
    );
    const unknownKey = result.ok
      ? undefined
      : result.problems.find((p) => p.field === 'definition');
    expect(unknownKey?.message).toMatch(/colour/);
  });

  it('names a duplicate item id and a risk item that does not exist', () => {
    const result = parseMeasureDefinition({
      ...CSI_4,
      items: [...CSI_4.items, { ...CSI_4.items[0] }],
      riskItems: [{ itemId: 'item9', scores: [0] }],
    });
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual([
      'items[4].id',
      'riskItems[0].itemId',
    ]);
  });
});

describe('scoreRange', () => {
  it('spans the lowest and highest totals', () => {
    expect(scoreRange(CSI_4)).toEqual({ min: 0, max: 21 });
    expect(scoreRange(CSI_16)).toEqual({ min: 0, max: 81 });
    expect(scoreRange(MEND_TRUST_CHECK_IN)).toEqual({ min: 0, max: 24 });
  });
});
