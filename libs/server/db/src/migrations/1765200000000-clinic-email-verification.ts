import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A clinic signed up on the web proves its first admin's email address before it may invite
 * anyone or hold client data (issue 15, item 11). Clinics that exist already, and those made
 * by the seed or an operator, count as verified: only the public signup writes NULL.
 */
export class ClinicEmailVerification1765200000000 implements MigrationInterface {
  name = 'ClinicEmailVerification1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE user_token_purpose ADD VALUE IF NOT EXISTS 'email_verification'`,
    );
    await queryRunner.query(
      `ALTER TABLE clinics ADD COLUMN email_verified_at timestamptz DEFAULT now()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE clinics DROP COLUMN email_verified_at`);
    // PostgreSQL cannot drop one value of an enum: the type is made again without it.
    await queryRunner.query(`DELETE FROM user_tokens WHERE purpose = 'email_verification'`);
    await queryRunner.query(`ALTER TYPE user_token_purpose RENAME TO user_token_purpose_old`);
    await queryRunner.query(
      `CREATE TYPE user_token_purpose AS ENUM ('invitation', 'password_reset')`,
    );
    await queryRunner.query(
      `ALTER TABLE user_tokens ALTER COLUMN purpose TYPE user_token_purpose
        USING purpose::text::user_token_purpose`,
    );
    await queryRunner.query(`DROP TYPE user_token_purpose_old`);
  }
}
