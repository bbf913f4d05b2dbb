// `npm start`: prepares everything a fresh clone needs, then runs Mend until Ctrl-C.
import { loadDotEnv, stageEnv } from './lib/env.mjs';
import { prepare } from './lib/prepare.mjs';
import { log, portOpen, run } from './lib/run.mjs';
import { root } from './lib/env.mjs';
import { startProcess, startStack, stopAll } from './lib/stack.mjs';

loadDotEnv();
const env = stageEnv('development');
env.SMTP_URL ??= 'smtp://127.0.0.1:1025';

await prepare(env, { migrate: true, seed: true });

const children = [];
if (!(await portOpen(1025))) {
  log('starting maildev (SMTP 1025, web 1080)…');
  children.push(
    startProcess(
      'maildev',
      `${root}node_modules/.bin/maildev`,
      ['--smtp', '1025', '--web', '1080', '--ip', '127.0.0.1', '--silent'],
      env,
    ),
  );
}

log('building api, worker and web…');
await run(
  `${root}node_modules/.bin/nx`,
  ['run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--outputStyle=static'],
  {
    cwd: root,
    env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
  },
);

const stack = await startStack(env);
children.push(...stack.children);

process.stdout.write(`
  Mend is running.

  Web app      ${stack.webUrl}
  API          ${stack.apiUrl}
  API docs     ${stack.apiUrl}/docs
  Health       ${stack.apiUrl}/health
  Mail (dev)   http://localhost:1080

  Demo logins (password MendDemo!2026) are listed in README.md.
  Press Ctrl-C to stop.

`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  await stopAll(children);
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
