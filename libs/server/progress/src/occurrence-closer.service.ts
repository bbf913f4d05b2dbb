import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlertEvaluator } from './alert-evaluator.service';
import { MISSED_AFTER_HOURS } from './progress-figures';

/**
 * Settles a clinic's occurrences whose grace period has passed: missed when nobody answered,
 * completed otherwise. Who answered (and who did not) stays in the responses, which is what
 * per-partner figures and the one-sided-work alert read. Then re-evaluates the alerts of the couples concerned.
 */
@Injectable()
export class OccurrenceCloser {
  constructor(private readonly alerts: AlertEvaluator) {}

  async closeOverdue(manager: EntityManager, clinicId: string): Promise<number> {
    // For UPDATE … RETURNING, TypeORM answers [rows, affected count].
    const [closed]: [Array<{ couple_id: string }>, number] = await manager.query(
      `UPDATE occurrences o
          SET status = CASE WHEN EXISTS (
                SELECT 1 FROM responses r
                 WHERE r.clinic_id = $1 AND r.occurrence_id = o.id
                   AND r.status = 'submitted'
              ) THEN 'completed'::occurrence_status ELSE 'missed'::occurrence_status END
        WHERE o.clinic_id = $1 AND o.status = 'open'
          AND o.due_at < now() - make_interval(hours => $2)
        RETURNING o.couple_id`,
      [clinicId, MISSED_AFTER_HOURS],
    );
    const couples = [...new Set(closed.map((row) => row.couple_id))];
    await this.alerts.evaluate(manager, clinicId, couples);
    return closed.length;
  }
}
