import { newClinic, newUser, ownerDataSource } from '@mend/server-testing';
import type { DataSource } from 'typeorm';
import { startTestApi, type TestApi } from './testing/test-api';

/** Issue 15, item 7: the API's response headers, on answers of every kind. */
describe('API security headers (real PostgreSQL)', () => {
  let api: TestApi;
  let owner: DataSource;
  let token: string;

  beforeAll(async () => {
    owner = await ownerDataSource();
    api = await startTestApi();
    const clinic = await newClinic(owner);
    token = await api.signIn(await newUser(owner, clinic.id, 'clinic_admin'));
  });

  afterAll(async () => {
    await api.close();
    await owner.destroy();
  });

  const headersOf = async (method: string, path: string, withToken: boolean, body?: unknown) => {
    const response = await api.request(method, path, {
      ...(withToken ? { token } : {}),
      ...(body === undefined ? {} : { body }),
    });
    await response.arrayBuffer();
    return { status: response.status, headers: response.headers };
  };

  it.each([
    ['GET', '/health', false, undefined, 200],
    ['GET', '/auth/me', true, undefined, 200],
    ['GET', '/users', true, undefined, 200],
    ['GET', '/users', false, undefined, 401],
    ['PUT', '/clinic', true, { name: null }, 400],
    ['GET', '/couples/00000000-0000-4000-8000-000000000000', true, undefined, 404],
    ['GET', '/docs-json', false, undefined, 200],
  ])(
    '%s %s (signed in: %s) answers with every protective header',
    async (method, path, withToken, body, status) => {
      const answer = await headersOf(method, path, withToken, body);
      expect(answer.status).toBe(status);
      const { headers } = answer;
      expect(headers.get('x-powered-by')).toBeNull();
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('cache-control')).toBe('no-store');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('content-security-policy')).toBe(
        "default-src 'none';frame-ancestors 'none'",
      );
      expect(headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it('lets the OpenAPI page run its own scripts, and still refuses to be framed', async () => {
    const response = await fetch(`${api.base}/docs`);
    expect(response.status).toBe(200);
    await response.text();
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
