import type { DataSource } from 'typeorm';
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
import type { InstalledLibrary } from '@mend/server-db';
import { startTestApi, type TestApi } from './testing/test-api';

interface Refusal {
  message: string;
  fields: Record<string, string>;
}

/**
 * Each of the six causes of a 500 the outside probe found (issue 15, item 3), and the lenient
 * cases of item 8, as requests: each must be a 4xx naming the field, and change nothing.
 * The fuzz suite (fuzz.int-spec.ts) covers the same classes across every operation.
 */
describe('malformed input is a 4xx naming the field, never a 500 (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let clinicId: string;
  let library: InstalledLibrary;
  let couple: TestCouple;
  let adminToken: string;
  let therapistToken: string;
  let partnerToken: string;
  let therapistId: string;

  const raw = (method: string, path: string, body: string, token?: string) =>
    fetch(`${api.base}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
    });

  const refusal = async (response: Response, status = 400): Promise<Refusal> => {
    const text = await response.text();
    expect({ status: response.status, text }).toEqual({ status, text: expect.any(String) });
    return JSON.parse(text) as Refusal;
  };

  const clinicRow = async () => {
    const [row] = await asClinic<Array<{ name: string }>>(
      owner,
      clinicId,
      'SELECT name FROM clinics WHERE id = $1',
      [clinicId],
    );
    return row;
  };

  beforeAll(async () => {
    owner = await ownerDataSource();
    api = await startTestApi();
    const clinic = await newClinic(owner);
    clinicId = clinic.id;
    library = await withLibrary(owner, clinicId);
    const admin = await newUser(owner, clinicId, 'clinic_admin');
    const therapist = await newUser(owner, clinicId, 'therapist');
    therapistId = therapist.id;
    couple = await newCouple(owner, clinicId, { therapistIds: [therapist.id] });
    adminToken = await api.signIn(admin);
    therapistToken = await api.signIn(therapist);
    partnerToken = await api.signIn(couple.partnerA);
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  describe('depth and size are limited where JSON is parsed', () => {
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

    it.each([
      ['POST', '/auth/login', false],
      ['POST', '/clinics', false],
      ['PUT', '/clinic', true],
      ['POST', '/exercises', true],
    ])(
      'refuses JSON nested thousands deep on %s %s with a 400 naming the body',
      async (method, path, signedIn) => {
        const response = await raw(
          method,
          path,
          `{"name":${deep(20_000)}}`,
          signedIn ? adminToken : undefined,
        );
        expect((await refusal(response)).fields).toEqual({
          body: 'must not nest deeper than 32 levels',
        });
      },
    );

    it('still reads a body nested to the limit (depth is not refused for its own sake)', async () => {
      // 32 levels of arrays inside a field: the parser lets it through, validation names it.
      const response = await raw('PUT', '/clinic', `{"name":${deep(31)}}`, adminToken);
      expect(Object.keys((await refusal(response)).fields)).toEqual(['name']);
    });

    it('does not count brackets inside strings', async () => {
      const name = `Harbor ${'['.repeat(60)}`;
      const response = await raw('PUT', '/clinic', JSON.stringify({ name }), adminToken);
      expect(response.status).toBe(200);
      expect((await clinicRow())?.name).toBe(name);
    });

    it('refuses a body over 100 kB with a 413 naming the body, and broken JSON with a 400', async () => {
      const big = await raw('POST', '/auth/login', JSON.stringify({ email: 'x'.repeat(150_000) }));
      expect((await refusal(big, 413)).fields).toEqual({ body: 'must not be larger than 100 kB' });
      const broken = await raw('POST', '/auth/login', '{"email":');
      expect((await refusal(broken)).fields).toEqual({ body: 'must be valid JSON' });
    });
  });

  describe('a NUL character anywhere is refused by one global rule', () => {
    it.each([
      ['POST', '/auth/login', { email: 'a\u0000@b.test', password: 'whatever-long' }, 'email'],
      ['PUT', '/clinic', { name: 'Harbor\u0000' }, 'name'],
      ['PUT', '/clinic', { secretsPolicy: 'x\u0000' }, 'secretsPolicy'],
    ])('%s %s names the field', async (method, path, body, field) => {
      const before = await clinicRow();
      const response = await api.request(method, path, { token: adminToken, body });
      expect((await refusal(response)).fields).toEqual({
        [field]: 'must not contain a NUL character',
      });
      expect(await clinicRow()).toEqual(before);
    });

    it('in a search filter, naming the filter key', async () => {
      const filter = encodeURIComponent(JSON.stringify({ q: 'a\u0000' }));
      const response = await api.request('GET', `/users?filter=${filter}`, { token: adminToken });
      expect((await refusal(response)).fields).toEqual({
        'filter.q': 'must not contain a NUL character',
      });
    });

    it('in a nested value and in a key', async () => {
      const response = await raw(
        'POST',
        '/exercises',
        '{"title":"x","form":{"prompts":[{"label":"a\\u0000b"}]}}',
        therapistToken,
      );
      expect((await refusal(response)).fields).toEqual({
        'form.prompts.0.label': 'must not contain a NUL character',
      });
      const key = await raw('PUT', '/clinic', '{"na\\u0000me":"x"}', adminToken);
      expect((await refusal(key)).fields).toEqual({
        body: 'a key must not contain a NUL character',
      });
    });
  });

  describe('null is refused unless the API declares the field nullable', () => {
    it.each([
      ['PUT', '/clinic', { name: null }, 'name'],
      ['PUT', '/clinic', { requireStaffMfa: null }, 'requireStaffMfa'],
    ])('%s %s %j', async (method, path, body, field) => {
      const response = await api.request(method, path, { token: adminToken, body });
      expect(Object.keys((await refusal(response)).fields)).toEqual([field]);
    });

    it('PUT /couples/{id} {"label":null} and PUT /users/{id} {"displayName":null}', async () => {
      const label = await api.request('PUT', `/couples/${couple.id}`, {
        token: adminToken,
        body: { label: null },
      });
      expect(Object.keys((await refusal(label)).fields)).toEqual(['label']);
      const name = await api.request('PUT', `/users/${therapistId}`, {
        token: adminToken,
        body: { displayName: null },
      });
      expect(Object.keys((await refusal(name)).fields)).toEqual(['displayName']);
    });

    it('POST /assignments {"exerciseId":null} names exerciseId and assigns nothing', async () => {
      const response = await api.request('POST', '/assignments', {
        token: therapistToken,
        body: {
          coupleId: couple.id,
          exerciseId: null,
          completionMode: 'each',
          startDate: addDays(todayIn(couple.timeZone), 1),
          recurrence: { kind: 'once' },
          dueTime: '20:00',
        },
      });
      expect(Object.keys((await refusal(response)).fields)).toContain('exerciseId');
      const [row] = await asClinic<Array<{ n: string }>>(
        owner,
        clinicId,
        'SELECT count(*) AS n FROM assignments WHERE clinic_id = $1',
        [clinicId],
      );
      expect(row?.n).toBe('0');
    });

    it('still takes null where the API says a field may be null', async () => {
      const response = await api.request('PUT', '/account/preferences', {
        token: partnerToken,
        body: { reminderTime: null },
      });
      expect(response.status).toBe(200);
    });
  });

  describe('path numbers past the integer range', () => {
    it.each(['99999999999', '2147483648', '0', '-1', '1.5', '1e3'])(
      '/exercises/{id}/versions/%s is a 400 naming version',
      async (version) => {
        const id = library.exercises.get('daily-check-in')?.exerciseId ?? '';
        const response = await api.request('GET', `/exercises/${id}/versions/${version}`, {
          token: therapistToken,
        });
        expect((await refusal(response)).fields).toEqual({
          version: 'must be a whole number from 1 to 2147483647',
        });
      },
    );

    it('a malformed id is a 400 naming the parameter', async () => {
      const response = await api.request('GET', '/couples/not-a-uuid', { token: adminToken });
      expect((await refusal(response)).fields).toEqual({ id: 'must be a UUID' });
    });
  });

  describe('list parameters', () => {
    it.each(['range', 'sort', 'filter'])('%s=null is refused, not read as absent', async (name) => {
      const response = await api.request('GET', `/users?${name}=null`, { token: adminToken });
      expect((await refusal(response)).fields).toEqual({ [name]: 'must not be null' });
    });
  });

  describe('prototype keys are refused, never silently dropped', () => {
    it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
      'a top-level "%s" key',
      async (key) => {
        const before = await clinicRow();
        const response = await raw('PUT', '/clinic', `{"name":"Renamed","${key}":{}}`, adminToken);
        expect((await refusal(response)).fields).toEqual({ [key]: `"${key}" is a reserved name` });
        expect(await clinicRow()).toEqual(before);
      },
    );

    it('a draft {"answers":{"toString":…}} keeps the saved draft', async () => {
      const exercise = library.exercises.get('daily-check-in');
      const assigned = await api.request('POST', '/assignments', {
        token: therapistToken,
        body: {
          coupleId: couple.id,
          exerciseId: exercise?.exerciseId,
          completionMode: 'each',
          startDate: addDays(todayIn(couple.timeZone), 1),
          recurrence: { kind: 'once' },
          dueTime: '20:00',
        },
      });
      expect(assigned.status).toBe(201);
      const { id } = (await assigned.json()) as { id: string };
      const [occurrence] = await asClinic<Array<{ id: string }>>(
        owner,
        clinicId,
        'SELECT id FROM occurrences WHERE assignment_id = $1',
        [id],
      );
      const path = `/occurrences/${occurrence?.id}/draft`;
      const answers = { one_thing: { value: 'KEEP-ME' } };
      const saved = await api.request('PUT', path, { token: partnerToken, body: { answers } });
      expect(saved.status).toBe(200);
      const attack = await raw('PUT', path, '{"answers":{"toString":{"value":"x"}}}', partnerToken);
      expect((await refusal(attack)).fields).toEqual({
        'answers.toString': '"toString" is a reserved name',
      });
      const rows = await asClinic<Array<{ answers: unknown }>>(
        owner,
        clinicId,
        'SELECT answers FROM responses WHERE occurrence_id = $1',
        [occurrence?.id],
      );
      expect(rows.map((row) => JSON.stringify(row.answers))).toEqual([
        expect.stringContaining('KEEP-ME'),
      ]);
    });
  });

  describe('single-line names and the password policy', () => {
    it.each(['Harbor\r\nBcc: someone@example.test', 'Harbor\nNorth', 'Tab\there'])(
      'a clinic name %j is refused, naming the field',
      async (name) => {
        const before = await clinicRow();
        const response = await api.request('PUT', '/clinic', { token: adminToken, body: { name } });
        expect((await refusal(response)).fields).toEqual({
          name: 'name must be on one line, without control characters',
        });
        expect(await clinicRow()).toEqual(before);
      },
    );

    it("a couple label and a person's name too", async () => {
      const label = await api.request('PUT', `/couples/${couple.id}`, {
        token: adminToken,
        body: { label: 'The\r\nSmiths' },
      });
      expect(Object.keys((await refusal(label)).fields)).toEqual(['label']);
      const name = await api.request('PUT', `/users/${therapistId}`, {
        token: adminToken,
        body: { displayName: 'Sam\u2028Okafor' },
      });
      expect(Object.keys((await refusal(name)).fields)).toEqual(['displayName']);
    });

    it.each([
      ['aaaaaaaa', 'must not be one character repeated'],
      ['        ', 'must not be only spaces'],
      ['password123', 'is too common; choose another'],
    ])('signing up with the password %j is refused', async (password, reason) => {
      const response = await api.request('POST', '/clinics', {
        body: {
          clinicName: 'Weak Password Practice',
          timeZone: 'Europe/Madrid',
          adminName: 'Ana Ruiz',
          adminEmail: `weak-${reason.length}@example.test`,
          password,
        },
      });
      expect((await refusal(response)).fields).toEqual({ password: reason });
    });
  });

  describe('two exercises made at once with one title', () => {
    const body = (title: string) => ({
      title,
      theme: 'communication',
      summary: 'Name one moment of the day you felt close.',
      whyItHelps: 'Small moments noticed add up.',
      instructions: 'Two minutes, before bed.',
      estimatedMinutes: 3,
      completionModes: ['each'],
      visibilityOptions: ['partner', 'therapist'],
      defaultVisibility: 'partner',
      requiresTherapistReview: false,
      form: { prompts: [{ id: 'moment', kind: 'short_text', label: 'Which?', required: true }] },
    });

    it('both succeed, each under its own key (created and copied)', async () => {
      const created = await Promise.all(
        [1, 2, 3].map(() =>
          api.request('POST', '/exercises', { token: therapistToken, body: body('Same title') }),
        ),
      );
      expect(created.map((response) => response.status)).toEqual([201, 201, 201]);
      const source = library.exercises.get('daily-check-in')?.exerciseId ?? '';
      const copied = await Promise.all(
        [1, 2].map(() =>
          api.request('POST', `/exercises/${source}/copy`, {
            token: therapistToken,
            body: { title: 'Copied together' },
          }),
        ),
      );
      expect(copied.map((response) => response.status)).toEqual([201, 201]);
      const keys = await asClinic<Array<{ key: string }>>(
        owner,
        clinicId,
        `SELECT key FROM exercises WHERE clinic_id = $1 AND source = 'clinic' ORDER BY key`,
        [clinicId],
      );
      expect(keys.map((row) => row.key)).toEqual([
        'copied-together',
        'copied-together-2',
        'same-title',
        'same-title-2',
        'same-title-3',
      ]);
    });
  });
});
