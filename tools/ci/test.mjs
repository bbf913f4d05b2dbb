// `npm test`: the same preparation as `npm start` against a fresh test database, then lint,
// typecheck, build, unit and integration tests (real PostgreSQL and Redis), and browser tests
// (Debian's Chromium). Ends with one line `N passed, N failed` and a non-zero exit on failure.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { root, stageEnv } from '../dev/lib/env.mjs';
import { prepare } from '../dev/lib/prepare.mjs';
import { aptInstall, log, portOpen, runStatus } from '../dev/lib/run.mjs';
import { startProcess, startStack, stopAll } from '../dev/lib/stack.mjs';

const started = Date.now();
// `npm test -- --browser` prepares, builds and runs only the browser tests (for UI work);
// `npm test -- --browser client-area` only the browser specs whose path matches.
const browserOnly = process.argv.includes('--browser');
const browserSpecs = browserOnly
  ? process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
  : [];
// Ports for the stack the browser tests use; override them to test two checkouts side by side.
const ports = {
  api: process.env.MEND_TEST_API_PORT ?? '3100',
  worker: process.env.MEND_TEST_WORKER_PORT ?? '3101',
  web: process.env.MEND_TEST_WEB_PORT ?? '4300',
  smtp: Number(process.env.MEND_TEST_SMTP_PORT ?? 1125),
  mailWeb: Number(process.env.MEND_TEST_MAIL_WEB_PORT ?? 1180),
};
const env = {
  ...stageEnv('test'),
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  API_PORT: ports.api,
  WORKER_HEALTH_PORT: ports.worker,
  WEB_ORIGIN: `http://localhost:${ports.web}`,
  WEB_PORT: ports.web,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
};
const bin = (name) => `${root}node_modules/.bin/${name}`;
const results = []; // { name, passed, failed }

async function step(name, command, args) {
  log(`── ${name}`);
  const code = await runStatus(command, args, { cwd: root, env });
  results.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
  return code === 0;
}

/** Runs jest and counts its tests (not its suites) from the JSON report. */
async function jestStep(name, config, extraArgs = []) {
  log(`── ${name}`);
  mkdirSync(`${root}tmp`, { recursive: true });
  const report = `${root}tmp/${name.replace(/\W+/g, '-')}.json`;
  const args = ['-c', config, '--json', `--outputFile=${report}`, ...extraArgs];
  const code = await runStatus(bin('jest'), args, {
    cwd: root,
    env,
  });
  if (!existsSync(report)) {
    results.push({ name, passed: 0, failed: 1 });
    return;
  }
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  const brokenSuites = summary.numRuntimeErrorTestSuites ?? 0;
  results.push({
    name,
    passed: summary.numPassedTests,
    failed:
      summary.numFailedTests +
      brokenSuites +
      (code !== 0 && summary.numFailedTests + brokenSuites === 0 ? 1 : 0),
  });
}

async function waitForPort(port, seconds = 20) {
  const deadline = Date.now() + seconds * 1000;
  while (!(await portOpen(port))) {
    if (Date.now() > deadline) throw new Error(`nothing listened on port ${port} in ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The PgBouncer integration test runs Debian's pgbouncer (transaction mode) in front of the DB. */
async function ensurePgBouncer() {
  if (existsSync('/usr/sbin/pgbouncer')) return;
  log("installing Debian's pgbouncer for the connection-pooling test…");
  await aptInstall(['pgbouncer']).catch(() => false);
}

async function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return true;
  log("installing Debian's chromium for the browser tests…");
  return aptInstall(['chromium', 'fonts-dejavu-core']).catch(() => false);
}

/** pdftotext and pdftoppm: the report tests read generated PDFs back and render a page. */
async function ensurePoppler() {
  if (existsSync('/usr/bin/pdftotext')) return;
  log("installing Debian's poppler-utils for the report tests…");
  await aptInstall(['poppler-utils']).catch(() => false);
}

await ensurePoppler();
// The demo seed gives the browser tests real accounts to sign in with.
await prepare(env, { fresh: true, migrate: true, seed: true });

if (!browserOnly) {
  await step('format', bin('prettier'), ['--check', '.', '--log-level', 'warn']);
  await step('lint', bin('nx'), ['run-many', '-t', 'lint', '--outputStyle=static']);
  await step('typecheck', bin('nx'), ['run-many', '-t', 'typecheck', '--outputStyle=static']);
}
const built = await step('build', bin('nx'), ['run-many', '-t', 'build', '--outputStyle=static']);
if (!browserOnly) {
  await ensurePgBouncer();
  await jestStep('unit and integration tests', 'jest.config.cjs');
  // The unit specs again on a year's last day, a DST change and 29 February (faketime).
  await step('unit tests with the clock moved', process.execPath, ['tools/ci/moved-clock.mjs']);
}

if (!built) {
  results.push({ name: 'browser tests (not run: build failed)', passed: 0, failed: 1 });
} else if (!(await ensureChromium())) {
  results.push({ name: 'browser tests (no /usr/bin/chromium)', passed: 0, failed: 1 });
} else {
  // The journeys read real emails (invitations, password resets) from a maildev of their own, on
  // ports that `npm start`'s maildev (1025/1080) does not use.
  const mail = { smtp: ports.smtp, web: ports.mailWeb };
  const stack = await startStack(
    {
      ...env,
      SMTP_URL: `smtp://127.0.0.1:${mail.smtp}`,
      // The journeys sign in many times a minute from one address; production keeps the default.
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    },
    { quiet: true },
  );
  const children = [...stack.children];
  try {
    if (await portOpen(mail.smtp)) {
      throw new Error(`port ${mail.smtp} (maildev for the browser tests) is already in use`);
    }
    children.push(
      startProcess(
        'maildev',
        bin('maildev'),
        ['--smtp', String(mail.smtp), '--web', String(mail.web), '--ip', '127.0.0.1', '--silent'],
        env,
        { quiet: true },
      ),
    );
    await waitForPort(mail.web);
    env.E2E_WEB_URL = stack.webUrl;
    env.E2E_API_URL = stack.apiUrl;
    env.E2E_MAIL_URL = `http://127.0.0.1:${mail.web}`;
    await jestStep('browser tests', 'apps/web-e2e/jest.config.cjs', browserSpecs);
  } catch (error) {
    log(`browser tests could not run: ${error instanceof Error ? error.message : String(error)}`);
    results.push({ name: 'browser tests (not run)', passed: 0, failed: 1 });
  } finally {
    await stopAll(children);
  }
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
process.stdout.write('\n');
for (const r of results) {
  process.stdout.write(
    `  ${r.failed === 0 ? 'ok  ' : 'FAIL'}  ${r.name}: ${r.passed} passed, ${r.failed} failed\n`,
  );
}
process.stdout.write(`  (${Math.round((Date.now() - started) / 1000)} s)\n\n`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 ? 0 : 1);
