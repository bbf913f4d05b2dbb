import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why a couple's work ended, in the therapist's words, kept with the closed record. Only staff
 * read it; reopening clears it (the audit trail keeps the closing and the reopening).
 */
export class CoupleClosingNote1765900000000 implements MigrationInterface {
  name = 'CoupleClosingNote1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE couples ADD COLUMN closing_note text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE couples DROP COLUMN closing_note`);
  }
}
