import type { MigrationInterface, QueryRunner } from 'typeorm';
import { protect } from './row-level-security';

/** MFA recovery codes, emailed one-time tokens (invitations, password resets), audit search. */
export class Access1764000000000 implements MigrationInterface {
  name = 'Access1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      // The last TOTP time step accepted, so a code cannot be used twice.
      `ALTER TABLE users ADD COLUMN mfa_last_step bigint`,
      `CREATE TABLE mfa_recovery_codes (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         user_id uuid NOT NULL,
         code_hash text NOT NULL,
         used_at timestamptz,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_mfa_recovery_codes PRIMARY KEY (clinic_id, id),
         CONSTRAINT fk_mfa_recovery_codes_user FOREIGN KEY (clinic_id, user_id)
           REFERENCES users (clinic_id, id)
       )`,
      `CREATE INDEX ix_mfa_recovery_codes_user ON mfa_recovery_codes (clinic_id, user_id)`,
      ...protect('mfa_recovery_codes'),
      `CREATE TYPE user_token_purpose AS ENUM ('invitation', 'password_reset')`,
      `CREATE TABLE user_tokens (
         clinic_id uuid NOT NULL,
         id uuid NOT NULL DEFAULT gen_random_uuid(),
         user_id uuid NOT NULL,
         purpose user_token_purpose NOT NULL,
         token_hash text NOT NULL,
         expires_at timestamptz NOT NULL,
         used_at timestamptz,
         created_by_user_id uuid,
         created_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_user_tokens PRIMARY KEY (clinic_id, id),
         CONSTRAINT fk_user_tokens_user FOREIGN KEY (clinic_id, user_id)
           REFERENCES users (clinic_id, id)
       )`,
      `CREATE INDEX ix_user_tokens_user ON user_tokens (clinic_id, user_id)`,
      ...protect('user_tokens'),
      `CREATE INDEX ix_audit_events_actor ON audit_events (clinic_id, actor_user_id, occurred_at)`,
      `CREATE INDEX ix_audit_events_record ON audit_events (clinic_id, record_id)`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_audit_events_record`);
    await queryRunner.query(`DROP INDEX ix_audit_events_actor`);
    await queryRunner.query(`DROP TABLE user_tokens`);
    await queryRunner.query(`DROP TYPE user_token_purpose`);
    await queryRunner.query(`DROP TABLE mfa_recovery_codes`);
    await queryRunner.query(`ALTER TABLE users DROP COLUMN mfa_last_step`);
  }
}
