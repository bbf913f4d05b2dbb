import { startTestApi, type TestApi } from './testing/test-api';

describe('API surface (real PostgreSQL and Redis)', () => {
  let api: TestApi;
  let base: string;

  beforeAll(async () => {
    api = await startTestApi();
    base = api.base;
  });

  afterAll(async () => {
    await api.close();
  });

  it('reports PostgreSQL and Redis up on /api/health', async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('ok');
    expect(body.checks).toEqual({ postgres: 'up', redis: 'up' });
  });

  it('tags every response with a request id, reusing a well-formed one from the caller', async () => {
    const fresh = await fetch(`${base}/health`);
    expect(fresh.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await fetch(`${base}/health`, {
      headers: { 'X-Request-Id': 'support-case-1234' },
    });
    expect(given.headers.get('x-request-id')).toBe('support-case-1234');
    const hostile = await fetch(`${base}/health`, { headers: { 'X-Request-Id': 'a b\tc' } });
    expect(hostile.headers.get('x-request-id')).not.toBe('a b\tc');
  });

  it('serves the OpenAPI spec and its UI', async () => {
    const spec = (await (await fetch(`${base}/docs-json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(spec.paths)).toContain('/api/health');
    const ui = await fetch(`${base}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('lets the web origin read the paging header', async () => {
    const response = await fetch(`${base}/health`, {
      headers: { Origin: api.config.WEB_ORIGIN },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(api.config.WEB_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toContain('Content-Range');
  });
});
