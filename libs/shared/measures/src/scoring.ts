import { issuesToProblems, type Problem, type Result } from '@mend/shared-exercises';
import {
  measureDefinitionSchema,
  type MeasureDefinition,
  type MeasureItem,
} from './measure-definition.schema';

/** A partner's answers: item id → the chosen option's score (as printed, before reverse keying). */
export type MeasureAnswers = Readonly<Record<string, number | null | undefined>>;

export interface MeasureScore {
  total: number;
  /** Per subscale id, scored with the definition's method over that subscale's items. */
  subscales: Record<string, number>;
  answered: number;
  missing: number;
  /** True when missing items were made up by proration. */
  prorated: boolean;
  /** Items whose answer raises a private safety check. */
  riskItemIds: string[];
  /** Item scores after reverse keying, in item order (null when unanswered): α needs them. */
  keyedItems: Array<number | null>;
}

/** A definition as imported (JSON), checked; problems name the path (`items[2].options`). */
export function parseMeasureDefinition(input: unknown): Result<MeasureDefinition> {
  const parsed = measureDefinitionSchema.safeParse(input);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: issuesToProblems(parsed.error.issues, 'definition') };
}

/** The items still without a prompt: such a measure cannot be given yet. */
export function itemsWithoutPrompt(definition: MeasureDefinition): string[] {
  return definition.items.filter((item) => !item.prompt).map((item) => item.id);
}

function keyed(item: MeasureItem, answer: number): number {
  if (!item.reverse) return answer;
  const scores = item.options.map((o) => o.score);
  return Math.min(...scores) + Math.max(...scores) - answer;
}

function aggregate(
  method: MeasureDefinition['scoring']['method'],
  values: number[],
  itemCount: number,
): number {
  const sum = values.reduce((a, b) => a + b, 0);
  // Proration scales the answered items' sum to the full count; a mean needs no scaling.
  return method === 'sum' ? (sum * itemCount) / values.length : sum / values.length;
}

/**
 * Scores one administration. Refuses (with the item named) an answer that is not one of the
 * item's options, an unknown item, or more missing answers than the policy allows.
 */
export function scoreMeasure(
  definition: MeasureDefinition,
  answers: MeasureAnswers,
): Result<MeasureScore> {
  const problems: Problem[] = [];
  const itemIds = new Set(definition.items.map((item) => item.id));
  for (const id of Object.keys(answers)) {
    if (!itemIds.has(id)) problems.push({ field: `answers.${id}`, message: 'No such item' });
  }
  const keyedItems: Array<number | null> = [];
  for (const item of definition.items) {
    const answer = answers[item.id];
    if (answer === null || answer === undefined) {
      keyedItems.push(null);
      continue;
    }
    if (!item.options.some((option) => option.score === answer)) {
      problems.push({
        field: `answers.${item.id}`,
        message: `Choose one of ${item.options.map((o) => o.score).join(', ')}`,
      });
      keyedItems.push(null);
      continue;
    }
    keyedItems.push(keyed(item, answer));
  }
  if (problems.length > 0) return { ok: false, problems };

  const missingIds = definition.items.filter((_, i) => keyedItems[i] === null).map((i) => i.id);
  const allowed =
    definition.scoring.missing.policy === 'prorate' ? definition.scoring.missing.maxMissing : 0;
  if (missingIds.length > allowed) {
    return {
      ok: false,
      problems: missingIds.map((id) => ({
        field: `answers.${id}`,
        message:
          allowed === 0
            ? 'Answer every item'
            : `Answer this item: at most ${allowed} may be left out`,
      })),
    };
  }

  const scale = (indexes: number[]): number | null => {
    const values = indexes.map((i) => keyedItems[i]).filter((v): v is number => v !== null);
    return values.length === 0
      ? null
      : aggregate(definition.scoring.method, values, indexes.length);
  };
  const subscales: Record<string, number> = {};
  const bySubscale = new Map<string, number[]>();
  definition.items.forEach((item, index) => {
    if (item.subscale)
      bySubscale.set(item.subscale, [...(bySubscale.get(item.subscale) ?? []), index]);
  });
  for (const [id, indexes] of bySubscale) {
    const value = scale(indexes);
    if (value === null) {
      return {
        ok: false,
        problems: [{ field: 'answers', message: `Answer at least one item of the ${id} subscale` }],
      };
    }
    subscales[id] = value;
  }
  const total = scale(definition.items.map((_, i) => i)) ?? 0;

  const riskItemIds = (definition.riskItems ?? [])
    .filter((risk) => {
      const answer = answers[risk.itemId];
      return answer !== null && answer !== undefined && risk.scores.includes(answer);
    })
    .map((risk) => risk.itemId);

  return {
    ok: true,
    value: {
      total,
      subscales,
      answered: definition.items.length - missingIds.length,
      missing: missingIds.length,
      prorated: missingIds.length > 0,
      riskItemIds,
      keyedItems,
    },
  };
}

/** Whether a total lies in the clinical range (below the cutoff when higher is better). */
export function inClinicalRange(
  total: number,
  cutoff: number,
  direction: MeasureDefinition['direction'],
): boolean {
  return direction === 'higher_is_better' ? total < cutoff : total > cutoff;
}

/** The lowest and highest total a definition can give (chart axes, the gap threshold). */
export function scoreRange(definition: MeasureDefinition): { min: number; max: number } {
  const lows = definition.items.map((item) => Math.min(...item.options.map((o) => o.score)));
  const highs = definition.items.map((item) => Math.max(...item.options.map((o) => o.score)));
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const n = definition.scoring.method === 'sum' ? 1 : definition.items.length;
  return { min: sum(lows) / n, max: sum(highs) / n };
}
