import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The Idempotency-Key a partner's app sent with a submission, so a retry replays the result. */
export class ResponseIdempotency1764210000000 implements MigrationInterface {
  name = 'ResponseIdempotency1764210000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE responses ADD COLUMN idempotency_key text`);
    await queryRunner.query(
      `ALTER TABLE responses ADD CONSTRAINT uq_responses_idempotency
         UNIQUE (clinic_id, author_user_id, idempotency_key)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE responses DROP CONSTRAINT uq_responses_idempotency`);
    await queryRunner.query(`ALTER TABLE responses DROP COLUMN idempotency_key`);
  }
}
