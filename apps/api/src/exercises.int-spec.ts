import type { DataSource } from 'typeorm';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  withLibrary,
  type TestUser,
} from '@mend/server-testing';
import { EXERCISE_LIBRARY } from '@mend/shared-exercises';
import { startTestApi, type TestApi } from './testing/test-api';

interface ExerciseBody {
  id: string;
  key: string;
  theme: string;
  source: string;
  currentVersion: number;
  title: string;
  promptCount: number;
  copiedFromId: string | null;
  archived: boolean;
  instructions?: string;
  form?: { prompts: Array<{ id: string; label: string }> };
  versions?: Array<{ version: number; title: string }>;
}

interface VersionBody {
  version: number;
  current: boolean;
  title: string;
  definition: { title: string; form: { prompts: Array<{ id: string; label: string }> } };
}

function definition(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Evening gratitude note',
    theme: 'communication',
    summary: 'Each evening, write one thing your partner did today that you appreciated.',
    whyItHelps: 'Noticing the good on purpose balances the days when hurt is loudest.',
    instructions: 'Take two minutes before bed.\n\nBe specific: name the moment, not the person.',
    estimatedMinutes: 3,
    completionModes: ['each'],
    visibilityOptions: ['partner', 'therapist'],
    defaultVisibility: 'partner',
    requiresTherapistReview: false,
    form: {
      prompts: [
        { id: 'moment', kind: 'short_text', label: 'What did you appreciate?', required: true },
        { id: 'warmth', kind: 'scale', label: 'How warm did today feel?', required: false },
      ],
    },
    ...overrides,
  };
}

describe('exercise library and programs (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let clinicId: string;
  let library: Awaited<ReturnType<typeof withLibrary>>;
  let admin: TestUser;
  let adminToken: string;
  let therapistToken: string;
  let clientToken: string;
  let otherToken: string;

  const count = async (sql: string, parameters: unknown[] = []) => {
    const [row] = await asClinic<Array<{ n: string }>>(owner, clinicId, sql, parameters);
    return Number(row?.n);
  };
  const exerciseCount = () =>
    count('SELECT count(*) AS n FROM exercises WHERE clinic_id = $1', [clinicId]);
  const versionCount = () =>
    count('SELECT count(*) AS n FROM exercise_versions WHERE clinic_id = $1', [clinicId]);
  const libraryId = (key: string) => {
    const installed = library.exercises.get(key);
    if (!installed) throw new Error(`no ${key} installed`);
    return installed.exerciseId;
  };
  const create = async (body: unknown = definition()) => {
    const response = await api.request('POST', '/exercises', { token: therapistToken, body });
    expect(response.status).toBe(201);
    return (await response.json()) as ExerciseBody;
  };

  beforeAll(async () => {
    owner = await ownerDataSource();
    const clinic = await newClinic(owner);
    clinicId = clinic.id;
    library = await withLibrary(owner, clinicId);
    admin = await newUser(owner, clinicId, 'clinic_admin');
    const therapist = await newUser(owner, clinicId, 'therapist');
    const couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
    const other = await newClinic(owner);
    await withLibrary(owner, other.id);
    const otherAdmin = await newUser(owner, other.id, 'clinic_admin');
    api = await startTestApi();
    adminToken = await api.signIn(admin);
    therapistToken = await api.signIn(therapist);
    clientToken = await api.signIn(couple.partnerA);
    otherToken = await api.signIn(otherAdmin);
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  describe('listing', () => {
    it('shows the whole library installed for a new clinic, with Content-Range', async () => {
      const response = await api.request('GET', '/exercises?range=[0,99]', { token: adminToken });
      expect(response.status).toBe(200);
      const rows = (await response.json()) as ExerciseBody[];
      expect(rows.length).toBeGreaterThanOrEqual(EXERCISE_LIBRARY.length);
      const libraryRows = rows.filter((row) => row.source === 'library');
      expect(libraryRows.map((row) => row.key).sort()).toEqual(
        EXERCISE_LIBRARY.map((template) => template.key).sort(),
      );
      const checkIn = rows.find((row) => row.key === 'daily-check-in');
      expect(checkIn).toMatchObject({
        title: 'Daily check-in',
        theme: 'communication',
        currentVersion: 1,
        promptCount: 4,
        completionModes: ['each'],
        archived: false,
        copiedFromId: null,
      });
      const descending = await api.request('GET', '/exercises?range=[0,99]&sort=["title","DESC"]', {
        token: adminToken,
      });
      const reversed = ((await descending.json()) as ExerciseBody[]).map((row) => row.id);
      expect(reversed).toEqual(rows.map((row) => row.id).reverse());
    });

    it('pages with Content-Range and filters by theme, source, title and id', async () => {
      const page = await api.request('GET', '/exercises?range=[0,4]&sort=["createdAt","DESC"]', {
        token: therapistToken,
      });
      expect(((await page.json()) as unknown[]).length).toBe(5);
      const total = await count(
        'SELECT count(*) AS n FROM exercises WHERE clinic_id = $1 AND archived_at IS NULL',
        [clinicId],
      );
      expect(page.headers.get('content-range')).toBe(`exercises 0-4/${total}`);

      const byTheme = await api.request(
        `GET`,
        `/exercises?filter=${encodeURIComponent('{"theme":"apology"}')}`,
        { token: therapistToken },
      );
      const apology = (await byTheme.json()) as ExerciseBody[];
      expect(apology.length).toBeGreaterThan(0);
      expect(apology.every((row) => row.theme === 'apology')).toBe(true);

      const search = await api.request(
        'GET',
        `/exercises?filter=${encodeURIComponent('{"q":"DAILY CHECK"}')}`,
        { token: therapistToken },
      );
      expect(((await search.json()) as ExerciseBody[]).map((row) => row.key)).toEqual([
        'daily-check-in',
      ]);

      const ids = [libraryId('daily-check-in'), libraryId('sincere-apology-letter')];
      const byIds = await api.request(
        'GET',
        `/exercises?filter=${encodeURIComponent(JSON.stringify({ id: ids }))}`,
        { token: therapistToken },
      );
      expect(((await byIds.json()) as ExerciseBody[]).map((row) => row.id).sort()).toEqual(
        [...ids].sort(),
      );
      expect(byIds.headers.get('content-range')).toBe('exercises 0-1/2');

      await create(definition({ title: 'Only ours: walk and talk' }));
      const clinicOnly = await api.request(
        'GET',
        `/exercises?filter=${encodeURIComponent('{"source":"clinic","q":"walk and talk"}')}`,
        { token: therapistToken },
      );
      const ours = (await clinicOnly.json()) as ExerciseBody[];
      expect(ours.map((row) => row.title)).toEqual(['Only ours: walk and talk']);
    });

    it('hides archived exercises unless asked for them', async () => {
      const created = await create(definition({ title: 'Soon archived' }));
      const archived = await api.request('POST', `/exercises/${created.id}/archive`, {
        token: therapistToken,
      });
      expect(archived.status).toBe(200);
      expect(((await archived.json()) as ExerciseBody).archived).toBe(true);
      const filter = (f: object) =>
        api.request('GET', `/exercises?filter=${encodeURIComponent(JSON.stringify(f))}`, {
          token: therapistToken,
        });
      const active = (await (await filter({ q: 'Soon archived' })).json()) as ExerciseBody[];
      expect(active).toHaveLength(0);
      const onlyArchived = (await (
        await filter({ q: 'Soon archived', archived: true })
      ).json()) as ExerciseBody[];
      expect(onlyArchived.map((row) => row.id)).toEqual([created.id]);
      const unarchived = await api.request('POST', `/exercises/${created.id}/unarchive`, {
        token: therapistToken,
      });
      expect(((await unarchived.json()) as ExerciseBody).archived).toBe(false);
      expect(
        await count(
          `SELECT count(*) AS n FROM audit_events WHERE clinic_id = $1 AND record_id = $2
             AND action IN ('exercise.archived', 'exercise.unarchived')`,
          [clinicId, created.id],
        ),
      ).toBe(2);
    });

    it('names a bad filter, sort or range', async () => {
      for (const [query, field] of [
        [`filter=${encodeURIComponent('{"owner":"me"}')}`, 'filter'],
        [`filter=${encodeURIComponent('{"theme":"gardening"}')}`, 'filter.theme'],
        [`sort=${encodeURIComponent('["key","ASC"]')}`, 'sort'],
        ['range=[0,500]', 'range'],
      ] as const) {
        const response = await api.request('GET', `/exercises?${query}`, { token: adminToken });
        expect(response.status).toBe(400);
        const { fields } = (await response.json()) as { fields: Record<string, string> };
        expect(Object.keys(fields)).toEqual([field]);
      }
    });
  });

  describe('reading one exercise', () => {
    it('gives the current definition and its versions: the client preview', async () => {
      const response = await api.request('GET', `/exercises/${libraryId('daily-check-in')}`, {
        token: therapistToken,
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as ExerciseBody;
      expect(body.instructions).toContain('quiet moment');
      expect(body.form?.prompts.map((p) => p.id)).toEqual([
        'mood',
        'connection',
        'feelings',
        'one_thing',
      ]);
      expect(body.versions).toEqual([
        expect.objectContaining({ version: 1, title: 'Daily check-in' }),
      ]);
      const version = await api.request(
        'GET',
        `/exercises/${libraryId('daily-check-in')}/versions/1`,
        { token: therapistToken },
      );
      expect(((await version.json()) as VersionBody).definition.title).toBe('Daily check-in');
      const missing = await api.request(
        'GET',
        `/exercises/${libraryId('daily-check-in')}/versions/2`,
        { token: therapistToken },
      );
      expect(missing.status).toBe(404);
    });

    it('reads no audit rows: exercises are not client data', async () => {
      const before = await count('SELECT count(*) AS n FROM audit_events WHERE clinic_id = $1', [
        clinicId,
      ]);
      await api.request('GET', `/exercises/${libraryId('daily-check-in')}`, {
        token: therapistToken,
      });
      await api.request('GET', '/exercises', { token: therapistToken });
      const after = await count('SELECT count(*) AS n FROM audit_events WHERE clinic_id = $1', [
        clinicId,
      ]);
      expect(after).toBe(before);
    });
  });

  describe('writing', () => {
    it('creates a clinic exercise with a key from its title, audited', async () => {
      const first = await create(definition({ title: 'Diálogo de la noche' }));
      expect(first).toMatchObject({
        key: 'dialogo-de-la-noche',
        source: 'clinic',
        currentVersion: 1,
        promptCount: 2,
      });
      const second = await create(definition({ title: 'Diálogo de la noche' }));
      expect(second.key).toBe('dialogo-de-la-noche-2');
      expect(
        await count(
          `SELECT count(*) AS n FROM audit_events
            WHERE clinic_id = $1 AND record_id = $2 AND action = 'exercise.created'`,
          [clinicId, first.id],
        ),
      ).toBe(1);
    });

    it('refuses a bad form naming the field, and writes nothing', async () => {
      const exercises = await exerciseCount();
      const versions = await versionCount();
      const response = await api.request('POST', '/exercises', {
        token: therapistToken,
        body: definition({
          estimatedMinutes: 0,
          form: {
            prompts: [
              { id: 'moment', kind: 'short_text', label: 'What?', required: true },
              { id: 'moment', kind: 'scale', label: 'How much?', required: true },
              {
                id: 'pick',
                kind: 'single_choice',
                label: 'Pick one',
                required: true,
                options: [{ value: 'only', label: 'The only one' }],
              },
            ],
          },
        }),
      });
      expect(response.status).toBe(400);
      const { fields } = (await response.json()) as { fields: Record<string, string> };
      expect(Object.keys(fields).sort()).toEqual([
        'estimatedMinutes',
        'form.prompts[1].id',
        'form.prompts[2].options',
      ]);
      expect(fields['form.prompts[2].options']).toMatch(/at least 2 options/);
      expect(await exerciseCount()).toBe(exercises);
      expect(await versionCount()).toBe(versions);
    });

    it('refuses unknown body fields by name', async () => {
      const exercises = await exerciseCount();
      const response = await api.request('POST', '/exercises', {
        token: therapistToken,
        body: { ...definition(), source: 'library', clinicId: 'x' },
      });
      expect(response.status).toBe(400);
      const { fields } = (await response.json()) as { fields: Record<string, string> };
      expect(Object.keys(fields).sort()).toEqual(['clinicId', 'source']);
      expect(await exerciseCount()).toBe(exercises);

      const created = await create(definition({ title: 'Strict edits' }));
      const edit = await api.request('PUT', `/exercises/${created.id}`, {
        token: therapistToken,
        body: { ...definition(), key: 'hijacked', currentVersion: 7 },
      });
      expect(edit.status).toBe(400);
      const editFields = ((await edit.json()) as { fields: Record<string, string> }).fields;
      expect(Object.keys(editFields).sort()).toEqual(['currentVersion', 'key']);
      const copy = await api.request('POST', `/exercises/${created.id}/copy`, {
        token: therapistToken,
        body: { title: '', source: 'library' },
      });
      expect(copy.status).toBe(400);
      expect(
        Object.keys(((await copy.json()) as { fields: Record<string, string> }).fields).sort(),
      ).toEqual(['source', 'title']);
      const [row] = await asClinic<Array<{ key: string; current_version: number }>>(
        owner,
        clinicId,
        'SELECT key, current_version FROM exercises WHERE clinic_id = $1 AND id = $2',
        [clinicId, created.id],
      );
      expect(row).toEqual({ key: 'strict-edits', current_version: 1 });
      expect(
        await count(
          'SELECT count(*) AS n FROM exercises WHERE clinic_id = $1 AND copied_from_id = $2',
          [clinicId, created.id],
        ),
      ).toBe(0);
    });

    it('saves an edit as version 2 and leaves version 1 as it was', async () => {
      const created = await create(definition({ title: 'Versioned note' }));
      const edited = definition({
        title: 'Versioned note, kinder',
        theme: 'consistency',
        form: {
          prompts: [
            { id: 'moment', kind: 'long_text', label: 'Tell the whole moment', required: true },
          ],
        },
      });
      const response = await api.request('PUT', `/exercises/${created.id}`, {
        token: adminToken,
        body: edited,
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as ExerciseBody;
      expect(body).toMatchObject({
        id: created.id,
        key: 'versioned-note',
        currentVersion: 2,
        title: 'Versioned note, kinder',
        theme: 'consistency',
        promptCount: 1,
      });
      expect(body.versions?.map((v) => [v.version, v.title])).toEqual([
        [1, 'Versioned note'],
        [2, 'Versioned note, kinder'],
      ]);
      const v1 = (await (
        await api.request('GET', `/exercises/${created.id}/versions/1`, { token: therapistToken })
      ).json()) as VersionBody;
      expect(v1).toMatchObject({ version: 1, current: false, title: 'Versioned note' });
      expect(v1.definition.form.prompts.map((p) => p.label)).toEqual([
        'What did you appreciate?',
        'How warm did today feel?',
      ]);
      const v2 = (await (
        await api.request('GET', `/exercises/${created.id}/versions/2`, { token: therapistToken })
      ).json()) as VersionBody;
      expect(v2).toMatchObject({ version: 2, current: true });

      const bad = await api.request('PUT', `/exercises/${created.id}`, {
        token: adminToken,
        body: definition({ defaultVisibility: 'reveal_after_both' }),
      });
      expect(bad.status).toBe(400);
      expect(Object.keys(((await bad.json()) as { fields: object }).fields)).toEqual([
        'defaultVisibility',
      ]);
      expect(
        await count(
          'SELECT count(*) AS n FROM exercise_versions WHERE clinic_id = $1 AND exercise_id = $2',
          [clinicId, created.id],
        ),
      ).toBe(2);
    });

    it('refuses to edit or archive a library exercise (409) and changes nothing', async () => {
      const id = libraryId('sincere-apology-letter');
      const edit = await api.request('PUT', `/exercises/${id}`, {
        token: adminToken,
        body: definition(),
      });
      expect(edit.status).toBe(409);
      expect(((await edit.json()) as { message: string }).message).toBe(
        'Library exercises are read-only; copy it to make your own version',
      );
      const archive = await api.request('POST', `/exercises/${id}/archive`, { token: adminToken });
      expect(archive.status).toBe(409);
      const [row] = await asClinic<Array<{ current_version: number; archived_at: Date | null }>>(
        owner,
        clinicId,
        'SELECT current_version, archived_at FROM exercises WHERE clinic_id = $1 AND id = $2',
        [clinicId, id],
      );
      expect(row).toEqual({ current_version: 1, archived_at: null });
    });

    it('copies a library exercise into an editable clinic exercise', async () => {
      const sourceId = libraryId('daily-check-in');
      const response = await api.request('POST', `/exercises/${sourceId}/copy`, {
        token: therapistToken,
      });
      expect(response.status).toBe(201);
      const copy = (await response.json()) as ExerciseBody;
      expect(copy).toMatchObject({
        title: 'Daily check-in (copy)',
        key: 'daily-check-in-copy',
        source: 'clinic',
        copiedFromId: sourceId,
        currentVersion: 1,
        promptCount: 4,
      });
      const edited = await api.request('PUT', `/exercises/${copy.id}`, {
        token: therapistToken,
        body: definition({ title: 'Our check-in' }),
      });
      expect(edited.status).toBe(200);
      expect(((await edited.json()) as ExerciseBody).currentVersion).toBe(2);
      const named = await api.request('POST', `/exercises/${sourceId}/copy`, {
        token: therapistToken,
        body: { title: 'Morning check-in' },
      });
      expect(((await named.json()) as ExerciseBody).key).toBe('morning-check-in');
      expect(
        await count(
          `SELECT count(*) AS n FROM audit_events
            WHERE clinic_id = $1 AND record_id = $2 AND action = 'exercise.copied'`,
          [clinicId, copy.id],
        ),
      ).toBe(1);
    });
  });

  describe('programs', () => {
    it('lists programs with steps named by exercise title and theme', async () => {
      const response = await api.request('GET', '/programs', { token: therapistToken });
      expect(response.status).toBe(200);
      const programs = (await response.json()) as Array<{
        id: string;
        key: string;
        steps: Array<{ exerciseId: string; exerciseTitle: string; exerciseTheme: string }>;
      }>;
      expect(programs.length).toBeGreaterThanOrEqual(2);
      expect(response.headers.get('content-range')).toBe(
        `programs 0-${programs.length - 1}/${programs.length}`,
      );
      const trust = programs.find((p) => p.key === 'trust-repair-8-weeks');
      expect(trust?.steps[0]).toMatchObject({
        exerciseId: libraryId('roots-of-distrust'),
        exerciseTheme: 'roots_of_distrust',
      });
      expect(trust?.steps.every((step) => step.exerciseTitle.length > 0)).toBe(true);
      const one = await api.request('GET', `/programs/${trust?.id}`, { token: adminToken });
      expect(one.status).toBe(200);
      expect(((await one.json()) as { steps: unknown[] }).steps).toHaveLength(
        trust?.steps.length ?? -1,
      );
    });
  });

  describe('who may', () => {
    it('refuses clients every route with 403 and writes nothing', async () => {
      const id = libraryId('daily-check-in');
      const programId = library.programs.get('trust-repair-8-weeks');
      const exercises = await exerciseCount();
      for (const [method, path, body] of [
        ['GET', '/exercises', undefined],
        ['GET', `/exercises/${id}`, undefined],
        ['GET', `/exercises/${id}/versions/1`, undefined],
        ['POST', '/exercises', definition({ title: 'Client made' })],
        ['PUT', `/exercises/${id}`, definition()],
        ['POST', `/exercises/${id}/copy`, undefined],
        ['POST', `/exercises/${id}/archive`, undefined],
        ['POST', `/exercises/${id}/unarchive`, undefined],
        ['GET', '/programs', undefined],
        ['GET', `/programs/${programId}`, undefined],
      ] as const) {
        const response = await api.request(method, path, { token: clientToken, body });
        expect([method, path, response.status]).toEqual([method, path, 403]);
      }
      expect(await exerciseCount()).toBe(exercises);
    });

    it("answers 404 for another clinic's exercises and programs, and changes nothing", async () => {
      const ours = await create(definition({ title: 'Ours alone' }));
      const libraryExercise = libraryId('daily-check-in');
      const programId = library.programs.get('trust-repair-8-weeks');
      for (const [method, path, body] of [
        ['GET', `/exercises/${ours.id}`, undefined],
        ['GET', `/exercises/${ours.id}/versions/1`, undefined],
        ['GET', `/exercises/${libraryExercise}`, undefined],
        ['PUT', `/exercises/${ours.id}`, definition({ title: 'Taken over' })],
        ['POST', `/exercises/${ours.id}/copy`, undefined],
        ['POST', `/exercises/${libraryExercise}/copy`, undefined],
        ['POST', `/exercises/${ours.id}/archive`, undefined],
        ['POST', `/exercises/${ours.id}/unarchive`, undefined],
        ['GET', `/programs/${programId}`, undefined],
      ] as const) {
        const response = await api.request(method, path, { token: otherToken, body });
        expect([method, path, response.status]).toEqual([method, path, 404]);
      }
      const list = await api.request(
        'GET',
        `/exercises?filter=${encodeURIComponent(JSON.stringify({ id: ours.id }))}`,
        { token: otherToken },
      );
      expect(await list.json()).toEqual([]);
      const [row] = await asClinic<
        Array<{ current_version: number; archived_at: Date | null; copies: string }>
      >(
        owner,
        clinicId,
        `SELECT current_version, archived_at,
                (SELECT count(*) FROM exercises c WHERE c.copied_from_id = e.id) AS copies
           FROM exercises e WHERE clinic_id = $1 AND id = $2`,
        [clinicId, ours.id],
      );
      expect(row).toEqual({ current_version: 1, archived_at: null, copies: '0' });
    });

    it('answers 400 for an id that is not a uuid', async () => {
      const response = await api.request('GET', '/exercises/not-an-id', { token: adminToken });
      expect(response.status).toBe(400);
    });
  });
});
