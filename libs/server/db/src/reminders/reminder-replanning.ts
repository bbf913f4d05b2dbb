import type { EntityManager } from 'typeorm';

/** Whose planned reminders a change affects. */
export type ReplanScope =
  { clinic: true } | { recipientUserId: string } | { coupleId: string } | { assignmentId: string };

/**
 * Marks the planned, never-attempted deliveries a change affects, in the change's own
 * transaction; the reminders planner times them again on its next pass (or withdraws them if
 * they no longer apply), keeping each row and its unique key. It lives here, below the feature
 * libraries, so that clinics, couples, assignments and preferences can call it without depending
 * on the reminders library.
 *
 * The clinic row is locked against planning (the planner holds it FOR SHARE for a whole pass):
 * a pass that read the old rules cannot commit rows after this mark and so escape it.
 */
export async function requestReminderReplanning(
  manager: EntityManager,
  clinicId: string,
  scope: ReplanScope,
): Promise<number> {
  if (!clinicId) throw new Error('requestReminderReplanning needs a clinic id');
  await manager.query(`SELECT 1 FROM clinics WHERE id = $1 FOR NO KEY UPDATE`, [clinicId]);
  const [filter, parameter] = scopeFilter(scope);
  const [, marked] = await manager.query<[unknown[], number]>(
    `UPDATE deliveries d SET replan_requested_at = now()
      WHERE d.clinic_id = $1 AND d.status = 'planned' AND d.attempts = 0 AND ${filter}`,
    parameter === null ? [clinicId] : [clinicId, parameter],
  );
  return marked;
}

function scopeFilter(scope: ReplanScope): [string, string | null] {
  if ('recipientUserId' in scope) return [`d.recipient_user_id = $2`, scope.recipientUserId];
  if ('coupleId' in scope) {
    return [
      `d.occurrence_id IN (SELECT o.id FROM occurrences o
                            WHERE o.clinic_id = $1 AND o.couple_id = $2)`,
      scope.coupleId,
    ];
  }
  if ('assignmentId' in scope) {
    return [
      `d.occurrence_id IN (SELECT o.id FROM occurrences o
                            WHERE o.clinic_id = $1 AND o.assignment_id = $2)`,
      scope.assignmentId,
    ];
  }
  return ['true', null];
}
