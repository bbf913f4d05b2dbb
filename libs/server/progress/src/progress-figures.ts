/**
 * How engaged each partner is, from the occurrences they were expected to answer. Pure, so the
 * rules can be read and tested apart from SQL.
 */

/** An occurrence is missed once it is this long past due without an answer. */
export const MISSED_AFTER_HOURS = 24;

export interface ExpectedOccurrence {
  dueAt: Date;
  /** The partner (or, for joint work, the pair) has a submitted response. */
  done: boolean;
}

export interface PartnerFigures {
  completion7: number | null;
  completion30: number | null;
  /** Answered in a row, counting back from the most recent settled occurrence. */
  streak: number;
  /** Missed in a row, counting back the same way. */
  missedInARow: number;
  expected30: number;
  done30: number;
}

const DAY = 86_400_000;

function rate(items: ExpectedOccurrence[]): number | null {
  if (items.length === 0) return null;
  return items.filter((item) => item.done).length / items.length;
}

export function partnerFigures(occurrences: ExpectedOccurrence[], now: Date): PartnerFigures {
  const past = occurrences.filter((o) => o.dueAt.getTime() <= now.getTime());
  const within = (days: number) =>
    past.filter((o) => now.getTime() - o.dueAt.getTime() < days * DAY);
  // Still inside the grace period and unanswered: not yet a miss, so it neither breaks nor
  // extends a streak.
  const settled = past
    .filter((o) => o.done || now.getTime() - o.dueAt.getTime() >= MISSED_AFTER_HOURS * 3_600_000)
    .sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime());
  const runOf = (done: boolean) => {
    let count = 0;
    for (const occurrence of settled) {
      if (occurrence.done !== done) break;
      count += 1;
    }
    return count;
  };
  const last30 = within(30);
  return {
    completion7: rate(within(7)),
    completion30: rate(last30),
    streak: runOf(true),
    missedInARow: runOf(false),
    expected30: last30.length,
    done30: last30.filter((o) => o.done).length,
  };
}

export interface Asymmetry {
  /** Share of the couple's individual answers given by partner A (0–1), null with no answers. */
  shareA: number | null;
  /** One partner is carrying the work: enough answers to judge, and one gives ≤ 25 % of them. */
  flagged: boolean;
}

export const ASYMMETRY_MIN_ANSWERS = 4;
export const ASYMMETRY_SHARE = 0.25;

export function asymmetry(doneA: number, doneB: number): Asymmetry {
  const total = doneA + doneB;
  if (total === 0) return { shareA: null, flagged: false };
  const shareA = doneA / total;
  return {
    shareA,
    flagged: total >= ASYMMETRY_MIN_ANSWERS && Math.min(shareA, 1 - shareA) <= ASYMMETRY_SHARE,
  };
}

/** Completion per week for the last `weeks` weeks, oldest first (null where nothing was due). */
export function weeklyCompletion(
  occurrences: ExpectedOccurrence[],
  now: Date,
  weeks = 8,
): Array<number | null> {
  return Array.from({ length: weeks }, (_, index) => {
    const end = now.getTime() - (weeks - 1 - index) * 7 * DAY;
    const start = end - 7 * DAY;
    return rate(occurrences.filter((o) => o.dueAt.getTime() > start && o.dueAt.getTime() <= end));
  });
}
