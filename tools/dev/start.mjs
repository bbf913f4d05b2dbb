// `npm start`: prepares everything a fresh clone needs, then runs Mend until Ctrl-C.
import { loadDotEnv, stageEnv } from './lib/env.mjs';
import { prepare } from './lib/prepare.mjs';
import { log, run } from './lib/run.mjs';
import { root } from './lib/env.mjs';
import { startDevMail, startStack, stopOnSignal } from './lib/stack.mjs';

loadDotEnv();
const env = stageEnv('development');
env.SMTP_URL ??= 'smtp://127.0.0.1:1025';

await prepare(env, { migrate: true, seed: true });

const children = await startDevMail(env);

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

stopOnSignal(children);
