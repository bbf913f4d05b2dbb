// `npm run loadgen -- --couples 100000 --database mend_load --seed 42`: creates (or empties) the
// named database, migrates it and fills it with a deterministic service's worth of data
// (tools/loadgen/generate.ts). It never touches the development or demo database unless told to
// with --force, because it drops the database it fills.
import { parseArgs } from 'node:util';
import { ensureDatabase } from '../dev/lib/database.mjs';
import { loadDotEnv, root, stageEnv } from '../dev/lib/env.mjs';
import { runDbCli } from '../dev/lib/prepare.mjs';
import { fail, log, run } from '../dev/lib/run.mjs';

const { values } = parseArgs({
  options: {
    database: { type: 'string' },
    couples: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '42' },
    weeks: { type: 'string', default: '8' },
    'big-clinic': { type: 'string', default: '5000' },
    'clinic-size': { type: 'string', default: '50' },
    caseload: { type: 'string', default: '25' },
    'heavy-caseload': { type: 'string', default: '2500' },
    now: { type: 'string' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

const usage = `usage: npm run loadgen -- --database <name> [--couples 1000] [--seed 42] [--weeks 8]
         [--big-clinic 5000] [--clinic-size 50] [--caseload 25] [--heavy-caseload 2500]
         [--now 2026-12-01T12:00:00Z] [--force]
Drops and recreates <name>, migrates it and fills it. Clinic 0 has --big-clinic couples (its
first therapist carries --heavy-caseload of them), every other clinic --clinic-size; therapists
carry --caseload couples each. Every user signs in with the password MendLoad!2026, e.g.
therapist0@c0.load.test (the heavy caseload), admin@c0.load.test, couple0.a@c0.load.test.`;

if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (!values.database || !/^[a-z_][a-z0-9_]{0,62}$/.test(values.database)) {
  fail(`name the database to fill with --database (lower-case letters, digits, _).\n${usage}`);
}
const numbers = {};
for (const name of [
  'couples',
  'weeks',
  'big-clinic',
  'clinic-size',
  'caseload',
  'heavy-caseload',
]) {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 1) fail(`--${name} must be a whole number above 0`);
  numbers[name] = value;
}
const now = values.now ? new Date(values.now) : new Date();
if (Number.isNaN(now.getTime())) fail('--now must be an ISO date and time');

loadDotEnv();
const development = stageEnv('development');
// The configured development database and the default one, whatever .env says today.
const protectedNames = new Set([new URL(development.DATABASE_URL).pathname.slice(1), 'mend']);
if (protectedNames.has(values.database) && !values.force) {
  fail(
    `${values.database} is the development (demo) database; loadgen drops what it fills. Pass --force to fill it anyway.`,
  );
}

const withDatabase = (url) => {
  const parsed = new URL(url);
  parsed.pathname = `/${values.database}`;
  return parsed.toString();
};
const env = {
  ...development,
  DATABASE_URL: withDatabase(development.DATABASE_URL),
  DATABASE_OWNER_URL: withDatabase(development.DATABASE_OWNER_URL),
};
const started = Date.now();
await ensureDatabase(env, { fresh: true });
await runDbCli(env, 'migrate');
await run(
  process.execPath,
  ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'tools/loadgen/run.ts'],
  {
    cwd: root,
    env: {
      ...env,
      SWC_NODE_PROJECT: 'tools/tsconfig.swc-node.json',
      TS_NODE_PROJECT: 'tsconfig.base.json',
      LOADGEN: JSON.stringify({
        adminUrl: withDatabase(env.DATABASE_ADMIN_URL),
        couples: numbers.couples,
        seed: values.seed,
        weeks: numbers.weeks,
        bigClinic: numbers['big-clinic'],
        clinicSize: numbers['clinic-size'],
        caseload: numbers.caseload,
        heavyCaseload: numbers['heavy-caseload'],
        now: now.toISOString(),
      }),
    },
  },
);
log(`loadgen: ${values.database} filled in ${((Date.now() - started) / 1000).toFixed(0)} s`);
