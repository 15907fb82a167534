import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * PostgreSQL clusters of a test's own: a primary (initdb) and streaming replicas of it
 * (pg_basebackup -R), each on a free port, run as the `postgres` OS user when the test runs as root
 * (PostgreSQL refuses to run as root). Needs Debian's PostgreSQL server binaries
 * (/usr/lib/postgresql/<version>/bin).
 */
export interface PgCluster {
  port: number;
  dataDir: string;
  /** Its server log (pg_ctl -l). */
  log: string;
  url(database?: string): string;
  stop(): void;
  start(): void;
}

const BIN = (() => {
  const root = '/usr/lib/postgresql';
  const version = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  return version ? path.join(root, version, 'bin') : undefined;
})();

/** True where this machine can start clusters of its own (the binaries, and a user to run them). */
export const canRunClusters = Boolean(BIN) && (process.getuid?.() !== 0 || spawnSync('id', ['postgres']).status === 0);

function run(tool: string, args: string[]): string {
  const bin = path.join(BIN as string, tool);
  const asRoot = process.getuid?.() === 0;
  return execFileSync(asRoot ? 'runuser' : bin, asRoot ? ['-u', 'postgres', '--', bin, ...args] : args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A folder the postgres user owns, under the system temp dir. */
function ownedDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  return dir;
}

function cluster(dataDir: string, port: number, root: string): PgCluster {
  const log = path.join(root, `pg-${port}.log`);
  const cluster: PgCluster = {
    port,
    dataDir,
    log,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start() {
      run('pg_ctl', ['-D', dataDir, '-l', log, '-w', '-t', '60', 'start']);
    },
    stop() {
      spawnSync(process.getuid?.() === 0 ? 'runuser' : path.join(BIN as string, 'pg_ctl'), [
        ...(process.getuid?.() === 0 ? ['-u', 'postgres', '--', path.join(BIN as string, 'pg_ctl')] : []),
        '-D',
        dataDir,
        '-m',
        'fast',
        '-w',
        'stop',
      ]);
    },
  };
  return cluster;
}

export interface PrimaryWithReplicas {
  primary: PgCluster;
  replicas: PgCluster[];
  /** Stops every cluster and removes their folders. */
  destroy(): void;
}

/**
 * A primary on a free port with `replicas` streaming replicas, each on a port of its own.
 * `settings`: more postgresql.conf lines for the primary, which the replicas copy.
 */
export async function startPrimaryWithReplicas(
  replicas = 1,
  opts: { settings?: string[] } = {},
): Promise<PrimaryWithReplicas> {
  if (!BIN) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql');
  const root = ownedDir('hub-pg-');
  const primaryDir = path.join(root, 'primary');
  run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync']);
  const port = await freePort();
  appendFileSync(
    path.join(primaryDir, 'postgresql.conf'),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${root}'`,
      'wal_level = replica',
      'max_wal_senders = 10',
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      ...(opts.settings ?? []),
      '',
    ].join('\n'),
  );
  appendFileSync(path.join(primaryDir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
  const primary = cluster(primaryDir, port, root);
  primary.start();
  const started: PgCluster[] = [];
  try {
    for (let i = 0; i < replicas; i++) {
      const dir = path.join(root, `replica${i + 1}`);
      run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', dir, '-R', '-X', 'stream']);
      const replicaPort = await freePort();
      writeFileSync(path.join(dir, 'postgresql.auto.conf'), `port = ${replicaPort}\n`, { flag: 'a' });
      const replica = cluster(dir, replicaPort, root);
      replica.start();
      started.push(replica);
    }
  } catch (err) {
    for (const c of [...started, primary]) c.stop();
    throw err;
  }
  return {
    primary,
    replicas: started,
    destroy() {
      for (const c of [...started, primary]) c.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
