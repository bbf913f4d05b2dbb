import type { DataSource, EntityManager } from 'typeorm';
import {
  EXERCISE_LIBRARY,
  PROGRAM_LIBRARY,
  findLibraryTranslations,
  findProgramTranslations,
} from '@mend/shared-exercises';
import { setTenant } from '../tenancy/tenant-settings';
import { installMeasureLibrary } from './install-measure-library';
import { Exercise } from './exercise.entity';
import { ExerciseVersion } from './exercise-version.entity';
import { Program } from './program.entity';

export interface InstalledLibrary {
  /** exercise key → the clinic's exercise id and the id of its current version */
  exercises: Map<string, { exerciseId: string; versionId: string }>;
  /** program key → program id */
  programs: Map<string, string>;
}

/**
 * Gives a clinic Mend's exercise library and programs, read-only (clinics copy to edit), and
 * Mend's measures (so reading definitions never has to write them first).
 * Idempotent: exercises and programs the clinic already has (by key) are left as they are,
 * except that their translations are brought up to date while their text is still Mend's own
 * (so a clinic installed before a language existed gets it the next time this runs).
 * Runs in the caller's transaction with the clinic's tenant context set.
 */
export async function installLibrary(
  manager: EntityManager,
  clinicId: string,
): Promise<InstalledLibrary> {
  const exercises = new Map<string, { exerciseId: string; versionId: string }>();
  for (const template of EXERCISE_LIBRARY) {
    const translations = findLibraryTranslations(template.key);
    let exercise = await manager.findOneBy(Exercise, { clinicId, key: template.key });
    if (!exercise) {
      exercise = manager.create(Exercise, {
        clinicId,
        key: template.key,
        theme: template.theme,
        source: 'library',
        currentVersion: 1,
      });
      await manager.insert(Exercise, exercise);
      await manager.insert(ExerciseVersion, {
        clinicId,
        exerciseId: exercise.id,
        version: 1,
        title: template.title,
        definition: template,
        translations,
      });
    } else if (exercise.source === 'library') {
      // jsonb equality ignores key order: only a version still holding this exact text changes.
      await manager.query(
        `UPDATE exercise_versions SET translations = $4::jsonb
          WHERE clinic_id = $1 AND exercise_id = $2 AND version = $3 AND definition = $5::jsonb
            AND translations IS DISTINCT FROM $4::jsonb`,
        [
          clinicId,
          exercise.id,
          exercise.currentVersion,
          JSON.stringify(translations),
          JSON.stringify(template),
        ],
      );
    }
    const version = await manager.findOneByOrFail(ExerciseVersion, {
      clinicId,
      exerciseId: exercise.id,
      version: exercise.currentVersion,
    });
    exercises.set(template.key, { exerciseId: exercise.id, versionId: version.id });
  }
  const programs = new Map<string, string>();
  for (const program of PROGRAM_LIBRARY) {
    const translations = findProgramTranslations(program.key);
    let row = await manager.findOneBy(Program, { clinicId, key: program.key });
    if (!row) {
      row = manager.create(Program, {
        clinicId,
        key: program.key,
        title: program.title,
        summary: program.summary,
        weeks: program.weeks,
        source: 'library',
        translations,
        steps: program.steps.map((step) => {
          const installed = exercises.get(step.exerciseKey);
          if (!installed) throw new Error(`program ${program.key} names ${step.exerciseKey}`);
          return { ...step, exerciseId: installed.exerciseId };
        }),
      });
      await manager.insert(Program, row);
    } else if (row.source === 'library') {
      await manager.query(
        `UPDATE programs SET translations = $3::jsonb
          WHERE clinic_id = $1 AND id = $2 AND title = $4 AND summary = $5
            AND translations IS DISTINCT FROM $3::jsonb`,
        [clinicId, row.id, JSON.stringify(translations), program.title, program.summary],
      );
    }
    programs.set(program.key, row.id);
  }
  await installMeasureLibrary(manager, clinicId);
  return { exercises, programs };
}

/**
 * Brings every clinic's copy of the library up to date: new library exercises and programs, and
 * translations of text that is still Mend's. Run after migrations, on a connection that may see
 * every clinic (the owner role); each clinic's rows are written under its own tenant context.
 * `onlyClinics` narrows it; tests sharing a database use it, production never. Returns how many
 * clinics it went through.
 */
export async function installLibraryEverywhere(
  dataSource: DataSource,
  onlyClinics: string[] | null = null,
): Promise<number> {
  const clinics: Array<{ id: string }> = await dataSource.query(
    `SELECT id FROM clinics WHERE $1::uuid[] IS NULL OR id = ANY($1::uuid[]) ORDER BY id`,
    [onlyClinics],
  );
  for (const { id } of clinics) {
    await dataSource.transaction(async (manager) => {
      await setTenant(manager, { clinicId: id });
      await installLibrary(manager, id);
    });
  }
  return clinics.length;
}
