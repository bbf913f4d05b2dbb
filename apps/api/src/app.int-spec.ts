import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_CONFIG } from '@mend/server-config';
import { testConfig } from '@mend/server-testing';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

describe('API surface (real PostgreSQL and Redis)', () => {
  let app: INestApplication;
  let base: string;
  const config = testConfig();

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
      .overrideProvider(APP_CONFIG)
      .useValue(config)
      .compile();
    app = moduleRef.createNestApplication();
    configureApp(app, config);
    await app.listen(0, '127.0.0.1');
    base = `${await app.getUrl()}/api`;
  });

  afterAll(async () => {
    await app.close();
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
      headers: { Origin: config.WEB_ORIGIN },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe(config.WEB_ORIGIN);
    expect(response.headers.get('access-control-expose-headers')).toContain('Content-Range');
  });
});
