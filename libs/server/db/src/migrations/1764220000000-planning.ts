import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantExecuteLike } from './row-level-security';

/**
 * Like the overdue sweep: the planning job learns only which clinics have active assignments
 * whose occurrences run out within `horizon_days`; the planning itself runs per clinic.
 */
export class Planning1764220000000 implements MigrationInterface {
  name = 'Planning1764220000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION clinics_with_assignments_to_plan(horizon_days integer)
         RETURNS TABLE (clinic_id uuid)
         LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
           SELECT DISTINCT a.clinic_id FROM assignments a
            WHERE a.status = 'active'
              AND (a.planned_until IS NULL OR a.planned_until < current_date + horizon_days)
              AND (a.schedule->>'endDate' IS NULL
                   OR a.planned_until IS NULL
                   OR a.planned_until < (a.schedule->>'endDate')::date)
         $$`,
    );
    await queryRunner.query(
      `REVOKE ALL ON FUNCTION clinics_with_assignments_to_plan(integer) FROM PUBLIC`,
    );
    await queryRunner.query(
      grantExecuteLike('clinics_with_assignments_to_plan(integer)', 'assignments'),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION clinics_with_assignments_to_plan(integer)`);
  }
}
