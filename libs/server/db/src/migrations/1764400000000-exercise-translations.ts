import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shown text of an exercise version (and of a program) in other languages, beside the
 * original. Structure stays in `definition` alone, so answers validate against one form.
 * Library rows get their text from installLibrary, which refreshes them idempotently.
 */
export class ExerciseTranslations1764400000000 implements MigrationInterface {
  name = 'ExerciseTranslations1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE exercise_versions ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `ALTER TABLE programs ADD COLUMN translations jsonb NOT NULL DEFAULT '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE programs DROP COLUMN translations`);
    await queryRunner.query(`ALTER TABLE exercise_versions DROP COLUMN translations`);
  }
}
