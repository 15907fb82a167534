/**
 * `pnpm --filter @hub/bench gateway`: the same operations, in one run and the
 * same conditions, through our gateway, through Hive Gateway, and straight to
 * the subgraph (the limit). Prints throughput, p50/p95/p99 latency, each
 * process's memory, and the ratios ours/Hive and ours/direct.
 *
 * Needs DATABASE_URL (PostgreSQL): the subgraph process seeds it when empty.
 * Loopback only; every run is bounded (BENCH_SECONDS per step, default 10).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INTERNAL_HEADER, signInternalToken, signUserToken } from '@hub/platform';
import autocannon from 'autocannon';
import { benchChildEnv, benchDatabaseUrl, benchDefault, benchNumber, benchText } from '../config.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = benchNumber('BENCH_SECONDS', 10);
const connections = benchNumber('BENCH_CONNECTIONS', 20);
if (!benchDatabaseUrl) {
  console.error('set DATABASE_URL to a PostgreSQL database (it is seeded when empty)');
  process.exit(2);
}

/** Our gateway as production starts it (bundled JS, `pnpm --filter @hub/gateway build`), or through tsx with BENCH_OURS=tsx. */
const oursFromDist = benchText('BENCH_OURS') !== 'tsx';
const distMain = path.join(here, '../../gateway/dist/main.mjs');
// As `pnpm --filter @hub/gateway start:dist` runs it: an old-generation cap keeps RSS under 200 MB under load.
const distFlags = ['--max-old-space-size=128'];
let subgraphEnv: Record<string, string> = {};

// Every server this run starts is stopped when it ends, however it ends (Hive ignores SIGTERM while busy).
const children: ChildProcess[] = [];
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/** Benchmark-only personal-data keys (derived from a public phrase: never use them for real data). */
const BENCH_PII_KEYS = `bench:${createHash('sha256').update('hub benchmark pii key').digest('base64')}`;
const BENCH_PII_HMAC_KEY = createHash('sha256').update('hub benchmark hmac key').digest('base64');
// Production refuses the dev signing secrets too: benchmark-only ones, shared with this process, which signs the tokens.
benchDefault('HUB_JWT_SECRET', createHash('sha256').update('hub benchmark jwt secret').digest('hex'));
benchDefault('HUB_INTERNAL_SECRET', createHash('sha256').update('hub benchmark internal secret').digest('hex'));

function start(mode: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const dist = mode === 'ours' && oursFromDist;
    const args = dist ? [...distFlags, distMain] : ['--import', 'tsx', path.join(here, 'serve.ts'), mode];
    const child = spawn(process.execPath, args, {
      env: benchChildEnv({
        ...(dist ? { ...subgraphEnv, HUB_PORT: env.BENCH_PORT ?? '4100' } : {}),
        ...env,
        HUB_ENV: 'production',
        HUB_INTROSPECTION: '0',
        // Production refuses the public dev keys; the benchmark brings its own fixed, clearly-named ones.
        HUB_PII_KEYS: benchText('HUB_PII_KEYS') || BENCH_PII_KEYS,
        HUB_PII_HMAC_KEY: benchText('HUB_PII_HMAC_KEY') || BENCH_PII_HMAC_KEY,
      }),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    let out = '';
    const failed = (code: number | null) => reject(new Error(`${mode} exited with ${code} before it was ready`));
    child.once('exit', failed);
    let ready = false;
    child.stdout?.on('data', (d: Buffer) => {
      // After READY the child's log lines are read and dropped, as a log shipper would.
      if (ready) return;
      out += d.toString();
      const m = /(?:READY|gateway at) (\S+)/.exec(out);
      if (m?.[1]) {
        ready = true;
        out = '';
        child.off('exit', failed);
        resolve({ child, url: m[1].trim() });
      }
    });
  });
}

const rssMb = (pid: number | undefined) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Number.NaN;
};
/** RSS of a process and of each of its children (gateway workers), in MB. */
const rssTree = (pid: number | undefined): number[] => {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  return [rssMb(pid), ...children.flatMap((c) => rssTree(Number(c)))];
};
const showTree = (mbs: number[]) =>
  mbs.length === 1
    ? `${mbs[0]} MB`
    : `${mbs.reduce((a, b) => a + b, 0)} MB (primary ${mbs[0]} + workers ${mbs.slice(1).join(', ')})`;
const workers = benchNumber('BENCH_WORKERS', 0);

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

async function load(url: string, bodies: string[], headers: Record<string, string>): Promise<Figures> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: bodies.map((body) => ({
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...headers },
    })),
  });
  const l = result.latency as unknown as Record<string, number>;
  return {
    rps: Math.round(result.requests.average),
    p50: l.p50 ?? Number.NaN,
    p95: l.p95 ?? l.p97_5 ?? Number.NaN,
    p99: l.p99 ?? Number.NaN,
    errors: result.errors + result.non2xx,
  };
}

const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

const subgraphs = await start('subgraphs');
const subgraphUrls = JSON.parse(subgraphs.url) as Record<string, string>;
subgraphEnv = Object.fromEntries(Object.entries(subgraphUrls).map(([n, url]) => [`HUB_${n.toUpperCase()}_URL`, url]));
if (oursFromDist && !existsSync(distMain)) {
  console.error('build our gateway first: pnpm --filter @hub/gateway build (or BENCH_OURS=tsx)');
  process.exit(2);
}
const ours = await start('ours', { BENCH_PORT: '4100' });
const hive = await start('hive', { BENCH_PORT: '4200' });
// Optionally ours again with BENCH_WORKERS gateway worker processes (node:cluster), measured on the mix.
const oursN =
  workers > 1 ? await start('ours', { BENCH_PORT: '4300', HUB_GATEWAY_WORKERS: String(workers) }) : undefined;

try {
  const province = await signUserToken({ role: 'province_center', sub: 'bench' });
  const auth = { authorization: `Bearer ${province}` };
  // A certificate number to look up, read through our gateway.
  const first = await fetch(ours.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: body('{ certificates(first: 1) { edges { node { number } } } }'),
  }).then((r) => r.json() as Promise<{ data: { certificates: { edges: { node: { number: string } }[] } } }>);
  const number = first.data.certificates.edges[0]?.node.number;

  const single = [
    body('query($c: OccupationCode!) { occupation(code: $c) { code name tier parent { name } } }', {
      c: '6-18-01-01',
    }),
  ];
  const mix = [
    ...single,
    body(
      'query($n: String!) { certificate(number: $n) { number level issuedOn occupation { name } issuer { name prefecture { name } filingStatus } } }',
      { n: number },
    ),
    body('{ catalog(first: 10) { edges { node { enterprise { name } status scope { occupationCode levels } } } } }'),
    body('{ supervisionCases(first: 10) { edges { node { id status enterprise { name } } } } }'),
  ];

  // Warm both gateways' query-plan caches.
  for (const url of [ours.url, hive.url, ...(oursN ? [oursN.url] : [])])
    await load(url, mix, auth).catch(() => undefined);

  const direct = await load(subgraphUrls.occupations as string, single, {
    [INTERNAL_HEADER]: await signInternalToken({ role: 'province_center' }),
  });
  const oursSingle = await load(ours.url, single, auth);
  const hiveSingle = await load(hive.url, single, auth);
  const oursMix = await load(ours.url, mix, auth);
  const hiveMix = await load(hive.url, mix, auth);
  const oursNMix = oursN ? await load(oursN.url, mix, auth) : undefined;
  const memory = {
    subgraphs: rssMb(subgraphs.child.pid),
    ours: showTree(rssTree(ours.child.pid)),
    hive: rssMb(hive.child.pid),
  };
  const memoryN = oursN ? showTree(rssTree(oursN.child.pid)) : undefined;

  const row = (name: string, f: Figures) =>
    `${name.padEnd(34)} ${String(f.rps).padStart(7)} req/s   p50 ${String(f.p50).padStart(4)} ms   p95 ${String(f.p95).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}`;
  console.log(
    `\n${connections} connections, ${seconds} s per step, ${benchDatabaseUrl?.replace(/\/\/[^@]*@/, '//')}, ours from ${oursFromDist ? 'gateway/dist (bundled JS)' : 'TypeScript via tsx'}, HUB_LOG_LEVEL ${benchText('HUB_LOG_LEVEL', 'info')}`,
  );
  console.log(row('direct subgraph (occupation)', direct));
  console.log(row('ours (occupation)', oursSingle));
  console.log(row('Hive Gateway (occupation)', hiveSingle));
  console.log(row('ours (mix of 4 operations)', oursMix));
  console.log(row('Hive Gateway (mix of 4 operations)', hiveMix));
  if (oursNMix) console.log(row(`ours, ${workers} workers (mix)`, oursNMix));
  console.log(`\nmemory RSS after load: subgraphs ${memory.subgraphs} MB, ours ${memory.ours}, Hive ${memory.hive} MB`);
  if (memoryN) console.log(`memory RSS after load, ours with ${workers} workers: ${memoryN}`);
  console.log(
    `ratio ours/Hive throughput: single ${(oursSingle.rps / hiveSingle.rps).toFixed(2)}, mix ${(oursMix.rps / hiveMix.rps).toFixed(2)}`,
  );
  console.log(`ratio ours/direct throughput (single subgraph): ${(oursSingle.rps / direct.rps).toFixed(2)}`);
  if (oursNMix)
    console.log(
      `ratio ours ${workers} workers / ours 1 on the mix: ${(oursNMix.rps / oursMix.rps).toFixed(2)}; / Hive: ${(oursNMix.rps / hiveMix.rps).toFixed(2)}`,
    );
  console.log(
    `gateway overhead at p50 over the direct call: ${oursSingle.p50 - direct.p50} ms (ours), ${hiveSingle.p50 - direct.p50} ms (Hive)`,
  );
} finally {
  for (const p of [hive, ours, ...(oursN ? [oursN] : []), subgraphs]) p.child.kill('SIGTERM');
}
// A child still running (Hive ignores SIGTERM while busy) would keep this process alive; the exit hook kills it.
process.exit(0);
