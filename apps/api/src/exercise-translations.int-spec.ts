import type { DataSource } from 'typeorm';
import type { InstalledLibrary } from '@mend/server-db';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  withLibrary,
  type TestCouple,
} from '@mend/server-testing';
import { addDays, todayIn } from '@mend/shared-schedule';
import { findLibraryExercise } from '@mend/shared-exercises';
import { startTestApi, type TestApi } from './testing/test-api';

interface Prompt {
  id: string;
  kind: string;
  label: string;
  required: boolean;
  lowLabel?: string;
  options?: Array<{ value: string; label: string }>;
}

interface OccurrenceBody {
  id: string;
  exerciseTitle: string;
  translation: string | null;
  definition: { summary: string; instructions: string; prompts: Prompt[] };
}

interface ExerciseBody {
  id: string;
  title: string;
  translation: string | null;
  languages: string[];
  instructions: string;
  form: { prompts: Prompt[] };
  versions: Array<{ version: number; title: string }>;
}

const ZONE = 'America/Mexico_City';
const CHECK_IN = findLibraryExercise('daily-check-in');

/** The structure a partner answers against: everything except the words. */
const structure = (prompts: Prompt[]) =>
  prompts.map(({ id, kind, required, options }) => ({
    id,
    kind,
    required,
    values: options?.map((option) => option.value),
  }));

describe('exercises in the reader’s language (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let clinicId: string;
  let library: InstalledLibrary;
  let couple: TestCouple;
  let foreign: { clinicId: string; library: InstalledLibrary; token: string };
  let therapistToken: string;
  let spanishToken: string;
  let englishToken: string;
  let occurrenceId: string;

  const filter = (value: Record<string, unknown>) =>
    `filter=${encodeURIComponent(JSON.stringify(value))}`;
  const exerciseId = (key: string) => {
    const installed = library.exercises.get(key);
    if (!installed) throw new Error(`no ${key} installed`);
    return installed.exerciseId;
  };
  const getJson = async <T>(path: string, token: string): Promise<T> => {
    const response = await api.request('GET', path, { token });
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return (await response.json()) as T;
  };
  const versionTranslations = (forClinic: string) =>
    asClinic<Array<{ key: string; translations: Record<string, unknown> }>>(
      owner,
      forClinic,
      `SELECT e.key, v.translations FROM exercise_versions v
         JOIN exercises e ON e.clinic_id = v.clinic_id AND e.id = v.exercise_id
        WHERE v.clinic_id = $1 ORDER BY e.key, v.version`,
      [forClinic],
    );

  beforeAll(async () => {
    owner = await ownerDataSource();
    clinicId = (await newClinic(owner)).id;
    library = await withLibrary(owner, clinicId);
    const therapist = await newUser(owner, clinicId, 'therapist');
    couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id], timeZone: ZONE });
    // Partner A reads Spanish; partner B and the therapist keep the default, English.
    await asClinic(owner, clinicId, `UPDATE users SET locale = 'es' WHERE id = $1`, [
      couple.partnerA.id,
    ]);
    const foreignClinic = await newClinic(owner);
    const foreignCouple = await newCouple(owner, foreignClinic.id);
    api = await startTestApi();
    foreign = {
      clinicId: foreignClinic.id,
      library: await withLibrary(owner, foreignClinic.id),
      token: await api.signIn(foreignCouple.partnerA),
    };
    [therapistToken, spanishToken, englishToken] = await Promise.all([
      api.signIn(therapist),
      api.signIn(couple.partnerA),
      api.signIn(couple.partnerB),
    ]);
    const assigned = await api.request('POST', '/assignments', {
      token: therapistToken,
      body: {
        coupleId: couple.id,
        exerciseId: exerciseId('daily-check-in'),
        completionMode: 'each',
        startDate: addDays(todayIn(ZONE), 1),
        recurrence: { kind: 'once' },
        dueTime: '20:00',
      },
    });
    expect(assigned.status).toBe(201);
    const { id } = (await assigned.json()) as { id: string };
    const [occurrence] = await asClinic<Array<{ id: string }>>(
      owner,
      clinicId,
      `SELECT id FROM occurrences WHERE assignment_id = $1`,
      [id],
    );
    if (!occurrence) throw new Error('no occurrence planned');
    occurrenceId = occurrence.id;
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it('shows one occurrence in Spanish to the Spanish partner and in English to the other', async () => {
    const spanish = await getJson<OccurrenceBody>(`/occurrences/${occurrenceId}`, spanishToken);
    const english = await getJson<OccurrenceBody>(`/occurrences/${occurrenceId}`, englishToken);

    expect(spanish).toMatchObject({ exerciseTitle: 'Cómo estás hoy', translation: 'es' });
    expect(spanish.definition.prompts[0]).toMatchObject({
      label: '¿Cómo te sientes hoy, en general?',
      lowLabel: 'Muy mal',
    });
    expect(spanish.definition.prompts[2]?.options?.[0]).toEqual({
      value: 'calm',
      label: 'Tranquilidad',
    });
    expect(spanish.definition.instructions).toMatch(/^Busca un momento tranquilo/);

    expect(english).toMatchObject({ exerciseTitle: CHECK_IN?.title, translation: null });
    expect(english.definition.prompts[0]?.label).toBe(CHECK_IN?.form.prompts[0]?.label);
    expect(english.definition.summary).toBe(CHECK_IN?.summary);

    expect(structure(spanish.definition.prompts)).toEqual(structure(english.definition.prompts));
  });

  it('names the exercise in each reader’s language in lists of occurrences and assignments', async () => {
    const query = `/occurrences?${filter({ coupleId: couple.id })}`;
    const [spanish] = await getJson<OccurrenceBody[]>(query, spanishToken);
    const [english] = await getJson<OccurrenceBody[]>(query, englishToken);
    expect([spanish?.exerciseTitle, english?.exerciseTitle]).toEqual([
      'Cómo estás hoy',
      CHECK_IN?.title,
    ]);
    const assignments = `/assignments?${filter({ coupleId: couple.id })}`;
    const [assignment] = await getJson<Array<{ exerciseTitle: string }>>(assignments, spanishToken);
    expect(assignment?.exerciseTitle).toBe('Cómo estás hoy');
  });

  it('validates answers the same whichever language the partner read', async () => {
    const tooHigh = { mood: { value: 11 }, connection: { value: 5 } };
    const problems = [];
    for (const token of [spanishToken, englishToken]) {
      const response = await api.request('POST', `/occurrences/${occurrenceId}/responses`, {
        token,
        body: { answers: tooHigh },
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { fields: Record<string, string> };
      problems.push(body.fields);
    }
    expect(problems[0]).toEqual(problems[1]);
    expect(Object.keys(problems[0] ?? {})).toEqual(['answers.mood']);

    const answers = {
      mood: { value: 6, visibility: 'partner' },
      connection: { value: 7, visibility: 'partner' },
      feelings: { value: ['calm', 'hopeful'], visibility: 'partner' },
    };
    const submitted = await api.request('POST', `/occurrences/${occurrenceId}/responses`, {
      token: spanishToken,
      body: { answers },
    });
    expect(submitted.status).toBe(201);
    const [stored] = await asClinic<Array<{ answers: Record<string, { value: unknown }> }>>(
      owner,
      clinicId,
      `SELECT answers FROM responses WHERE occurrence_id = $1 AND author_user_id = $2`,
      [occurrenceId, couple.partnerA.id],
    );
    expect(stored?.answers['feelings']?.value).toEqual(['calm', 'hopeful']);
  });

  it('follows a change of language in the partner’s preferences at once', async () => {
    const changed = await api.request('PUT', '/account/preferences', {
      token: englishToken,
      body: { locale: 'es' },
    });
    expect(changed.status).toBe(200);
    const now = await getJson<OccurrenceBody>(`/occurrences/${occurrenceId}`, englishToken);
    expect(now).toMatchObject({ exerciseTitle: 'Cómo estás hoy', translation: 'es' });
    await api.request('PUT', '/account/preferences', {
      token: englishToken,
      body: { locale: 'en' },
    });
  });

  it('names the exercise in the reader’s language on the couple’s timeline', async () => {
    const assigned = (events: Array<{ kind: string; summary: string }>) =>
      events.filter((event) => event.kind === 'assignment_created').map((event) => event.summary);
    const timeline = `/couples/${couple.id}/timeline`;
    expect(assigned(await getJson(timeline, therapistToken))).toEqual([CHECK_IN?.title]);
    const toSpanish = await api.request('PUT', '/account/preferences', {
      token: therapistToken,
      body: { locale: 'es' },
    });
    expect(toSpanish.status).toBe(200);
    try {
      expect(assigned(await getJson(timeline, therapistToken))).toEqual(['Cómo estás hoy']);
    } finally {
      await api.request('PUT', '/account/preferences', {
        token: therapistToken,
        body: { locale: 'en' },
      });
    }
  });

  describe('therapists', () => {
    let spanishTherapistToken: string;

    beforeAll(async () => {
      const therapist = await newUser(owner, clinicId, 'therapist');
      await asClinic(owner, clinicId, `UPDATE users SET locale = 'es' WHERE id = $1`, [
        therapist.id,
      ]);
      spanishTherapistToken = await api.signIn(therapist);
    });

    it('preview the library in their language, and edit the text as written', async () => {
      const id = exerciseId('listening-without-fixing');
      const preview = await getJson<ExerciseBody>(`/exercises/${id}`, spanishTherapistToken);
      expect(preview).toMatchObject({
        title: 'Escuchar sin arreglar',
        translation: 'es',
        languages: ['es'],
        versions: [{ version: 1, title: 'Escuchar sin arreglar' }],
      });
      const written = await getJson<ExerciseBody>(
        `/exercises/${id}?text=written`,
        spanishTherapistToken,
      );
      expect(written).toMatchObject({ title: 'Listening without fixing', translation: null });
      const english = await getJson<ExerciseBody>(`/exercises/${id}`, therapistToken);
      expect(english.form.prompts[1]?.label).toBe(
        'Did you ask what kind of support your partner wanted?',
      );
      const bad = await api.request('GET', `/exercises/${id}?text=spanish`, {
        token: therapistToken,
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ fields: { text: expect.any(String) } });
    });

    it('find and sort library titles as they read them', async () => {
      const found = await getJson<ExerciseBody[]>(
        `/exercises?${filter({ q: 'escuchar' })}`,
        spanishTherapistToken,
      );
      expect(found.map((exercise) => exercise.title).sort()).toEqual([
        'Escuchar sin arreglar',
        'Escuchar y devolver lo que oíste',
      ]);
      const none = await getJson<ExerciseBody[]>(
        `/exercises?${filter({ q: 'escuchar' })}`,
        therapistToken,
      );
      expect(none).toEqual([]);
      const programs = await getJson<
        Array<{ title: string; steps: Array<{ exerciseKey: string; exerciseTitle: string }> }>
      >(`/programs?sort=${encodeURIComponent('["title","ASC"]')}`, spanishTherapistToken);
      expect(programs.map((program) => program.title)).toEqual([
        'Bases de la comunicación: 4 semanas',
        'Reconstruir la confianza: un camino de 8 semanas',
      ]);
      const roots = programs[1]?.steps.find((step) => step.exerciseKey === 'roots-of-distrust');
      expect(roots?.exerciseTitle).toBe('De dónde viene mi desconfianza');
    });

    it('keep the translation on a copy, and drop it when they write their own version', async () => {
      const copied = await api.request(
        'POST',
        `/exercises/${exerciseId('weekly-couple-meeting')}/copy`,
        { token: therapistToken, body: {} },
      );
      expect(copied.status).toBe(201);
      const copy = (await copied.json()) as ExerciseBody;
      expect(copy).toMatchObject({ title: 'Weekly couple meeting (copy)', languages: ['es'] });
      const inSpanish = await getJson<ExerciseBody>(`/exercises/${copy.id}`, spanishTherapistToken);
      expect(inSpanish.title).toBe('La reunión de pareja semanal (copia)');

      const written = await getJson<ExerciseBody & Record<string, unknown>>(
        `/exercises/${copy.id}?text=written`,
        therapistToken,
      );
      const edited = await api.request('PUT', `/exercises/${copy.id}`, {
        token: therapistToken,
        body: {
          title: 'Our Sunday meeting',
          theme: written['theme'],
          summary: written['summary'],
          whyItHelps: written['whyItHelps'],
          instructions: 'Sit down on Sunday evening, tea first.',
          estimatedMinutes: written['estimatedMinutes'],
          completionModes: written['completionModes'],
          visibilityOptions: written['visibilityOptions'],
          defaultVisibility: written['defaultVisibility'],
          requiresTherapistReview: written['requiresTherapistReview'],
          form: written.form,
        },
      });
      expect(edited.status).toBe(200);
      const after = await getJson<ExerciseBody>(`/exercises/${copy.id}`, spanishTherapistToken);
      expect(after).toMatchObject({
        title: 'Our Sunday meeting',
        translation: null,
        languages: [],
        instructions: 'Sit down on Sunday evening, tea first.',
        versions: [
          { version: 1, title: 'La reunión de pareja semanal (copia)' },
          { version: 2, title: 'Our Sunday meeting' },
        ],
      });
      const [stored] = await asClinic<Array<{ translations: unknown }>>(
        owner,
        clinicId,
        `SELECT translations FROM exercise_versions WHERE exercise_id = $1 AND version = 2`,
        [copy.id],
      );
      expect(stored?.translations).toEqual({});
    });
  });

  it('keeps other clinics untouched, and their people out of this occurrence', async () => {
    const before = await versionTranslations(foreign.clinicId);
    expect(before).toHaveLength(25);
    expect(before.every((row) => 'es' in row.translations)).toBe(true);
    const response = await api.request('GET', `/occurrences/${occurrenceId}`, {
      token: foreign.token,
    });
    expect(response.status).toBe(404);
    const foreignCopy = await asClinic<Array<{ n: string }>>(
      owner,
      foreign.clinicId,
      `SELECT count(*) AS n FROM exercises WHERE clinic_id = $1 AND source = 'clinic'`,
      [foreign.clinicId],
    );
    expect(foreignCopy[0]?.n).toBe('0');
  });

  it('re-installing brings back missing translations, but never onto text that was changed', async () => {
    const checkIn = foreign.library.exercises.get('daily-check-in');
    const meeting = foreign.library.exercises.get('weekly-couple-meeting');
    await asClinic(
      owner,
      foreign.clinicId,
      `UPDATE exercise_versions SET translations = '{}' WHERE clinic_id = $1`,
      [foreign.clinicId],
    );
    await asClinic(
      owner,
      foreign.clinicId,
      `UPDATE exercise_versions SET definition = jsonb_set(definition, '{title}', '"Changed"')
        WHERE clinic_id = $1 AND id = $2`,
      [foreign.clinicId, meeting?.versionId],
    );
    await asClinic(
      owner,
      foreign.clinicId,
      `UPDATE programs SET translations = '{}' WHERE clinic_id = $1`,
      [foreign.clinicId],
    );

    const again = await withLibrary(owner, foreign.clinicId);
    const after = await versionTranslations(foreign.clinicId);
    const translated = after.filter((row) => 'es' in row.translations).map((row) => row.key);
    expect(translated).toHaveLength(24);
    expect(translated).not.toContain('weekly-couple-meeting');
    expect(again.exercises.get('daily-check-in')).toEqual(checkIn);
    const programs = await asClinic<Array<{ translations: Record<string, unknown> }>>(
      owner,
      foreign.clinicId,
      `SELECT translations FROM programs WHERE clinic_id = $1`,
      [foreign.clinicId],
    );
    expect(programs.map((program) => Object.keys(program.translations))).toEqual([['es'], ['es']]);
    // This clinic's rows were never touched by the other's re-install.
    expect(
      (await versionTranslations(clinicId)).filter((row) => 'es' in row.translations),
    ).toHaveLength(25 + 1);
  });
});
