import type { DataSource } from 'typeorm';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  withLibrary,
  type TestCouple,
  type TestUser,
} from '@mend/server-testing';
import type { InstalledLibrary } from '@mend/server-db';
import type { UserRole } from '@mend/shared-contracts';
import {
  operationsOf,
  pathParameters,
  resourceOf,
  sampleBody,
  type OpenApiDocument,
  type Operation,
} from './testing/openapi';
import { startTestApi, type TestApi } from './testing/test-api';

/**
 * Who may call what, written out from SECURITY.md rather than read from the code, so the code
 * is checked against it. Every operation in the OpenAPI spec must appear here or in PUBLIC:
 * a new endpoint fails this test until someone decides who may call it.
 */
const ADMIN = ['clinic_admin'] as const;
const STAFF = ['clinic_admin', 'therapist'] as const;
const EVERYONE = ['clinic_admin', 'therapist', 'client'] as const;
const THERAPIST = ['therapist'] as const;
const CLIENT = ['client'] as const;
const IN_THREADS = ['therapist', 'client'] as const;

const ALLOWED: Record<string, readonly UserRole[]> = {
  'POST /api/auth/logout': EVERYONE,
  'GET /api/auth/me': EVERYONE,
  'POST /api/account/mfa': EVERYONE,
  'POST /api/account/mfa/confirm': EVERYONE,
  'GET /api/clinic': EVERYONE,
  'PUT /api/clinic': ADMIN,
  'GET /api/users': STAFF,
  'GET /api/users/{id}': EVERYONE,
  'POST /api/users': ADMIN,
  'PUT /api/users/{id}': ADMIN,
  'POST /api/users/{id}/deactivate': ADMIN,
  'POST /api/users/{id}/resend-invitation': ADMIN,
  'GET /api/audit-events': ADMIN,
  'GET /api/audit-events/{id}': ADMIN,
  'GET /api/caseload': STAFF,
  'GET /api/couples/{id}/progress': STAFF,
  'GET /api/couples/{id}/timeline': STAFF,
  'GET /api/alerts': STAFF,
  'GET /api/alerts/{id}': STAFF,
  'PUT /api/alerts/{id}': STAFF,
  'GET /api/couples': EVERYONE,
  'GET /api/couples/{id}': EVERYONE,
  'POST /api/couples': STAFF,
  'PUT /api/couples/{id}': STAFF,
  'PUT /api/couples/{id}/therapists': ADMIN,
  'POST /api/couples/{id}/acknowledge-policy': CLIENT,
  'POST /api/couples/{id}/partners/{partnerId}/resend-invitation': STAFF,
  'PUT /api/couples/{id}/partners/{partnerId}/email': STAFF,
  'GET /api/couples/{id}/promise-trend': EVERYONE,
  'GET /api/promises': EVERYONE,
  'GET /api/promises/{id}': EVERYONE,
  'POST /api/promises': CLIENT,
  'POST /api/promises/{id}/confirm': CLIENT,
  'GET /api/safety-checks': STAFF,
  'GET /api/safety-checks/{id}': STAFF,
  'POST /api/safety-checks': CLIENT,
  'POST /api/safety-checks/{id}/resolve': THERAPIST,
  'GET /api/exercises': STAFF,
  'GET /api/exercises/{id}': STAFF,
  'GET /api/exercises/{id}/versions/{version}': STAFF,
  'POST /api/exercises': STAFF,
  'PUT /api/exercises/{id}': STAFF,
  'POST /api/exercises/{id}/copy': STAFF,
  'POST /api/exercises/{id}/archive': STAFF,
  'POST /api/exercises/{id}/unarchive': STAFF,
  'GET /api/programs': STAFF,
  'GET /api/programs/{id}': STAFF,
  'GET /api/assignments': EVERYONE,
  'GET /api/assignments/{id}': EVERYONE,
  'POST /api/assignments': STAFF,
  'PUT /api/assignments/{id}': STAFF,
  'GET /api/occurrences': EVERYONE,
  'GET /api/occurrences/{id}': EVERYONE,
  'PUT /api/occurrences/{id}/draft': CLIENT,
  'POST /api/occurrences/{id}/responses': CLIENT,
  'GET /api/responses': EVERYONE,
  'GET /api/responses/{id}': EVERYONE,
  'POST /api/responses/{id}/confirm': CLIENT,
  'POST /api/responses/{id}/feedback': THERAPIST,
  'POST /api/responses/{id}/review': THERAPIST,
  'POST /api/responses/{id}/release': THERAPIST,
  // Everyone's own notifications and reminder preferences (nobody reaches anyone else's).
  'GET /api/notifications': EVERYONE,
  'GET /api/notifications/unread-count': EVERYONE,
  'POST /api/notifications/read-all': EVERYONE,
  'POST /api/notifications/{id}/read': EVERYONE,
  'GET /api/account/preferences': EVERYONE,
  'PUT /api/account/preferences': EVERYONE,
  // Messages are between a couple and their therapists; clinic admins are not in the threads.
  'GET /api/message-threads': IN_THREADS,
  'POST /api/message-threads': IN_THREADS,
  'GET /api/message-threads/{id}': IN_THREADS,
  'GET /api/message-threads/{id}/messages': IN_THREADS,
  'POST /api/message-threads/{id}/messages': IN_THREADS,
  'POST /api/message-threads/{id}/read': IN_THREADS,
  'POST /api/messages/{id}/hide': THERAPIST,
};

const LOGOUT = 'POST /api/auth/logout';

/** Reachable without signing in: health, docs, and the steps of signing in itself. */
const PUBLIC = new Set([
  'GET /api/health',
  'POST /api/auth/login',
  'POST /api/auth/refresh',
  'POST /api/auth/mfa/enrol',
  'POST /api/auth/mfa/verify',
  'POST /api/auth/invitations/inspect',
  'POST /api/auth/invitations/accept',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/complete',
  'POST /api/clinics',
]);

/** Bodies the schema's examples cannot build (values that must name real records). */
function bodyFor(key: string, spec: OpenApiDocument, operation: Operation): unknown {
  switch (key) {
    default:
      return sampleBody(spec, operation.operation);
  }
}

interface ClinicSide {
  clinicId: string;
  tokens: Record<UserRole, string>;
  /** resource name in the path → an id of that resource in this clinic */
  ids: Record<string, string>;
  /** people whose records a test may change for good (deactivation) */
  expendableUserId: string;
}

/** One record of each clinical kind, in the couple's clinic, written by partner A. */
async function clinicalRecords(
  owner: DataSource,
  couple: TestCouple,
  library: InstalledLibrary,
): Promise<Record<string, string>> {
  const exercise = library.exercises.get('daily-check-in');
  const insert = async (sql: string, parameters: unknown[]) => {
    const [row] = await asClinic<Array<{ id: string }>>(owner, couple.clinicId, sql, [
      couple.clinicId,
      ...parameters,
    ]);
    return row?.id ?? '';
  };
  const assignment = await insert(
    `INSERT INTO assignments (clinic_id, couple_id, exercise_version_id, completion_mode, schedule, reminder_policy)
     VALUES ($1, $2, $3, 'each', $4, $5) RETURNING id`,
    [
      couple.id,
      exercise?.versionId,
      JSON.stringify({
        timeZone: couple.timeZone,
        startDate: '2026-11-01',
        dueTime: '20:00',
        recurrence: { kind: 'daily' },
      }),
      JSON.stringify({ dueSoon: { kind: 'none' }, overdueAfterMinutes: null }),
    ],
  );
  const occurrence = await insert(
    `INSERT INTO occurrences (clinic_id, assignment_id, couple_id, local_date, due_at)
     VALUES ($1, $2, $3, '2026-11-30', now() + interval '1 day') RETURNING id`,
    [assignment, couple.id],
  );
  const thread = await insert(
    `INSERT INTO message_threads (clinic_id, couple_id, kind, last_seq, created_by_user_id)
     VALUES ($1, $2, 'couple', 1, $3) RETURNING id`,
    [couple.id, couple.partnerA.id],
  );
  return {
    'message-threads': thread,
    messages: await insert(
      `INSERT INTO messages (clinic_id, thread_id, seq, author_user_id, body)
       VALUES ($1, $2, 1, $3, 'See you Thursday') RETURNING id`,
      [thread, couple.partnerA.id],
    ),
    exercises: exercise?.exerciseId ?? '',
    programs: library.programs.get('trust-repair-8-weeks') ?? '',
    assignments: assignment,
    occurrences: occurrence,
    responses: await insert(
      `INSERT INTO responses (clinic_id, occurrence_id, couple_id, author_user_id, status, submitted_at)
       VALUES ($1, $2, $3, $4, 'submitted', now()) RETURNING id`,
      [occurrence, couple.id, couple.partnerA.id],
    ),
    promises: await insert(
      `INSERT INTO promises (clinic_id, couple_id, promiser_user_id, description, due_date)
       VALUES ($1, $2, $3, 'Phone before leaving work late', current_date + 7) RETURNING id`,
      [couple.id, couple.partnerA.id],
    ),
    'safety-checks': await insert(
      `INSERT INTO safety_flags (clinic_id, couple_id, raised_by_user_id) VALUES ($1, $2, $3)
       RETURNING id`,
      [couple.id, couple.partnerA.id],
    ),
  };
}

async function newAlert(owner: DataSource, clinicId: string, coupleId: string): Promise<string> {
  const [row] = await asClinic<Array<{ id: string }>>(
    owner,
    clinicId,
    `INSERT INTO alerts (clinic_id, couple_id, kind, dedupe_key)
     VALUES ($1, $2, 'asymmetry', $3) RETURNING id`,
    [clinicId, coupleId, `asymmetry:${coupleId}`],
  );
  return row?.id ?? '';
}

async function newNotification(owner: DataSource, clinicId: string, userId: string) {
  const [row] = await asClinic<Array<{ id: string }>>(
    owner,
    clinicId,
    `INSERT INTO notifications (clinic_id, user_id, kind) VALUES ($1, $2, 'digest') RETURNING id`,
    [clinicId, userId],
  );
  return row?.id ?? '';
}

/** Tenant tables' content for one clinic, to prove a request changed nothing there. */
async function snapshot(owner: DataSource, clinicId: string): Promise<Record<string, string>> {
  const tables: Array<{ table_name: string }> = await owner.query(
    `SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'clinic_id' ORDER BY table_name`,
  );
  const result: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const [row] = await asClinic<Array<{ digest: string | null }>>(
      owner,
      clinicId,
      `SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t
        WHERE clinic_id = $1`,
      [clinicId],
    );
    result[table] = row?.digest ?? 'empty';
  }
  return result;
}

describe('access matrices generated from the OpenAPI spec (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let spec: OpenApiDocument;
  let operations: Operation[];
  let home: ClinicSide;
  let other: ClinicSide;

  async function side(): Promise<ClinicSide> {
    const clinic = await newClinic(owner);
    const admin = await newUser(owner, clinic.id, 'clinic_admin');
    const therapist = await newUser(owner, clinic.id, 'therapist');
    const expendable = await newUser(owner, clinic.id, 'therapist');
    const couple = await newCouple(owner, clinic.id, { therapistIds: [therapist.id] });
    const library = await withLibrary(owner, clinic.id);
    const records = await clinicalRecords(owner, couple, library);
    const sign = (user: TestUser) => api.signIn(user);
    const tokens = {
      clinic_admin: await sign(admin),
      therapist: await sign(therapist),
      client: await sign(couple.partnerB),
    };
    const [audit] = await asClinic<Array<{ id: string }>>(
      owner,
      clinic.id,
      'SELECT id FROM audit_events WHERE clinic_id = $1 LIMIT 1',
      [clinic.id],
    );
    return {
      clinicId: clinic.id,
      tokens,
      ids: {
        users: couple.partnerA.id,
        'audit-events': audit?.id ?? '',
        couples: couple.id,
        partners: couple.partnerA.id,
        alerts: await newAlert(owner, clinic.id, couple.id),
        ...records,
        notifications: await newNotification(owner, clinic.id, couple.partnerB.id),
      },
      expendableUserId: expendable.id,
    };
  }

  function urlFor(operation: Operation, ids: ClinicSide['ids'], expendableUserId: string): string {
    let url = operation.path.replace(/^\/api/, '');
    for (const parameter of pathParameters(operation.path)) {
      const resource = resourceOf(operation.path, parameter);
      const id =
        parameter === 'version'
          ? '1'
          : operation.key === 'POST /api/users/{id}/deactivate'
            ? expendableUserId
            : ids[resource];
      if (!id) throw new Error(`no fixture for {${parameter}} of ${resource} in ${operation.key}`);
      url = url.replace(`{${parameter}}`, id);
    }
    return url;
  }

  beforeAll(async () => {
    owner = await ownerDataSource();
    api = await startTestApi();
    spec = (await (await fetch(`${api.base}/docs-json`)).json()) as OpenApiDocument;
    // Signing out ends the session the later requests need, so it goes last.
    operations = operationsOf(spec).sort(
      (a, b) => Number(a.key === LOGOUT) - Number(b.key === LOGOUT),
    );
    home = await side();
    other = await side();
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it('classifies every operation in the spec, and nothing that is not there', () => {
    const keys = operations.map((operation) => operation.key).sort();
    const classified = [...Object.keys(ALLOWED), ...PUBLIC].sort();
    expect(keys).toEqual(classified);
  });

  it('refuses every non-public operation without a session (401)', async () => {
    const failures: string[] = [];
    for (const operation of operations.filter((o) => !PUBLIC.has(o.key))) {
      const response = await api.request(
        operation.method,
        urlFor(operation, home.ids, home.expendableUserId),
        { body: bodyFor(operation.key, spec, operation) },
      );
      if (response.status !== 401) failures.push(`${operation.key}: ${response.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('gives each role exactly what SECURITY.md allows: 403 for the rest, never a 5xx', async () => {
    const failures: string[] = [];
    for (const operation of operations.filter((o) => !PUBLIC.has(o.key))) {
      for (const role of ['client', 'therapist', 'clinic_admin'] as const) {
        const response = await api.request(
          operation.method,
          urlFor(operation, home.ids, home.expendableUserId),
          { token: home.tokens[role], body: bodyFor(operation.key, spec, operation) },
        );
        const allowed = ALLOWED[operation.key]?.includes(role) ?? false;
        const ok = allowed
          ? response.status !== 403 && response.status < 500
          : response.status === 403;
        if (!ok) failures.push(`${operation.key} as ${role}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("answers 404 to another clinic's ids and changes nothing there", async () => {
    const before = await snapshot(owner, home.clinicId);
    const failures: string[] = [];
    const withIds = operations.filter(
      (o) => !PUBLIC.has(o.key) && pathParameters(o.path).length > 0,
    );
    expect(withIds.length).toBeGreaterThan(0);
    for (const operation of withIds) {
      for (const role of ['client', 'therapist', 'clinic_admin'] as const) {
        const response = await api.request(
          operation.method,
          urlFor(operation, home.ids, home.expendableUserId),
          { token: other.tokens[role], body: bodyFor(operation.key, spec, operation) },
        );
        const allowed = ALLOWED[operation.key]?.includes(role) ?? false;
        // A role refused outright may hear 403; anyone else must not learn the record exists.
        const expected = allowed ? [404] : [403, 404];
        if (!expected.includes(response.status)) {
          failures.push(`${operation.key} as ${role} of another clinic: ${response.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot(owner, home.clinicId)).toEqual(before);
  });
});
