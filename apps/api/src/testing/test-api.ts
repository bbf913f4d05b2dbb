import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { APP_CONFIG, type AppConfig } from '@mend/server-config';
import { testConfig, type TestUser } from '@mend/server-testing';
import { AppModule } from '../app.module';
import { configureApp } from '../configure-app';

export interface TestApi {
  app: INestApplication;
  config: AppConfig;
  /** `http://127.0.0.1:<port>/api` */
  base: string;
  request(method: string, path: string, options?: RequestOptions): Promise<Response>;
  /** Signs in with the factory password and answers the access token. */
  signIn(user: Pick<TestUser, 'email' | 'password'>): Promise<string>;
  close(): Promise<void>;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The whole API on a free port, exactly as main.ts configures it, with the test database and a
 * queue prefix of its own. Integration tests talk to it over real HTTP.
 */
export async function startTestApi(overrides: Record<string, string> = {}): Promise<TestApi> {
  const config = testConfig({ AUTH_RATE_LIMIT_PER_MINUTE: '10000', ...overrides });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(APP_CONFIG)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication();
  configureApp(app, config);
  await app.listen(0, '127.0.0.1');
  const base = `${await app.getUrl()}/api`;

  const request = (method: string, path: string, options: RequestOptions = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });

  const signIn = async (user: Pick<TestUser, 'email' | 'password'>) => {
    const response = await request('POST', '/auth/login', {
      body: { email: user.email, password: user.password },
    });
    const body = (await response.json()) as { accessToken?: string };
    if (response.status !== 200 || !body.accessToken) {
      throw new Error(
        `sign-in of ${user.email} failed: ${response.status} ${JSON.stringify(body)}`,
      );
    }
    return body.accessToken;
  };

  return { app, config, base, request, signIn, close: () => app.close() };
}
