// Starts the built API, worker and web preview (and maildev) as child processes, and stops them
// together. Shared by `npm start` and the browser-test stage of `npm test`.
import { spawn } from 'node:child_process';
import { root } from './env.mjs';
import { fail, log, portOpen } from './run.mjs';

export function startProcess(name, command, args, env, { quiet = false } = {}) {
  const child = spawn(command, args, {
    cwd: root,
    env,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  });
  child.on('exit', (code, signal) => {
    if (!child.stopping) log(`${name} exited (${signal ?? code})`);
  });
  child.label = name;
  return child;
}

export async function stopAll(children) {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.stopping = true;
          child.once('exit', resolve);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
}

/** maildev on 1025 (SMTP) and 1080 (web), unless something already listens there. */
export async function startDevMail(env) {
  if (await portOpen(1025)) return [];
  log('starting maildev (SMTP 1025, web 1080)…');
  return [
    startProcess(
      'maildev',
      `${root}node_modules/.bin/maildev`,
      ['--smtp', '1025', '--web', '1080', '--ip', '127.0.0.1', '--silent'],
      env,
    ),
  ];
}

/** Stops the children on Ctrl-C (or SIGTERM), then exits. */
export function stopOnSignal(children) {
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await stopAll(children);
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

export async function waitForHealth(apiUrl, seconds = 60) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${apiUrl}/health`);
      if (response.ok) return await response.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  fail(`the API did not report healthy at ${apiUrl}/health within ${seconds} s.`);
}

/**
 * Starts api, worker and the web preview from dist/. Refuses when the ports are taken. With
 * `watch`, api and worker restart when their bundle changes and the web runs vite's dev server.
 */
export async function startStack(env, { quiet = false, watch = false } = {}) {
  const node = (main) => [...(watch ? ['--watch'] : []), '--enable-source-maps', main];
  const apiPort = Number(env.API_PORT ?? 3000);
  const webPort = Number(new URL(env.WEB_ORIGIN ?? 'http://localhost:4200').port || 4200);
  for (const [port, what] of [
    [apiPort, 'API'],
    [webPort, 'web'],
  ]) {
    if (await portOpen(port)) {
      fail(`port ${port} (${what}) is already in use — is Mend already running? Stop it first.`);
    }
  }
  const children = [
    startProcess('api', process.execPath, node('dist/apps/api/main.js'), env, { quiet }),
    startProcess('worker', process.execPath, node('dist/apps/worker/main.js'), env, { quiet }),
    startProcess(
      'web',
      `${root}node_modules/.bin/vite`,
      [...(watch ? [] : ['preview']), '--config', 'apps/web/vite.config.mts'],
      { ...env, WEB_PORT: String(webPort), API_PROXY_TARGET: `http://127.0.0.1:${apiPort}` },
      { quiet },
    ),
  ];
  const apiUrl = `http://localhost:${apiPort}/api`;
  // In watch mode the first rebuilds run beside the API's start, which then takes longer.
  await waitForHealth(apiUrl, watch ? 180 : 60);
  return { children, apiUrl, webUrl: `http://localhost:${webPort}` };
}
