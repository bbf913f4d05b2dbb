import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startScratchRedis, type ScratchRedis } from '@mend/server-testing';

const bundle = join(__dirname, '../../../dist/apps/worker/main.js');

/** Runs the built worker until it exits (or 20 s pass) and returns its exit code and stderr. */
function runWorker(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bundle], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('worker process start-up (built bundle, real Redis)', () => {
  let volatileRedis: ScratchRedis;

  beforeAll(async () => {
    if (!existsSync(bundle)) throw new Error(`build the worker first: ${bundle} is missing`);
    volatileRedis = await startScratchRedis([
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'volatile-lru',
    ]);
  });

  afterAll(async () => {
    await volatileRedis.stop();
  });

  it('stops with a message naming the bad variable', async () => {
    const { code, stderr } = await runWorker({ REDIS_URL: 'http://not-redis' });
    expect(code).toBe(1);
    expect(stderr).toContain('REDIS_URL: must be a redis:// connection URL');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('stops with a clear message on a Redis that could lose jobs', async () => {
    const { code, stderr } = await runWorker({ REDIS_URL: volatileRedis.url });
    expect(code).toBe(1);
    expect(stderr).toContain('Redis may lose queued jobs');
    expect(stderr).toContain('maxmemory-policy is "volatile-lru"');
  });
});
