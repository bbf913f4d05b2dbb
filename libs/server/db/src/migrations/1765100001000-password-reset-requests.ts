import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request a password-reset link answers, and when its mail left. Reset mails go out from a
 * queue job, which may run more than once; the unique key gives each request one link, and
 * `sent_at` tells a later run that the mail has gone.
 */
export class PasswordResetRequests1765100001000 implements MigrationInterface {
  name = 'PasswordResetRequests1765100001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE user_tokens ADD COLUMN request_id uuid, ADD COLUMN sent_at timestamptz`,
    );
    await queryRunner.query(
      `ALTER TABLE user_tokens ADD CONSTRAINT uq_user_tokens_request UNIQUE (clinic_id, request_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE user_tokens DROP CONSTRAINT uq_user_tokens_request`);
    await queryRunner.query(`ALTER TABLE user_tokens DROP COLUMN request_id, DROP COLUMN sent_at`);
  }
}
