import { startTestApi, type TestApi } from './testing/test-api';

/**
 * Rate limits count per client. Behind a proxy every request comes from the proxy's address, so
 * the proxy must be trusted (TRUST_PROXY) for X-Forwarded-For to name the client; from anyone
 * else the header is ignored, so a client cannot pick a fresh address per request.
 */
describe('rate limits per real client behind a trusted proxy (real HTTP)', () => {
  const limit = 3;
  const from = (api: TestApi, client: string) =>
    api.request('GET', '/auth/me', { headers: { 'x-forwarded-for': client } });

  async function exhaust(api: TestApi, client: string): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < limit; i += 1) statuses.push((await from(api, client)).status);
    return statuses;
  }

  it('keys on the forwarded client when the proxy (here loopback) is trusted', async () => {
    const api = await startTestApi({
      TRUST_PROXY: 'loopback',
      API_RATE_LIMIT_PER_MINUTE: String(limit),
    });
    try {
      expect(await exhaust(api, '203.0.113.7')).toEqual([401, 401, 401]);
      expect((await from(api, '203.0.113.7')).status).toBe(429);
      // Another client behind the same proxy has its own allowance.
      expect((await from(api, '198.51.100.23')).status).toBe(401);
    } finally {
      await api.close();
    }
  });

  it('ignores X-Forwarded-For from a peer that is not trusted', async () => {
    const api = await startTestApi({ API_RATE_LIMIT_PER_MINUTE: String(limit) });
    try {
      expect(await exhaust(api, '203.0.113.7')).toEqual([401, 401, 401]);
      expect((await from(api, '198.51.100.23')).status).toBe(429);
    } finally {
      await api.close();
    }
  });
});
