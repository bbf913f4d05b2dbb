// The preparation `npm start` and `npm test` share: dependencies, services, database, schema.
import { existsSync, statSync } from 'node:fs';
import { ensureDatabase } from './database.mjs';
import { root } from './env.mjs';
import { log, run } from './run.mjs';
import { ensurePostgres, ensureRedis, ensureReportFonts, makeRedisDurable } from './services.mjs';

export async function ensureDependencies() {
  const marker = `${root}node_modules/.package-lock.json`;
  const stale =
    !existsSync(marker) || statSync(`${root}package-lock.json`).mtimeMs > statSync(marker).mtimeMs;
  if (!stale) return;
  log('installing dependencies (npm install)…');
  // `npm ci` fails on this registry (other platforms' optional binaries); install honours the lock.
  await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: root });
}

/** Runs a schema command of tools/db/db-cli.ts with TypeScript compiled on the fly. */
export function runDbCli(env, command) {
  return run(
    process.execPath,
    ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'tools/db/db-cli.ts', command],
    {
      cwd: root,
      env: {
        ...env,
        SWC_NODE_PROJECT: 'tools/tsconfig.swc-node.json',
        TS_NODE_PROJECT: 'tsconfig.base.json',
      },
    },
  );
}

export async function prepare(env, { fresh = false, migrate = true, seed = false } = {}) {
  await ensureDependencies();
  await ensurePostgres(env);
  await ensureRedis(env);
  await makeRedisDurable(env);
  await ensureReportFonts();
  await ensureDatabase(env, { fresh });
  if (migrate) await runDbCli(env, 'migrate');
  if (seed) await runDbCli(env, 'seed');
}
