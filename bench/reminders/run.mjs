// Runs bench/reminders/run.ts with TypeScript compiled on the fly, against the test database
// named by MEND_TEST_DATABASE (as the tests do). Usage: node bench/reminders/run.mjs [N]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const database = process.env.MEND_TEST_DATABASE ?? 'mend_test';
const child = spawn(
  process.execPath,
  [
    '-r',
    '@swc-node/register',
    '-r',
    'tsconfig-paths/register',
    'bench/reminders/run.ts',
    ...process.argv.slice(2),
  ],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      DATABASE_URL: `postgres://mend_app:mend_app@127.0.0.1:5432/${database}`,
      DATABASE_OWNER_URL: `postgres://mend_owner:mend_owner@127.0.0.1:5432/${database}`,
      SWC_NODE_PROJECT: 'tools/tsconfig.swc-node.json',
      TS_NODE_PROJECT: 'tsconfig.base.json',
    },
  },
);
child.on('exit', (code) => process.exit(code ?? 1));
