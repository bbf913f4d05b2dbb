import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Alert, Clinic } from '@mend/server-db';
import type { AlertDetail } from '@mend/server-db';
import type { AlertKind } from '@mend/shared-contracts';
import { CoupleProgressCalculator } from './couple-progress.calculator';

/**
 * Opens and closes the engagement alerts (missed occurrences in a row, one partner carrying the
 * work) from the current figures. One open alert per problem: the dedupe key names it, and a
 * problem that went away resolves its alert. Safety alerts are raised and resolved by people,
 * never here.
 */
@Injectable()
export class AlertEvaluator {
  constructor(private readonly progress: CoupleProgressCalculator) {}

  async evaluate(manager: EntityManager, clinicId: string, coupleIds: string[]): Promise<void> {
    if (coupleIds.length === 0) return;
    const clinic = await manager.findOneByOrFail(Clinic, { id: clinicId });
    const figures = await this.progress.forCouples(manager, clinicId, coupleIds);
    for (const [coupleId, couple] of figures) {
      // One missed-run alert per couple, naming the partner with the longer run (or nobody,
      // when both missed alike).
      const [first, second] = couple.partners;
      const longest = Math.max(first?.missedInARow ?? 0, second?.missedInARow ?? 0);
      const subject =
        first && second && first.missedInARow === second.missedInARow
          ? null
          : couple.partners.find((p) => p.missedInARow === longest);
      await setAlert(
        manager,
        { clinicId, coupleId, kind: 'missed_streak', subjectUserId: subject?.userId ?? null },
        longest >= clinic.missedAlertThreshold,
        { missedInARow: longest, threshold: clinic.missedAlertThreshold },
      );
      // The alert names the quieter partner: the one the therapist will want to ask about.
      const quieter =
        couple.asymmetryShareA === null
          ? null
          : couple.asymmetryShareA < 0.5
            ? couple.partners[0]
            : couple.partners[1];
      await setAlert(
        manager,
        { clinicId, coupleId, kind: 'asymmetry', subjectUserId: quieter?.userId ?? null },
        couple.asymmetryFlagged,
        { shareA: couple.asymmetryShareA },
      );
    }
  }
}

/**
 * Keeps one open alert per problem: opens it when wanted and none is open, refreshes its detail
 * while it stays wanted, and resolves it when the problem went away. The dedupe key names the
 * problem (`<kind>:<coupleId>` unless a finer key is given, e.g. per partner).
 */
export async function setAlert(
  manager: EntityManager,
  key: {
    clinicId: string;
    coupleId: string;
    kind: AlertKind;
    subjectUserId: string | null;
    dedupeKey?: string;
  },
  wanted: boolean,
  detail: AlertDetail,
): Promise<void> {
  const dedupeKey = key.dedupeKey ?? `${key.kind}:${key.coupleId}`;
  const open: Array<{ id: string }> = await manager.query(
    `SELECT id FROM alerts WHERE clinic_id = $1 AND dedupe_key = $2 AND status <> 'resolved'
      FOR UPDATE`,
    [key.clinicId, dedupeKey],
  );
  if (wanted && open.length === 0) {
    await manager.insert(Alert, {
      clinicId: key.clinicId,
      coupleId: key.coupleId,
      kind: key.kind,
      severity: 'normal',
      subjectUserId: key.subjectUserId,
      dedupeKey,
      detail,
    });
  } else if (wanted) {
    await manager.update(Alert, { clinicId: key.clinicId, id: open[0]?.id }, { detail });
  } else if (open.length > 0) {
    await manager.query(
      `UPDATE alerts SET status = 'resolved', resolved_at = now()
        WHERE clinic_id = $1 AND id = ANY($2::uuid[])`,
      [key.clinicId, open.map((row) => row.id)],
    );
  }
}
