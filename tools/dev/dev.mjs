// `npm run dev`: `npm start` for people changing code. webpack rebuilds the API and the worker
// when a file changes and each restarts on its new bundle; the web runs vite's dev server, which
// updates the page in place.
import { loadDotEnv, root, stageEnv } from './lib/env.mjs';
import { prepare } from './lib/prepare.mjs';
import { log, run } from './lib/run.mjs';
import { startDevMail, startProcess, startStack, stopOnSignal } from './lib/stack.mjs';

loadDotEnv();
const env = stageEnv('development');
env.SMTP_URL ??= 'smtp://127.0.0.1:1025';
const nxEnv = { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

await prepare(env, { migrate: true, seed: true });

const children = await startDevMail(env);
stopOnSignal(children);

// One build first, so each process has a bundle to start from; the watchers take over after.
log('building api and worker…');
await run(
  `${root}node_modules/.bin/nx`,
  ['run-many', '-t', 'build', '-p', 'api', 'worker', '--outputStyle=static'],
  { cwd: root, env: nxEnv },
);
for (const app of ['api', 'worker']) {
  children.push(
    startProcess(
      `${app} (webpack --watch)`,
      `${root}node_modules/.bin/nx`,
      // Through nx: the Nx webpack plugin reads its task context. The cache would answer a
      // finished build instead of starting the watcher.
      ['run', `${app}:build`, '--watch', '--skip-nx-cache', '--outputStyle=static'],
      nxEnv,
      { quiet: true },
    ),
  );
}

const stack = await startStack(env, { watch: true });
children.push(...stack.children);

process.stdout.write(`
  Mend is running in watch mode: saved changes rebuild and restart the API and the worker, and
  the web page updates itself.

  Web app      ${stack.webUrl}
  API          ${stack.apiUrl}
  API docs     ${stack.apiUrl}/docs
  Mail (dev)   http://localhost:1080

  Press Ctrl-C to stop.

`);
