// Makes sure PostgreSQL and Redis answer on 127.0.0.1: use running ones, else start installed
// ones, else install them from Debian's packages (as root), else say what to install.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { aptInstall, commandExists, fail, log, portOpen, run, waitForPort } from './run.mjs';

function port(url, fallback) {
  return Number(new URL(url).port || fallback);
}

function postgresVersions() {
  try {
    return readdirSync('/etc/postgresql');
  } catch {
    return [];
  }
}

export async function ensurePostgres(env) {
  const pgPort = port(env.DATABASE_ADMIN_URL, 5432);
  if (await portOpen(pgPort)) return;
  if (postgresVersions().length === 0) {
    log('PostgreSQL is not installed; installing it from Debian packages…');
    if (!(await aptInstall(['postgresql']))) {
      fail(
        'PostgreSQL is not running on 127.0.0.1 and cannot be installed here. Install PostgreSQL 15+ (e.g. `apt-get install postgresql`) or start one, then run this again.',
      );
    }
  }
  for (const version of postgresVersions()) {
    log(`starting PostgreSQL ${version}…`);
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']).catch(
      (error) => log(`pg_ctlcluster: ${error.message}`),
    );
  }
  await waitForPort(pgPort, 'PostgreSQL');
}

export async function ensureRedis(env) {
  const redisPort = port(env.REDIS_URL, 6379);
  if (await portOpen(redisPort)) return;
  if (!commandExists('redis-server')) {
    log('Redis is not installed; installing it from Debian packages…');
    if (!(await aptInstall(['redis-server']))) {
      fail(
        'Redis is not running on 127.0.0.1 and cannot be installed here. Install Redis 7 (e.g. `apt-get install redis-server`) or start one, then run this again.',
      );
    }
  }
  const dir = '/var/lib/redis';
  mkdirSync(dir, { recursive: true });
  log('starting Redis…');
  await run('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '--port',
    String(redisPort),
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--maxmemory-policy',
    'noeviction',
  ]);
  await waitForPort(redisPort, 'Redis');
}

/**
 * BullMQ must never lose a job: Redis has to keep every key (noeviction) and write them to disk
 * (AOF). A Redis started elsewhere is switched over at run time; the worker checks it again.
 */
export async function makeRedisDurable(env) {
  const { default: Redis } = await import('ioredis');
  const redis = new Redis(env.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.config('SET', 'maxmemory-policy', 'noeviction');
    await redis.config('SET', 'appendonly', 'yes');
    await redis.config('SET', 'appendfsync', 'everysec');
  } catch (error) {
    fail(
      `Redis at ${env.REDIS_URL} refused the durability settings (${error.message}). Set maxmemory-policy noeviction and appendonly yes in its configuration.`,
    );
  } finally {
    redis.disconnect();
  }
}

/**
 * The fonts report PDFs are set in (DejaVu covers Spanish and more). Idempotent: apt is asked
 * only when the font file is missing.
 */
export async function ensureReportFonts() {
  if (existsSync('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')) return;
  log("installing Debian's DejaVu fonts for report PDFs…");
  if (!(await aptInstall(['fonts-dejavu-core']))) {
    fail(
      'Report PDFs need the DejaVu fonts. Install them (e.g. `apt-get install fonts-dejavu-core`), then run this again.',
    );
  }
}
