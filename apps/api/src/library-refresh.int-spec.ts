import type { DataSource } from 'typeorm';
import { installLibraryEverywhere } from '@mend/server-db';
import { asClinic, newClinic, ownerDataSource, withLibrary } from '@mend/server-testing';
import { EXERCISE_LIBRARY, PROGRAM_LIBRARY } from '@mend/shared-exercises';

/**
 * `db migrate` ends by bringing every clinic's library up to date, so a clinic that signed up
 * before a release reads what the release added to the library and its translations.
 */
describe('the library after a release (real PostgreSQL)', () => {
  let owner: DataSource;

  beforeAll(async () => {
    owner = await ownerDataSource();
  });

  afterAll(async () => {
    await owner.destroy();
  });

  const library = (clinicId: string) =>
    asClinic<Array<{ exercises: number; translated: number; programs: number; edited: string }>>(
      owner,
      clinicId,
      `SELECT (SELECT count(*)::int FROM exercises WHERE clinic_id = $1) AS exercises,
              (SELECT count(*)::int FROM exercise_versions
                WHERE clinic_id = $1 AND translations ? 'es') AS translated,
              (SELECT count(*)::int FROM programs WHERE clinic_id = $1) AS programs,
              (SELECT v.translations::text FROM exercise_versions v
                 JOIN exercises e ON e.clinic_id = v.clinic_id AND e.id = v.exercise_id
                WHERE v.clinic_id = $1 AND e.key = 'daily-check-in') AS edited`,
      [clinicId],
    );

  it('adds what a clinic is missing and its translations, and leaves text a clinic changed', async () => {
    const behind = (await newClinic(owner)).id;
    const other = (await newClinic(owner)).id;
    await withLibrary(owner, behind);
    // As a clinic from before: one exercise and its program steps never installed, no Spanish,
    // and one library text changed by hand (its translation would no longer match).
    for (const statement of [
      `DELETE FROM programs WHERE clinic_id = $1`,
      `DELETE FROM exercise_versions v USING exercises e
        WHERE v.clinic_id = $1 AND e.clinic_id = v.clinic_id AND e.id = v.exercise_id
          AND e.key = 'owning-my-part'`,
      `DELETE FROM exercises WHERE clinic_id = $1 AND key = 'owning-my-part'`,
      `UPDATE exercise_versions SET translations = DEFAULT WHERE clinic_id = $1`,
      `UPDATE exercise_versions v SET definition = jsonb_set(definition, '{summary}', '"Ours."')
         FROM exercises e
        WHERE v.clinic_id = $1 AND e.clinic_id = v.clinic_id AND e.id = v.exercise_id
          AND e.key = 'daily-check-in'`,
    ]) {
      await asClinic(owner, behind, statement, [behind]);
    }

    expect(await installLibraryEverywhere(owner, [behind, other])).toBe(2);

    expect(await library(behind)).toEqual([
      {
        exercises: EXERCISE_LIBRARY.length,
        translated: EXERCISE_LIBRARY.length - 1,
        programs: PROGRAM_LIBRARY.length,
        edited: '{}',
      },
    ]);
    // A clinic without the library at all gets all of it.
    expect(await library(other)).toEqual([
      {
        exercises: EXERCISE_LIBRARY.length,
        translated: EXERCISE_LIBRARY.length,
        programs: PROGRAM_LIBRARY.length,
        edited: expect.stringContaining('"es"'),
      },
    ]);
  });
});
