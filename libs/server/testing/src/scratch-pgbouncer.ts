import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PGBOUNCER = '/usr/sbin/pgbouncer';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface ScratchPgBouncer {
  /** `url` with its host and port replaced by PgBouncer's. */
  through(url: string): string;
  stop(): Promise<void>;
}

/**
 * Debian's PgBouncer in transaction mode in front of the database `url` names, with a small
 * server pool (`serverConnections`) so that client transactions really share server
 * connections. Its port is MEND_TEST_PGBOUNCER_PORT when set (checkouts side by side), else a
 * free one. `users` are the roles (and passwords) it lets through. PgBouncer refuses to run as
 * root, so under root it runs as the postgres system user.
 */
export async function startScratchPgBouncer(
  url: string,
  users: Array<{ user: string; password: string }>,
  serverConnections = 2,
): Promise<ScratchPgBouncer> {
  if (!existsSync(PGBOUNCER)) {
    throw new Error(`${PGBOUNCER} is missing: npm test installs Debian's pgbouncer (apt)`);
  }
  const target = new URL(url);
  const database = target.pathname.slice(1);
  const port = Number(process.env['MEND_TEST_PGBOUNCER_PORT'] ?? (await freePort()));
  const dir = mkdtempSync(join(tmpdir(), 'mend-pgbouncer-'));
  chmodSync(dir, 0o755);
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  writeFileSync(
    join(dir, 'users.txt'),
    users.map(({ user, password }) => `${quote(user)} ${quote(password)}\n`).join(''),
    { mode: 0o644 },
  );
  writeFileSync(
    join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `${database} = host=${target.hostname} port=${target.port || 5432} dbname=${database}`,
      '[pgbouncer]',
      `listen_addr = 127.0.0.1`,
      `listen_port = ${port}`,
      `unix_socket_dir =`,
      `auth_type = md5`,
      `auth_file = ${join(dir, 'users.txt')}`,
      `pool_mode = transaction`,
      `default_pool_size = ${serverConnections}`,
      `max_client_conn = 200`,
      // node-postgres announces these at connect; PgBouncer must accept them.
      `ignore_startup_parameters = extra_float_digits,application_name`,
      `logfile = ${join(dir, 'pgbouncer.log')}`,
      `pidfile = ${join(dir, 'pgbouncer.pid')}`,
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) chmodSync(dir, 0o777);
  const command = asRoot ? 'runuser' : PGBOUNCER;
  const args = asRoot
    ? ['-u', 'postgres', '--', PGBOUNCER, join(dir, 'pgbouncer.ini')]
    : [join(dir, 'pgbouncer.ini')];
  const child: ChildProcess = spawn(command, args, { stdio: 'ignore' });
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`pgbouncer did not start on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    through(original: string) {
      const routed = new URL(original);
      routed.hostname = '127.0.0.1';
      routed.port = String(port);
      return routed.toString();
    },
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}
