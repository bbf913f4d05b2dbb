import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import {
  asClinic,
  newClinic,
  newCouple,
  newUser,
  ownerDataSource,
  withLibrary,
} from '@mend/server-testing';
import { clinicalRecords, newAlert, newNotification, snapshot } from './testing/clinic-fixtures';
import {
  operationsOf,
  pathParameters,
  resolve,
  resourceOf,
  sampleBody,
  type OpenApiDocument,
  type OpenApiSchema,
  type Operation,
} from './testing/openapi';
import { startTestApi, type TestApi } from './testing/test-api';

/**
 * Hostile input against every operation of the OpenAPI document, as every kind of caller
 * (issue 15). Nothing here lists operations: a new endpoint is fuzzed the day it is added.
 * For each request: never a 5xx; a 400/413 names at least one field; and a refusal (any 4xx)
 * changes nothing in either clinic. Deterministic: a fixed seed per operation, bounded runs.
 */

const SEED = 15;
/** Random requests per operation for a caller the guard lets through, after the systematic ones. */
const RUNS_INSIDE = 4;
/** Callers refused before the body is read (anonymous, other clinic, a role not allowed). */
const RUNS_OUTSIDE = 1;

type Role = 'anonymous' | 'partner' | 'therapist' | 'clinic_admin' | 'other_clinic_admin';
const ROLES: readonly Role[] = [
  'anonymous',
  'partner',
  'therapist',
  'clinic_admin',
  'other_clinic_admin',
];

const RESERVED_KEYS = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'];

/** `[[[…]]]` deeper than any parser limit should allow. */
const deep = (levels: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i += 1) value = [value];
  return value;
};

/**
 * Stands for JSON nested 10,000 levels deep, written into the request text only: the test's
 * own JSON.stringify would overflow its stack on the real thing, as the API's transform did.
 */
const DEEP = '\u0001nested 10,000 deep\u0001';
const DEEP_TEXT = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const toJson = (body: unknown) => JSON.stringify(body).replaceAll(JSON.stringify(DEEP), DEEP_TEXT);

/** An object whose own keys are prototype names (a literal would set the prototype instead). */
const withKeys = (base: unknown, keys: readonly string[], value: unknown): unknown => {
  const target: Record<string, unknown> =
    base !== null && typeof base === 'object' && !Array.isArray(base)
      ? { ...(base as Record<string, unknown>) }
      : {};
  for (const key of keys) {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true });
  }
  return target;
};

/** Values that are wrong somewhere: nulls, NULs and control characters, huge numbers, … */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    'line\r\nbreak',
    '\u0007\u001b[2J\u007f',
    '\ud800',
    ' ',
    '',
    '0',
    'null',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.constantFrom(
    1e308,
    -1e308,
    2 ** 53 + 1,
    -1,
    0,
    1.5,
    99_999_999_999,
    2_147_483_648,
    -2_147_483_649,
  ),
  fc.constantFrom(true, false),
  fc.constant('x'.repeat(20_000)),
  fc.constant(Array.from({ length: 5_000 }, () => 'x')),
  fc.constant({}),
  fc.constant([]),
  fc.constant(deep(40)),
  fc.constant(DEEP),
  fc.constantFrom(...RESERVED_KEYS).map((key) => withKeys({}, [key], { polluted: true })),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

/** A value the schema would call well-typed is not hostile (a boolean for a boolean). */
function wrongFor(schema: OpenApiSchema | undefined, value: unknown): boolean {
  if (schema?.type === 'boolean') return typeof value !== 'boolean';
  return true;
}

type Mutation =
  | { kind: 'sample' }
  | { kind: 'field'; path: string[]; value: unknown }
  | { kind: 'reserved'; path: string[]; key: string }
  | { kind: 'body'; value: unknown }
  | { kind: 'query'; name: string; value: string }
  | { kind: 'param'; name: string; value: string };

/** `["form", "prompts"]`: every property path of a body schema, nested objects and arrays too. */
function propertyPaths(
  document: OpenApiDocument,
  raw: OpenApiSchema,
  prefix: string[] = [],
  depth = 0,
): Array<{ path: string[]; schema: OpenApiSchema }> {
  const schema = resolve(document, raw);
  if (depth > 3) return [];
  const parts = [...(schema.allOf ?? []), schema];
  return parts.flatMap((part) =>
    Object.entries(resolve(document, part).properties ?? {}).flatMap(([name, property]) => {
      const path = [...prefix, name];
      const resolved = resolve(document, property);
      const inner = resolved.type === 'array' && resolved.items ? resolved.items : resolved;
      const innerPath = resolved.type === 'array' ? [...path, '0'] : path;
      return [{ path, schema: resolved }, ...propertyPaths(document, inner, innerPath, depth + 1)];
    }),
  );
}

const QUERY_VALUES = [
  'null',
  '[',
  '[0,99999999999]',
  '[-1,5]',
  '[0,1e400]',
  '{"__proto__":{"x":1}}',
  '{"constructor":{}}',
  '{"toString":"x"}',
  '{"q":"\\u0000"}',
  '{"q":null}',
  '["id","DESC; DROP TABLE users"]',
  JSON.stringify(deep(40)),
  'x'.repeat(5_000),
];

const PARAM_VALUES = [
  'not-a-uuid',
  '99999999999999999999',
  '%00',
  'x'.repeat(300),
  '-1',
  '1e400',
  '00000000-0000-0000-0000-000000000000',
  '__proto__',
];

function mutations(document: OpenApiDocument, operation: Operation): fc.Arbitrary<Mutation> {
  const bodySchema = operation.operation.requestBody?.content?.['application/json']?.schema;
  const options: Array<fc.Arbitrary<Mutation>> = [];
  if (bodySchema) {
    const paths = propertyPaths(document, bodySchema);
    options.push(hostileValue.map((value) => ({ kind: 'body', value }) as const));
    options.push(
      fc
        .constantFrom(...[[], ...paths.map((entry) => entry.path)])
        .chain((path) =>
          fc
            .constantFrom(...RESERVED_KEYS)
            .map((key) => ({ kind: 'reserved', path, key }) as const),
        ),
    );
    if (paths.length > 0) {
      options.push(
        fc
          .constantFrom(...paths)
          .chain(({ path, schema }) =>
            hostileValue
              .filter((value) => wrongFor(schema, value))
              .map((value) => ({ kind: 'field', path, value }) as const),
          ),
      );
    }
  }
  const query = (operation.operation.parameters ?? []).filter((p) => p.in === 'query');
  if (query.length > 0) {
    options.push(
      fc
        .record({
          name: fc.constantFrom(...query.map((p) => p.name)),
          value: fc.oneof(fc.constantFrom(...QUERY_VALUES), fc.string({ unit: 'binary' })),
        })
        .map(({ name, value }) => ({ kind: 'query', name, value }) as const),
    );
  }
  const params = pathParameters(operation.path);
  if (params.length > 0) {
    options.push(
      fc
        .record({ name: fc.constantFrom(...params), value: fc.constantFrom(...PARAM_VALUES) })
        .map(({ name, value }) => ({ kind: 'param', name, value }) as const),
    );
  }
  if (options.length === 0 && operation.method === 'GET') {
    // No declared input: undeclared list parameters are what is left to send.
    options.push(
      fc
        .record({
          name: fc.constantFrom('range', 'filter', 'q'),
          value: fc.constantFrom(...QUERY_VALUES),
        })
        .map(({ name, value }) => ({ kind: 'query', name, value }) as const),
    );
  } else if (options.length === 0) {
    // No declared input: an unexpected body is what is left to send.
    options.push(hostileValue.map((value) => ({ kind: 'body', value }) as const));
  }
  return fc.oneof(...options);
}

/**
 * The classes the outside probe found, sent to every operation on purpose rather than left to
 * chance: a NUL and a null in each top-level field, a prototype key, nesting thousands deep, a
 * `null` list parameter, an id that is no id, a number past the integer range.
 */
function systematic(document: OpenApiDocument, operation: Operation): Mutation[] {
  const bodySchema = operation.operation.requestBody?.content?.['application/json']?.schema;
  const topLevel = bodySchema
    ? propertyPaths(document, bodySchema).filter((entry) => entry.path.length === 1)
    : [];
  const wholeBody: Mutation[] = [
    { kind: 'reserved', path: [], key: 'toString' },
    { kind: 'body', value: DEEP },
  ];
  return [
    ...topLevel.flatMap(({ path }): Mutation[] => [
      { kind: 'field', path, value: 'a\u0000b' },
      { kind: 'field', path, value: null },
    ]),
    ...(bodySchema ? wholeBody : []),
    ...(operation.operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'query')
      .flatMap(({ name }): Mutation[] => [
        { kind: 'query', name, value: 'null' },
        { kind: 'query', name, value: '{"q":"\\u0000"}' },
      ]),
    ...pathParameters(operation.path).flatMap((name): Mutation[] => [
      { kind: 'param', name, value: 'not-a-uuid' },
      { kind: 'param', name, value: '99999999999' },
    ]),
  ];
}

/** Sets `value` at `path` inside a copy of `body`, creating objects on the way. */
function setAt(body: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head = '', ...rest] = path;
  const container: Record<string, unknown> =
    body !== null && typeof body === 'object'
      ? Array.isArray(body)
        ? ([...body] as unknown as Record<string, unknown>)
        : { ...(body as Record<string, unknown>) }
      : {};
  container[head] = setAt(container[head], rest, value);
  return container;
}

function getAt(body: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (value, key) =>
      value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)[key]
        : undefined,
    body,
  );
}

function describeMutation(mutation: Mutation): string {
  const shown = (value: unknown) => {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 60 ? `${text.slice(0, 60)}…(${text.length})` : text;
  };
  switch (mutation.kind) {
    case 'sample':
      return 'the valid sample';
    case 'field':
      return `${mutation.path.join('.')}=${shown(mutation.value)}`;
    case 'reserved':
      return `key ${[...mutation.path, mutation.key].join('.')}`;
    case 'body':
      return `body=${shown(mutation.value)}`;
    case 'query':
      return `?${mutation.name}=${shown(mutation.value)}`;
    case 'param':
      return `{${mutation.name}}=${shown(mutation.value)}`;
  }
}

/** A short, stable number from a string: each operation gets its own seed from SEED. */
function hash(text: string): number {
  let value = SEED;
  for (const char of text) value = (Math.imul(value, 31) + char.charCodeAt(0)) | 0;
  return value;
}

interface Clinic {
  clinicId: string;
  tokens: Record<'partner' | 'therapist' | 'clinic_admin', string>;
  ids: Record<string, string>;
}

describe('OpenAPI-driven fuzzing: every operation, every role (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let document: OpenApiDocument;
  let operations: Operation[];
  let home: Clinic;
  let other: Clinic;

  async function clinic(): Promise<Clinic> {
    const created = await newClinic(owner);
    const admin = await newUser(owner, created.id, 'clinic_admin');
    const therapist = await newUser(owner, created.id, 'therapist');
    const couple = await newCouple(owner, created.id, { therapistIds: [therapist.id] });
    const library = await withLibrary(owner, created.id);
    const [audit] = await asClinic<Array<{ id: string }>>(
      owner,
      created.id,
      'SELECT id FROM audit_events WHERE clinic_id = $1 LIMIT 1',
      [created.id],
    );
    return {
      clinicId: created.id,
      tokens: {
        partner: await api.signIn(couple.partnerB),
        therapist: await api.signIn(therapist),
        clinic_admin: await api.signIn(admin),
      },
      ids: {
        users: couple.partnerA.id,
        'audit-events': audit?.id ?? '',
        couples: couple.id,
        alerts: await newAlert(owner, created.id, couple.id),
        notifications: await newNotification(owner, created.id, couple.partnerB.id),
        ...(await clinicalRecords(owner, couple, library)),
      },
    };
  }

  const tokenOf = (role: Role): string | undefined => {
    switch (role) {
      case 'anonymous':
        return undefined;
      case 'other_clinic_admin':
        return other.tokens.clinic_admin;
      case 'partner':
      case 'therapist':
      case 'clinic_admin':
        return home.tokens[role];
    }
  };

  /**
   * The request a mutation makes of an operation: the home clinic's real ids (a resource
   * without a fixture gets a well-formed unknown id), a valid sample body, then the mutation.
   */
  function request(operation: Operation, mutation: Mutation) {
    let url = operation.path.replace(/^\/api/, '');
    for (const name of pathParameters(operation.path)) {
      const value =
        mutation.kind === 'param' && mutation.name === name
          ? encodeURIComponent(mutation.value).replace('%2500', '%00')
          : name === 'version'
            ? '1'
            : (home.ids[resourceOf(operation.path, name)] ??
              '5f0c6a1e-7a43-4b8e-9d2c-0b6f1e2d3c4b');
      url = url.replace(`{${name}}`, value);
    }
    if (mutation.kind === 'query') {
      url += `?${mutation.name}=${encodeURIComponent(mutation.value)}`;
    }
    let body = sampleBody(document, operation.operation);
    if (mutation.kind === 'body') body = mutation.value;
    if (mutation.kind === 'field') body = setAt(body, mutation.path, mutation.value);
    if (mutation.kind === 'reserved') {
      body = setAt(
        body,
        mutation.path,
        withKeys(getAt(body, mutation.path), [mutation.key], { polluted: true }),
      );
    }
    return { url, body: body === undefined ? undefined : toJson(body) };
  }

  // Left out, as traces a refusal leaves by design and not changes to anyone's data: the audit
  // trail (reads are audited, and refusals may be), a session's last activity, and the failed
  // sign-in counter a wrong MFA code must raise (lockout, SECURITY.md).
  const SKIP = {
    skipTables: ['audit_events'],
    skipColumns: ['last_seen_at', 'failed_logins', 'locked_until'],
  };

  const digest = async () => {
    const [ours, theirs] = await Promise.all([
      snapshot(owner, home.clinicId, SKIP),
      snapshot(owner, other.clinicId, SKIP),
    ]);
    return { home: ours, other: theirs };
  };

  beforeAll(async () => {
    owner = await ownerDataSource();
    api = await startTestApi();
    document = (await (await fetch(`${api.base}/docs-json`)).json()) as OpenApiDocument;
    // Signing out ends the session later requests use, so those operations go last.
    operations = operationsOf(document).sort(
      (a, b) => Number(a.path.includes('logout')) - Number(b.path.includes('logout')),
    );
    home = await clinic();
    other = await clinic();
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  it('finds operations to fuzz in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThan(50);
    expect(operations.filter((o) => o.operation.requestBody).length).toBeGreaterThan(20);
  });

  it.each(ROLES)(
    'as %s: never a 5xx, a 400 names the field, a refusal writes nothing',
    async (role) => {
      const outside = role === 'anonymous' || role === 'other_clinic_admin';
      const failures: string[] = [];
      let requests = 0;
      let before = await digest();

      /** Sends one request, records what is wrong with the answer, and answers its status. */
      const send = async (operation: Operation, mutation: Mutation) => {
        const { url, body } = request(operation, mutation);
        const token = tokenOf(role);
        const response = await fetch(`${api.base}${url}`, {
          method: operation.method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body,
        });
        requests += 1;
        const text = await response.text();
        const where = `${operation.key} [${describeMutation(mutation)}]: ${response.status}`;
        // A read writes nothing but its audit row; only requests that may write are checked.
        const after = operation.method === 'GET' ? before : await digest();
        if (response.status >= 500) failures.push(`${where} ${text.slice(0, 200)}`);
        if (response.status >= 400 && response.status < 500) {
          const parsed = parseJson(text);
          if (typeof parsed?.message !== 'string') failures.push(`${where} no message: ${text}`);
          if (
            (response.status === 400 || response.status === 413) &&
            Object.keys(parsed?.fields ?? {}).length === 0
          ) {
            failures.push(`${where} names no field: ${text.slice(0, 200)}`);
          }
          const changed = [
            ...Object.keys(after.home).filter((t) => after.home[t] !== before.home[t]),
            ...Object.keys(after.other).filter((t) => after.other[t] !== before.other[t]),
          ];
          if (changed.length > 0) failures.push(`${where} yet wrote to ${changed.join(', ')}`);
        }
        before = after;
        return response.status;
      };

      for (const operation of operations) {
        // The plain, valid request first: a role the guard turns away (401/403) is not reading
        // bodies, so one random mutation is enough; anyone else gets the whole treatment.
        const status = await send(operation, { kind: 'sample' });
        const refused = outside || status === 401 || status === 403;
        const mutationsToSend = [
          ...(refused ? [] : systematic(document, operation)),
          ...fc.sample(mutations(document, operation), {
            seed: hash(`${operation.key} ${role}`),
            numRuns: refused ? RUNS_OUTSIDE : RUNS_INSIDE,
          }),
        ];
        for (const mutation of mutationsToSend) await send(operation, mutation);
      }
      expect(requests).toBeGreaterThan(operations.length);
      expect(failures).toEqual([]);
    },
    120_000,
  );
});

function parseJson(
  text: string,
): { message?: unknown; fields?: Record<string, unknown> } | undefined {
  try {
    return JSON.parse(text) as { message?: unknown; fields?: Record<string, unknown> };
  } catch {
    return undefined;
  }
}
