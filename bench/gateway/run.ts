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
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INTERNAL_HEADER, signInternalToken, signUserToken } from '@hub/kit';
import autocannon from 'autocannon';

const here = path.dirname(fileURLToPath(import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);
if (!process.env.DATABASE_URL) {
  console.error('set DATABASE_URL to a PostgreSQL database (it is seeded when empty)');
  process.exit(2);
}

function start(mode: string, env: Record<string, string> = {}): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'serve.ts'), mode], {
      env: { ...process.env, ...env, HUB_ENV: 'production', HUB_INTROSPECTION: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    const failed = (code: number | null) => reject(new Error(`${mode} exited with ${code} before it was ready`));
    child.once('exit', failed);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (.+)/.exec(out);
      if (m?.[1]) {
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
const ours = await start('ours', { BENCH_PORT: '4100' });
const hive = await start('hive', { BENCH_PORT: '4200' });

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
    body('query($c: OccupationCode!) { occupation(code: $c) { code name level parent { name } } }', {
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
  for (const url of [ours.url, hive.url]) await load(url, mix, auth).catch(() => undefined);

  const direct = await load(subgraphUrls.occupations as string, single, {
    [INTERNAL_HEADER]: await signInternalToken({ role: 'province_center' }),
  });
  const oursSingle = await load(ours.url, single, auth);
  const hiveSingle = await load(hive.url, single, auth);
  const oursMix = await load(ours.url, mix, auth);
  const hiveMix = await load(hive.url, mix, auth);
  const memory = { subgraphs: rssMb(subgraphs.child.pid), ours: rssMb(ours.child.pid), hive: rssMb(hive.child.pid) };

  const row = (name: string, f: Figures) =>
    `${name.padEnd(34)} ${String(f.rps).padStart(7)} req/s   p50 ${String(f.p50).padStart(4)} ms   p95 ${String(f.p95).padStart(4)} ms   p99 ${String(f.p99).padStart(4)} ms   errors ${f.errors}`;
  console.log(
    `\n${connections} connections, ${seconds} s per step, ${process.env.DATABASE_URL?.replace(/\/\/[^@]*@/, '//')}`,
  );
  console.log(row('direct subgraph (occupation)', direct));
  console.log(row('ours (occupation)', oursSingle));
  console.log(row('Hive Gateway (occupation)', hiveSingle));
  console.log(row('ours (mix of 4 operations)', oursMix));
  console.log(row('Hive Gateway (mix of 4 operations)', hiveMix));
  console.log(
    `\nmemory RSS after load: subgraphs ${memory.subgraphs} MB, ours ${memory.ours} MB, Hive ${memory.hive} MB`,
  );
  console.log(
    `ratio ours/Hive throughput: single ${(oursSingle.rps / hiveSingle.rps).toFixed(2)}, mix ${(oursMix.rps / hiveMix.rps).toFixed(2)}`,
  );
  console.log(`ratio ours/direct throughput (single subgraph): ${(oursSingle.rps / direct.rps).toFixed(2)}`);
  console.log(
    `gateway overhead at p50 over the direct call: ${oursSingle.p50 - direct.p50} ms (ours), ${hiveSingle.p50 - direct.p50} ms (Hive)`,
  );
} finally {
  for (const p of [hive, ours, subgraphs]) p.child.kill('SIGTERM');
}
