import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Re-planning: a change to the rules a planned delivery was timed by (quiet hours, a reminder
 * policy, a due time, a person's preferences, a couple or assignment pausing) marks the
 * delivery in the same transaction; the next planning pass times it again, or withdraws it.
 * The planning tick looks for marked deliveries too, and occurrences of paused couples or
 * assignments wait for their resumption instead of being planned.
 */
export class ReminderReplanning1764410000000 implements MigrationInterface {
  name = 'ReminderReplanning1764410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE deliveries ADD COLUMN replan_requested_at timestamptz`);
    await queryRunner.query(
      `CREATE INDEX ix_deliveries_replan ON deliveries (clinic_id)
        WHERE replan_requested_at IS NOT NULL`,
    );
    await queryRunner.query(clinicsNeedingPlans(true));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(clinicsNeedingPlans(false));
    await queryRunner.query(`DROP INDEX ix_deliveries_replan`);
    await queryRunner.query(`ALTER TABLE deliveries DROP COLUMN replan_requested_at`);
  }
}

function clinicsNeedingPlans(replanning: boolean): string {
  return `CREATE OR REPLACE FUNCTION clinics_needing_reminder_plans(at timestamptz,
                                                                   horizon interval,
                                                                   only_clinics uuid[])
    RETURNS TABLE (clinic_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
      ${clinicsNeedingPlansQuery(replanning)}
    $$`;
}

/**
 * Which clinics have reminders to plan. With re-planning: only occurrences of active couples
 * and assignments count, marked deliveries count, and an escalation withdrawn before any
 * attempt (skipped with no attempts) counts as not planned. Without: the original function.
 * The query alone, so that a later migration can wrap it in another language.
 */
export function clinicsNeedingPlansQuery(replanning: boolean): string {
  const activeWork = replanning
    ? `AND EXISTS (SELECT 1 FROM couples c WHERE c.clinic_id = o.clinic_id
                                            AND c.id = o.couple_id AND c.status = 'active')
       AND EXISTS (SELECT 1 FROM assignments a WHERE a.clinic_id = o.clinic_id
                                                AND a.id = o.assignment_id AND a.status = 'active')`
    : '';
  const liveEscalation = replanning ? `AND (d.status <> 'skipped' OR d.attempts > 0)` : '';
  const marked = replanning
    ? `UNION
       SELECT d.clinic_id FROM deliveries d WHERE d.replan_requested_at IS NOT NULL`
    : '';
  return `SELECT x.clinic_id FROM (
      SELECT o.clinic_id FROM occurrences o
       WHERE o.status = 'open' AND o.due_at BETWEEN at - interval '7 days' AND at + horizon
         AND NOT EXISTS (SELECT 1 FROM reminder_plans p
                          WHERE p.clinic_id = o.clinic_id AND p.occurrence_id = o.id)
         ${activeWork}
      UNION
      SELECT a.clinic_id FROM alerts a
       WHERE a.kind = 'missed_streak' AND a.status = 'open'
         AND EXISTS (SELECT 1 FROM couple_therapists ct
                      WHERE ct.clinic_id = a.clinic_id AND ct.couple_id = a.couple_id)
         AND NOT EXISTS (SELECT 1 FROM deliveries d
                          WHERE d.clinic_id = a.clinic_id AND d.kind = 'escalation'
                            AND d.subject_key = a.id::text ${liveEscalation})
      UNION
      SELECT u.clinic_id FROM users u
       WHERE u.role = 'therapist' AND u.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM deliveries d
                          WHERE d.clinic_id = u.clinic_id AND d.recipient_user_id = u.id
                            AND d.kind = 'digest' AND d.status IN ('planned', 'sending'))
      ${marked}
      ) x WHERE only_clinics IS NULL OR x.clinic_id = ANY (only_clinics)`;
}
