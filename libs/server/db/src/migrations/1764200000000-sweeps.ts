import type { MigrationInterface, QueryRunner } from 'typeorm';

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
      `DO $$ DECLARE grantee text; BEGIN
         FOR grantee IN SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
           WHERE g.table_name = 'occurrences' AND g.grantee <> current_user LOOP
           EXECUTE format(
             'GRANT EXECUTE ON FUNCTION clinics_with_overdue_occurrences(interval) TO %I', grantee);
         END LOOP;
       END $$`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION clinics_with_overdue_occurrences(interval)`);
  }
}
