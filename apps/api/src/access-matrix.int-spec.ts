import simpleRestProvider from 'ra-data-simple-rest';
import type { DataSource } from 'typeorm';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  newMeasureRound,
  ownerDataSource,
  setMeasureSettings,
  withLibrary,
  withMeasures,
  type TestUser,
} from '@mend/server-testing';
import type { UserRole } from '@mend/shared-contracts';
import {
  clinicalRecords,
  newAlert,
  newNotification,
  newReport,
  snapshot,
} from './testing/clinic-fixtures';
import {
  isCollection,
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
  // Outcome measures: admins hold the licences, staff give measures, partners answer their own.
  'GET /api/measure-definitions': STAFF,
  'GET /api/measure-definitions/{id}': STAFF,
  'POST /api/measure-definitions': ADMIN,
  'POST /api/measure-definitions/{id}/attest': ADMIN,
  'GET /api/measure-settings': EVERYONE,
  'PUT /api/measure-settings': ADMIN,
  'GET /api/measure-schedules': STAFF,
  'GET /api/measure-schedules/{id}': STAFF,
  'POST /api/measure-schedules': STAFF,
  'POST /api/measure-schedules/{id}/end': STAFF,
  'GET /api/measure-administrations': EVERYONE,
  'GET /api/measure-administrations/{id}': EVERYONE,
  'POST /api/measure-administrations/{id}/answers': CLIENT,
  // A partner reads their own graph when the clinic allows it (it does in these clinics).
  'GET /api/couples/{id}/measures': EVERYONE,
  // Reports: admins ask for the clinic's; whoever may read a report gets it (else 404).
  'POST /api/reports/monthly': ADMIN,
  'POST /api/couples/{id}/session-prep': THERAPIST,
  'POST /api/couples/{id}/export': ['therapist', 'client'],
  'GET /api/reports': EVERYONE,
  'GET /api/reports/{id}': EVERYONE,
  'GET /api/reports/{id}/files/{format}': EVERYONE,
  'GET /api/clinic-dashboard': ADMIN,
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
  'POST /api/auth/verify-email',
  'POST /api/clinics',
]);

/**
 * Collections that keep an order of their own instead of react-admin's default sort by id: the
 * caseload is a ranking (who needs attention first), not a table.
 */
const OWN_ORDER: Record<string, string> = {
  'GET /api/caseload': 'ranked by need of attention',
};

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
    const measures = await withMeasures(owner, clinic.id);
    const trustId = measures.get('mend-trust') ?? '';
    const round = await newMeasureRound(owner, couple, trustId, couple.partnerB.id);
    await setMeasureSettings(owner, clinic.id, { partnersSeeOwnGraph: true });
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
        'measure-definitions': trustId,
        'measure-schedules': round.scheduleId,
        'measure-administrations': round.administrationId,
        reports: await newReport(owner, clinic.id),
      },
      expendableUserId: expendable.id,
    };
  }

  /**
   * react-admin's stock data provider, as the web app uses it; only its HTTP client is ours, to
   * send the session's token.
   */
  function providerFor(token: string): ReturnType<typeof simpleRestProvider> {
    return simpleRestProvider(api.base, async (url: string, options: RequestInit = {}) => {
      const headers = new Headers(options.headers);
      headers.set('authorization', `Bearer ${token}`);
      const response = await fetch(url, { ...options, headers });
      const body = await response.text();
      if (response.status >= 400) throw new Error(`${response.status} ${body}`);
      return { status: response.status, headers: response.headers, body, json: JSON.parse(body) };
    });
  }

  function urlFor(operation: Operation, ids: ClinicSide['ids'], expendableUserId: string): string {
    let url = operation.path.replace(/^\/api/, '');
    for (const parameter of pathParameters(operation.path)) {
      const resource = resourceOf(operation.path, parameter);
      const id =
        parameter === 'version'
          ? '1'
          : parameter === 'format'
            ? 'csv'
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

  // Before the role walk below, which signs the home clinic's sessions out as its last step.
  it('lists every collection with the stock ra-data-simple-rest provider: pages 1 and 2, by id both ways', async () => {
    const collections = operations.filter(isCollection);
    // Every list of the API, found from the spec: a new one is checked without being named here.
    expect(collections.length).toBeGreaterThanOrEqual(12);
    const failures: string[] = [];
    let withTwoPages = 0;
    for (const operation of collections.filter((o) => OWN_ORDER[o.key] === undefined)) {
      const resource = operation.path.replace(/^\/api\//, '');
      for (const role of ALLOWED[operation.key] ?? []) {
        const provider = providerFor(home.tokens[role]);
        const page = (page: number, order: 'ASC' | 'DESC') =>
          provider.getList(resource, {
            pagination: { page, perPage: 1 },
            sort: { field: 'id', order },
            filter: {},
          });
        try {
          const [ascending1, ascending2, descending1, descending2] = await Promise.all([
            page(1, 'ASC'),
            page(2, 'ASC'),
            page(1, 'DESC'),
            page(2, 'DESC'),
          ]);
          const total = ascending1.total ?? -1;
          const ids = [ascending1, ascending2, descending1, descending2].map((result) =>
            result.data.map((row) => String(row.id)),
          );
          const [a1, a2, d1, d2] = ids.map((list) => list[0]);
          const expected = [Math.min(total, 1), Math.min(Math.max(total - 1, 0), 1)];
          const shape = ids.map((list) => list.length);
          const ordered =
            total < 2 ||
            (a1 !== undefined &&
              a2 !== undefined &&
              d1 !== undefined &&
              d2 !== undefined &&
              a1 < a2 &&
              d2 < d1 &&
              a1 < d1);
          if (total < 0 || shape.join() !== [...expected, ...expected].join() || !ordered) {
            failures.push(`${operation.key} as ${role}: total ${total}, pages ${ids.join(' | ')}`);
          }
          if (total >= 2) withTwoPages += 1;
        } catch (error) {
          failures.push(`${operation.key} as ${role}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // The paging checks mean something only where there is a second page.
    expect(withTwoPages).toBeGreaterThanOrEqual(5);
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
