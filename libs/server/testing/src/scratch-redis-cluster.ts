import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Three ports whose cluster-bus ports (+10000) are free too. */
async function clusterPorts(): Promise<number[]> {
  const base = Number(process.env['MEND_TEST_REDIS_CLUSTER_PORT'] ?? 0);
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const first = base || 20_000 + Math.floor(Math.random() * 25_000);
    const ports = [first, first + 1, first + 2];
    const free = await Promise.all(ports.flatMap((p) => [portFree(p), portFree(p + 10_000)]));
    if (free.every(Boolean)) return ports;
    if (base) break;
  }
  throw new Error('no free ports for a scratch Redis Cluster');
}

function cli(port: number, ...args: string[]): string {
  const result = spawnSync('redis-cli', ['-p', String(port), ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`redis-cli ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

export interface ScratchRedisCluster {
  /** `host:port,host:port,host:port`, as REDIS_CLUSTER_NODES takes it. */
  nodes: string;
  /** The port of the primary that holds `key`'s slot. */
  primaryOf(key: string): number;
  /** Kills the node's process outright (SIGKILL), as a crash would. */
  kill(port: number): Promise<void>;
  /** Starts the node again from its own files (cluster config and append-only log). */
  restart(port: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A three-primary Redis Cluster (no replicas) of private redis-server processes, durable as
 * Mend's worker requires (AOF, noeviction), built with `redis-cli --cluster create`.
 */
export async function startScratchRedisCluster(): Promise<ScratchRedisCluster> {
  const ports = await clusterPorts();
  const dir = mkdtempSync(join(tmpdir(), 'mend-redis-cluster-'));
  const children = new Map<number, ChildProcess>();
  const start = (port: number) => {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--cluster-enabled',
        'yes',
        '--cluster-config-file',
        `nodes-${port}.conf`,
        '--cluster-node-timeout',
        '2000',
        '--appendonly',
        'yes',
        '--appendfilename',
        `appendonly-${port}.aof`,
        '--appenddirname',
        `aof-${port}`,
        '--maxmemory-policy',
        'noeviction',
        '--save',
        '',
      ],
      { stdio: 'ignore' },
    );
    children.set(port, child);
  };
  const answering = async (port: number) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const ping = spawnSync('redis-cli', ['-p', String(port), 'PING'], { encoding: 'utf8' });
      if (ping.stdout.trim() === 'PONG') return;
      if (Date.now() > deadline) throw new Error(`redis-server on ${port} did not start`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const clusterOk = async () => {
    const deadline = Date.now() + 20_000;
    while (!ports.every((port) => cli(port, 'CLUSTER', 'INFO').includes('cluster_state:ok'))) {
      if (Date.now() > deadline) throw new Error('the scratch Redis Cluster did not become ok');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  for (const port of ports) start(port);
  for (const port of ports) await answering(port);
  const created = spawnSync(
    'redis-cli',
    [
      '--cluster',
      'create',
      ...ports.map((port) => `127.0.0.1:${port}`),
      '--cluster-replicas',
      '0',
      '--cluster-yes',
    ],
    { encoding: 'utf8' },
  );
  if (created.status !== 0) throw new Error(`redis-cli --cluster create: ${created.stderr}`);
  await clusterOk();

  const exited = (child: ChildProcess | undefined) =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
    });

  return {
    nodes: ports.map((port) => `127.0.0.1:${port}`).join(','),
    primaryOf(key) {
      const slot = Number(cli(ports[0] ?? 0, 'CLUSTER', 'KEYSLOT', key).trim());
      for (const line of cli(ports[0] ?? 0, 'CLUSTER', 'NODES')
        .trim()
        .split('\n')) {
        const [, address, flags, , , , , , ...ranges] = line.split(' ');
        if (!flags?.includes('master')) continue;
        for (const range of ranges) {
          const [from, to] = range.split('-').map(Number);
          if (from !== undefined && slot >= from && slot <= (to ?? from)) {
            return Number(address?.split('@')[0]?.split(':')[1]);
          }
        }
      }
      throw new Error(`no primary holds the slot of ${key}`);
    },
    async kill(port) {
      const child = children.get(port);
      child?.kill('SIGKILL');
      await exited(child);
    },
    async restart(port) {
      start(port);
      await answering(port);
      await clusterOk();
    },
    async stop() {
      for (const child of children.values()) child.kill('SIGTERM');
      await Promise.all([...children.values()].map(exited));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
