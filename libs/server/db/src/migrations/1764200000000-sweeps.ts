import type { MigrationInterface, QueryRunner } from 'typeorm';
import { grantExecuteLike } from './row-level-security';

/**
 * Platform jobs must find work across clinics before any clinic is known. Like sign-in, they get
 * a narrow SECURITY DEFINER door that answers only "which clinics have work", never rows; the
 * work itself then runs inside each clinic's tenant context.
 */
export class Sweeps1764200000000 implements MigrationInterface {
  name = 'Sweeps1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE FUNCTION clinics_with_overdue_occurrences(grace interval)
         RETURNS TABLE (clinic_id uuid)
         LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
           SELECT DISTINCT o.clinic_id FROM occurrences o
            WHERE o.status = 'open' AND o.due_at < now() - grace
         $$`,
    );
    await queryRunner.query(
      `REVOKE ALL ON FUNCTION clinics_with_overdue_occurrences(interval) FROM PUBLIC`,
    );
    await queryRunner.query(
      grantExecuteLike('clinics_with_overdue_occurrences(interval)', 'occurrences'),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION clinics_with_overdue_occurrences(interval)`);
  }
}
