import type { MigrationInterface, QueryRunner } from 'typeorm';
import { protect } from './row-level-security';

/**
 * Every refresh token a session has rotated past, not only the last one: presenting any of
 * them again means a copy is in other hands, and the session ends.
 */
export class RefreshTokenFamily1765100000000 implements MigrationInterface {
  name = 'RefreshTokenFamily1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const statements = [
      `CREATE TABLE retired_refresh_tokens (
         clinic_id uuid NOT NULL,
         token_hash text NOT NULL,
         session_id uuid NOT NULL,
         retired_at timestamptz NOT NULL DEFAULT now(),
         CONSTRAINT pk_retired_refresh_tokens PRIMARY KEY (clinic_id, token_hash),
         CONSTRAINT fk_retired_refresh_tokens_session FOREIGN KEY (clinic_id, session_id)
           REFERENCES sessions (clinic_id, id)
       )`,
      `CREATE INDEX ix_retired_refresh_tokens_session
         ON retired_refresh_tokens (clinic_id, session_id)`,
      ...protect('retired_refresh_tokens'),
      // Carries over the one retired token each session kept until now. Row-level security is
      // forced on both tables, so each clinic's rows are copied with that clinic set.
      `DO $$ DECLARE clinic uuid; BEGIN
         FOR clinic IN SELECT id FROM clinics LOOP
           PERFORM set_config('app.clinic_id', clinic::text, true);
           INSERT INTO retired_refresh_tokens (clinic_id, token_hash, session_id)
             SELECT clinic_id, previous_token_hash, id FROM sessions
              WHERE clinic_id = clinic AND previous_token_hash IS NOT NULL;
         END LOOP;
         PERFORM set_config('app.clinic_id', '', true);
       END $$`,
      `ALTER TABLE sessions DROP COLUMN previous_token_hash`,
    ];
    for (const statement of statements) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE sessions ADD COLUMN previous_token_hash text`);
    await queryRunner.query(`DROP TABLE retired_refresh_tokens`);
  }
}
