/**
 * The real topology of `pnpm test:topology`, built on this machine by this script: a PostgreSQL
 * primary and a streaming replica (two clusters of their own, ../pg-cluster.ts: initdb, then
 * pg_basebackup -R), a private Redis, two processes of each subgraph and two gateways, and HAProxy in
 * front of each pool. Every log goes to .data/topology/; `stop()` ends everything it started, also
 * on failure.
 *
 * Needs Debian's PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin), redis-server and
 * haproxy. Run as root (CI), the PostgreSQL clusters run as the `postgres` user.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { freePort, type PgCluster, type PrimaryWithReplicas, startPrimaryWithReplicas } from '../pg-cluster.ts';
import { type Proc, startProcess } from '../processes.ts';
import { haproxyConfig, parseStat, type StatRow } from './haproxy.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SUBGRAPHS = ['enterprises', 'occupations', 'assessments', 'supervision'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` holds (returns a truthy value), polling; fails with `what` after `timeoutMs`. */
export async function until<T>(what: string, check: () => Promise<T> | T, timeoutMs = 30_000, everyMs = 100) {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms${last ? ` (${String(last)})` : ''}`);
    await sleep(everyMs);
  }
}

/** A process this script started: its output in a log file, its exit awaited. */
interface Daemon {
  child: ChildProcess;
  exited: Promise<number | null>;
}

function daemon(cmd: string, args: string[], log: string) {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = createWriteStream(log, { flags: 'a' });
  child.stdout?.pipe(out, { end: false });
  child.stderr?.pipe(out, { end: false });
  child.once('close', () => out.end());
  const exited = new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { child, exited } satisfies Daemon;
}

async function stopDaemon(d: Daemon | undefined, signal: NodeJS.Signals, graceMs = 5_000) {
  if (!d || d.child.exitCode !== null || d.child.signalCode !== null) return;
  d.child.kill(signal);
  const done = await Promise.race([d.exited.then(() => true), sleep(graceMs).then(() => false)]);
  if (!done) {
    d.child.kill('SIGKILL');
    await d.exited;
  }
}

/** One PostgreSQL cluster (the primary or the replica). */
export interface PgServer {
  name: 'primary' | 'replica';
  port: number;
  /** Connection URL of the hub's database on this cluster. */
  url: string;
  /** A small connection pool of the test's own on this cluster (closed by `stop()`). */
  sql: postgres.Sql;
  /** Stops the server (fast shutdown); `start()` brings it back on the same port and data. */
  stop(): void;
  start(): void;
}

/** A hub process (a gateway or a subgraph) behind the balancer. */
export interface HubProc {
  /** HAProxy server name: `gateway-1`, `assessments-2`, … */
  name: string;
  pool: 'gateway' | SubgraphName;
  port: number;
  /** Its own address, not the balancer's: `http://127.0.0.1:<port>`. */
  origin: string;
  proc: Proc;
  log: string;
  /** Sends `signal`; resolves once the process has exited, with when the signal went and when it was gone. */
  kill(signal: NodeJS.Signals): Promise<{ at: number; goneAt: number }>;
}

export interface TopologyOptions {
  /** Certificates in the demo seed. */
  seedSize?: number;
  /** Extra environment of every gateway (the budgets under test). */
  gatewayEnv?: Record<string, string>;
  /** Extra environment of every subgraph process. */
  subgraphEnv?: Record<string, string>;
  /** See haproxy.ts: layer-7 retries of reads (default on). */
  retryReads?: boolean;
}

export interface Topology {
  logs: string;
  primary: PgServer;
  replica: PgServer;
  redisUrl: string;
  gateways: HubProc[];
  subgraphs: Record<SubgraphName, HubProc[]>;
  /** The gateways' frontend on HAProxy: what clients call. */
  url: string;
  /** Each pool's frontend port on HAProxy. */
  frontends: Record<'gateway' | SubgraphName, number>;
  /** HAProxy's `show stat`. */
  stat(): Promise<StatRow[]>;
  /** Resolves once HAProxy sees every server of every pool in the given state. */
  waitServers(status: 'UP' | 'DOWN', names?: string[], timeoutMs?: number): Promise<void>;
  /** Resolves once the replica has replayed everything the primary has written so far. */
  replicaCaughtUp(timeoutMs?: number): Promise<void>;
  /** The environment every gateway process was started with (for another gateway of the same hub). */
  gatewayEnv: Record<string, string>;
  stop(): Promise<void>;
}

/** Runs a command to its end; its output goes to `log`; throws on a non-zero exit. */
function run(cmd: string, args: string[], log: string, opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = createWriteStream(log, { flags: 'a' });
    out.write(`$ ${path.basename(cmd)} ${args.join(' ')}\n`);
    let text = '';
    const keep = (d: Buffer) => {
      text += d.toString();
      out.write(d);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', reject);
    child.once('close', (code) => {
      out.end();
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited ${code}:\n${text.slice(-2000)}`));
    });
  });
}

/** Sends one command to HAProxy's runtime socket and returns its answer. */
function haproxyCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const c = net.createConnection(socket, () => c.end(`${command}\n`));
    c.on('data', (d) => {
      out += d.toString();
    });
    c.once('error', reject);
    c.once('close', () => resolve(out));
  });
}

/**
 * Builds the topology. Whatever fails on the way, what was started is stopped before the error
 * is thrown (the caller's `stop()` is for after a successful start).
 */
export async function startTopology(opts: TopologyOptions = {}): Promise<Topology> {
  const logs = path.join(repoRoot, '.data', 'topology');
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'hub-topology-'));
  const began = Date.now();
  /** Where the start's time goes, for a slow CI run to say. */
  const phase = (what: string) => console.log(`topology: ${what} (${((Date.now() - began) / 1000).toFixed(1)} s)`);

  const daemons: Daemon[] = [];
  const hubProcs: HubProc[] = [];
  /** Every hub process started, ready or not. */
  const started: Proc[] = [];
  const pools: postgres.Sql[] = [];
  let clusters: PrimaryWithReplicas | undefined;
  const keepPostgresLogs = () => {
    if (!clusters) return;
    for (const [name, c] of [
      ['primary', clusters.primary],
      ['replica', clusters.replicas[0]],
    ] as const) {
      if (c && existsSync(c.log)) copyFileSync(c.log, path.join(logs, `postgres-${name}.log`));
    }
  };
  let stopped = false;
  // The test runner may go away without afterAll: nothing it started outlives it.
  const onExit = () => {
    for (const d of daemons) d.child.kill('SIGKILL');
    for (const p of started) p.child.kill('SIGKILL');
    keepPostgresLogs();
    clusters?.destroy();
  };
  process.once('exit', onExit);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all(started.map((p) => stopDaemon(p, 'SIGKILL')));
    await Promise.all(pools.map((s) => s.end({ timeout: 1 }).catch(() => undefined)));
    await Promise.all(daemons.map((d) => stopDaemon(d, 'SIGTERM')));
    keepPostgresLogs();
    clusters?.destroy();
    process.off('exit', onExit);
    rmSync(tmp, { recursive: true, force: true });
  };

  try {
    // 1. PostgreSQL: a primary (wal_level=replica, replication from 127.0.0.1 allowed) and a
    // streaming replica made from it by pg_basebackup -R. pg_stat_statements on both says which
    // served a read (statementCalls).
    clusters = await startPrimaryWithReplicas(1, {
      settings: ["shared_preload_libraries = 'pg_stat_statements'", 'max_connections = 200'],
    });
    const server = (name: PgServer['name'], c: PgCluster): PgServer => {
      const sql = postgres(c.url('hub'), { max: 2, onnotice: () => {}, connect_timeout: 5 });
      pools.push(sql);
      return { name, port: c.port, url: c.url('hub'), sql, stop: () => c.stop(), start: () => c.start() };
    };
    const primary = server('primary', clusters.primary);
    const replica = server('replica', clusters.replicas[0] as PgCluster);
    const setup = postgres(clusters.primary.url(), { max: 1, onnotice: () => {} });
    await setup.unsafe('create database hub');
    await setup.end();
    await primary.sql`create extension pg_stat_statements`;
    phase(`PostgreSQL primary on ${primary.port}, replica on ${replica.port}`);

    // 2. Redis: private, nothing saved.
    const redisPort = await freePort();
    daemons.push(
      daemon(
        'redis-server',
        ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', tmp],
        path.join(logs, 'redis.log'),
      ),
    );
    const redisUrl = `redis://127.0.0.1:${redisPort}/0`;
    await until('redis answering', () =>
      execFileSync('redis-cli', ['-p', String(redisPort), 'ping'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).includes('PONG'),
    );

    // The hub's processes: each picks a free port (0) and prints it.
    const hubProc = (pool: HubProc['pool'], i: number, entry: string, env: Record<string, string>, ready: RegExp) => {
      const name = `${pool}-${i}`;
      const log = path.join(logs, `${name}.log`);
      const proc = startProcess(entry, [], env, { log, echo: false });
      started.push(proc);
      return proc.waitFor(ready, 180_000).then(([, url]) => {
        const { port, origin } = new URL(url as string);
        const p: HubProc = {
          name,
          pool,
          port: Number(port),
          origin,
          proc,
          log,
          async kill(signal) {
            const at = Date.now();
            proc.child.kill(signal);
            await proc.exited;
            return { at, goneAt: Date.now() };
          },
        };
        hubProcs.push(p);
        return p;
      });
    };
    const frontends = Object.fromEntries(
      await Promise.all((['gateway', ...SUBGRAPHS] as const).map(async (n) => [n, await freePort()] as const)),
    ) as Record<'gateway' | SubgraphName, number>;

    // 3. The gateways start now, while the database is migrated and seeded: they touch it only when asked.
    const gatewayEnv = {
      DATABASE_URL: primary.url,
      REDIS_URL: redisUrl,
      HUB_REDIS_PREFIX: 'hub-topology',
      HUB_TRUST_PROXY: '1',
      HUB_PORT: '0',
      HUB_LOG_LEVEL: 'info',
      ...Object.fromEntries(
        SUBGRAPHS.map((n) => [`HUB_${n.toUpperCase()}_URL`, `http://127.0.0.1:${frontends[n]}/graphql`]),
      ),
      ...opts.gatewayEnv,
    };
    const gatewaysStarting = Promise.all(
      [1, 2].map((i) => hubProc('gateway', i, 'gateway/src/main.ts', gatewayEnv, /gateway at (\S+)/)),
    );
    gatewaysStarting.catch(() => undefined); // awaited below; a failure is thrown there

    // 4. The repo's own commands, as an operator runs them: `pnpm hub migrate && pnpm hub seed`.
    // The replica receives it all by streaming.
    const cliEnv = { ...process.env, DATABASE_URL: primary.url, HUB_LOG_LEVEL: 'warn' };
    const cli = ['--import', 'tsx', 'dev/src/cli.ts'];
    await run(process.execPath, [...cli, 'migrate'], path.join(logs, 'hub-migrate.log'), {
      cwd: repoRoot,
      env: cliEnv,
    });
    await run(
      process.execPath,
      [...cli, 'seed', '--size', String(opts.seedSize ?? 300)],
      path.join(logs, 'hub-seed.log'),
      {
        cwd: repoRoot,
        env: cliEnv,
      },
    );
    phase('migrated and seeded (pnpm hub migrate, pnpm hub seed)');

    // 5. Two processes of each subgraph, all at once: writes to the primary; the assessments
    // subgraph reads 证书查询 and the statistics from the replica (read routing).
    const subgraphEnv = {
      DATABASE_URL: primary.url,
      DATABASE_REPLICA_URL: replica.url,
      HUB_REPLICA_MAX_LAG: '5',
      PORT: '0',
      HUB_LOG_LEVEL: 'info',
      ...opts.subgraphEnv,
    };
    const procs = await Promise.all([
      ...SUBGRAPHS.flatMap((name) =>
        [1, 2].map((i) =>
          hubProc(name, i, `subgraphs/${name}/src/main.ts`, subgraphEnv, new RegExp(`${name} subgraph at (\\S+)`)),
        ),
      ),
      gatewaysStarting,
    ]).then((all) => all.flat());
    const poolOf = (pool: HubProc['pool']) =>
      procs.filter((p) => p.pool === pool).sort((a, b) => a.name.localeCompare(b.name));
    const subgraphs = Object.fromEntries(SUBGRAPHS.map((name) => [name, poolOf(name)])) as Record<
      SubgraphName,
      HubProc[]
    >;
    const gateways = poolOf('gateway');
    phase('two processes of each subgraph and two gateways listening');

    // 6. HAProxy in front of every pool.
    const statsSocket = path.join(tmp, 'haproxy.sock');
    const configFile = path.join(logs, 'haproxy.cfg');
    writeFileSync(
      configFile,
      haproxyConfig({
        statsSocket,
        retryReads: opts.retryReads,
        pools: [
          { name: 'gateway', port: frontends.gateway, servers: gateways.map((g) => ({ name: g.name, port: g.port })) },
          ...SUBGRAPHS.map((n) => ({
            name: n,
            port: frontends[n],
            servers: subgraphs[n].map((p) => ({ name: p.name, port: p.port })),
          })),
        ],
      }),
    );
    const haproxy = daemon('haproxy', ['-db', '-f', configFile], path.join(logs, 'haproxy.log'));
    daemons.push(haproxy);

    const stat = async () => parseStat(await haproxyCommand(statsSocket, 'show stat'));
    const serverNames = hubProcs.map((p) => p.name);
    const waitServers = async (status: 'UP' | 'DOWN', names = serverNames, timeoutMs = 30_000) => {
      await until(
        `HAProxy sees ${names.join(', ')} ${status}`,
        async () => {
          if (haproxy.child.exitCode !== null) throw new Error(`haproxy exited; see ${logs}/haproxy.log`);
          const rows = await stat();
          return names.every((n) => rows.find((r) => r.svname === n)?.status.startsWith(status));
        },
        timeoutMs,
        100,
      );
    };
    await waitServers('UP');
    phase(`HAProxy sees every process UP; clients call ${frontends.gateway}`);

    const replicaCaughtUp = async (timeoutMs = 30_000) => {
      const [{ lsn }] = (await primary.sql`select pg_current_wal_insert_lsn()::text as lsn`) as unknown as [
        { lsn: string },
      ];
      await until(
        'the replica replaying the primary',
        async () => {
          const [row] = await replica.sql`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as done`;
          return row?.done === true;
        },
        timeoutMs,
      );
    };

    return {
      logs,
      primary,
      replica,
      redisUrl,
      gateways,
      subgraphs,
      url: `http://127.0.0.1:${frontends.gateway}/graphql`,
      frontends,
      stat,
      waitServers,
      replicaCaughtUp,
      gatewayEnv,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Calls so far, on one cluster, of the statements whose text contains `text` (pg_stat_statements,
 * loaded on the primary and the replica alike): which cluster served a kind of read.
 */
export async function statementCalls(cluster: PgServer, text: string): Promise<number> {
  const [row] = await cluster.sql`
    select coalesce(sum(calls), 0)::int as calls from pg_stat_statements where strpos(query, ${text}) > 0`;
  return row?.calls ?? 0;
}
