// Tests with the clock moved (Debian's faketime) to the days that break code which leans on
// today's date: the last days of a year, a daylight-saving change, 29 February.
//
//   node tools/ci/moved-clock.mjs
//       the unit specs at each of those days (cheap; `npm test` runs it)
//   node tools/ci/moved-clock.mjs --full '2026-12-28 10:00:00' [jest arguments, e.g. paths]
//       every unit and integration spec at that moment, against a PostgreSQL of its own whose
//       clock is moved too (the shared one keeps the real time, and sessions would disagree)
import { spawn } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { root } from '../dev/lib/env.mjs';
import {
  aptInstall,
  commandExists,
  fail,
  isRoot,
  log,
  portOpen,
  run,
  runStatus,
  waitForPort,
} from '../dev/lib/run.mjs';

// Each moment is read on the machine's clock in the zone named beside it, so the process's own
// zone is on a DST change too.
const MOMENTS = [
  { at: '2026-12-31 23:30:00', zone: 'UTC' },
  { at: '2027-03-28 01:30:00', zone: 'Europe/Madrid' },
  { at: '2028-02-29 12:00:00', zone: 'America/New_York' },
];
const jest = `${root}node_modules/.bin/jest`;

async function ensureFaketime() {
  if (commandExists('faketime')) return;
  log("installing Debian's faketime…");
  if (!(await aptInstall(['faketime'])) || !commandExists('faketime')) {
    fail('faketime is not installed (apt-get install faketime).');
  }
}

async function unitSpecs() {
  let failed = 0;
  for (const { at, zone } of MOMENTS) {
    log(`── unit specs at ${at} (${zone})`);
    const code = await runStatus(
      'faketime',
      [at, jest, '-c', 'jest.config.cjs', '--testPathIgnorePatterns', '\\.int-spec\\.ts$'],
      { cwd: root, env: { ...process.env, TZ: zone } },
    );
    if (code !== 0) failed += 1;
  }
  return failed === 0;
}

/** A throwaway PostgreSQL cluster whose every backend runs on the moved clock. */
async function movedPostgres(at, port) {
  if (!isRoot) fail('--full starts a PostgreSQL as the postgres user, so it runs as root.');
  const versions = readdirSync('/usr/lib/postgresql').sort();
  const bin = `/usr/lib/postgresql/${versions.at(-1)}/bin`;
  const dir = mkdtempSync(path.join(tmpdir(), 'mend-moved-clock-pg-'));
  const { uid, gid } = statSync('/var/lib/postgresql');
  chownSync(dir, uid, gid);
  await run(
    'runuser',
    [
      '-u',
      'postgres',
      '--',
      `${bin}/initdb`,
      '-D',
      `${dir}/data`,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
    ],
    {
      cwd: '/',
    },
  );
  const server = spawn(
    'runuser',
    [
      '-u',
      'postgres',
      '--',
      'faketime',
      at,
      `${bin}/postgres`,
      '-D',
      `${dir}/data`,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
    ],
    { cwd: '/', stdio: 'ignore' },
  );
  await waitForPort(port, 'the moved-clock PostgreSQL');
  return async () => {
    // runuser does not pass signals on; pg_ctl stops the server itself.
    await run(
      'runuser',
      ['-u', 'postgres', '--', `${bin}/pg_ctl`, '-D', `${dir}/data`, 'stop', '-m', 'fast'],
      {
        cwd: '/',
      },
    );
    await new Promise((resolve) =>
      server.exitCode === null ? server.once('exit', resolve) : resolve(),
    );
    rmSync(dir, { recursive: true, force: true });
  };
}

async function fullSuite(at, jestArgs) {
  const port = Number(process.env.MEND_MOVED_CLOCK_PG_PORT ?? 5499);
  if (await portOpen(port)) fail(`port ${port} is in use (set MEND_MOVED_CLOCK_PG_PORT).`);
  const stop = await movedPostgres(at, port);
  try {
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      MEND_TEST_DATABASE_PORT: String(port),
      DATABASE_ADMIN_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
    };
    await run('faketime', [at, process.execPath, 'tools/dev/db.mjs', 'reset'], { cwd: root, env });
    log(`── unit and integration specs at ${at}`);
    const args = [at, jest, '-c', 'jest.config.cjs', ...jestArgs];
    return (await runStatus('faketime', args, { cwd: root, env })) === 0;
  } finally {
    await stop();
  }
}

await ensureFaketime();
const full = process.argv.indexOf('--full');
const ok =
  full === -1
    ? await unitSpecs()
    : await fullSuite(
        process.argv[full + 1] ?? fail('--full needs a moment'),
        process.argv.slice(full + 2),
      );
process.exit(ok ? 0 : 1);
