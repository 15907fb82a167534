/**
 * 证书查询 under load (a benchmark, not a test): the same public lookup through the gateway, straight
 * against the assessments subgraph, and as bare SQL (the limit), each for BENCH_SECONDS over
 * BENCH_CONNECTIONS connections, printing median / p95 / p99 / throughput and ratios to the SQL run.
 *
 *   DATABASE_URL=postgres://… pnpm --filter @hub/bench verification
 *
 * Needs the hub running on that database (`pnpm start` with `HUB_PUBLIC_RATE=0 HUB_LOOKUP_BUDGET=0`,
 * or it refuses one address's benchmark traffic) and the scale seed loaded (`pnpm hub seed --size 1000000`).
 */
import { createDb, rowsOf } from '@hub/db';
import { PUBLIC_CALLER, signInternalToken } from '@hub/platform';
import { sql } from 'drizzle-orm';
import { benchDatabaseUrl, benchNumber, benchText } from '../config.ts';
import { type Figures, loadHttp, loadLoop, report } from './lib.ts';

const GATEWAY = benchText('HUB_URL', 'http://127.0.0.1:4000/graphql');
const SUBGRAPH = benchText('HUB_ASSESSMENTS_URL', 'http://127.0.0.1:4003/graphql');
const seconds = benchNumber('BENCH_SECONDS', 10);
const connections = benchNumber('BENCH_CONNECTIONS', 16);

if (!benchDatabaseUrl)
  throw new Error('set DATABASE_URL to the hub’s PostgreSQL (the benchmark reads a sample of certificates)');
const handle = await createDb({ max: connections });
const db = handle.db;

const [{ n }] = rowsOf<{ n: number }>(
  await db.execute(sql`select count(*)::int as n from assessment.certificates`),
) as [{ n: number }];
// Lookups spread over the whole table: a random 0.5% block sample, shuffled.
const sample = rowsOf<{ number: string; name: string }>(
  await db.execute(
    sql`select number, holder_name as name from assessment.certificates tablesample system (0.5) repeatable (6) limit 5000`,
  ),
);
console.log(
  `certificates: ${n}; lookups drawn from a sample of ${sample.length}; ${seconds} s per run, ${connections} connections`,
);

const LOCAL = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { status certificate { number level holderName issuedOn status } } }`;
const FULL = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { status certificate { number level holderName issuedOn status occupation { code name } issuer { name } } } }`;
const bodies = (q: string) => sample.map((s) => JSON.stringify({ query: q, variables: { n: s.number, h: s.name } }));

async function check(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const json = (await res.json()) as { data?: { verifyCertificate?: { status: string } }; errors?: unknown };
  if (res.status !== 200 || json.errors || json.data?.verifyCertificate?.status === 'NOT_FOUND')
    throw new Error(`${url} did not verify a sampled certificate: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
}

const internal = async () => ({ 'x-hub-caller': await signInternalToken(PUBLIC_CALLER) });
await check(GATEWAY, bodies(LOCAL)[0] as string);
await check(SUBGRAPH, bodies(LOCAL)[0] as string, await internal());

// Warm-up (JIT, plan caches, connection pools), not reported.
await loadHttp('warm-up', GATEWAY, bodies(FULL), { seconds: 3, connections });

const results: Figures[] = [];
results.push(
  await loadLoop(
    'bare SQL (number + name, postgres.js pool)',
    (i) => {
      const s = sample[i % sample.length] as { number: string; name: string };
      return db.execute(
        sql`select number, level, holder_name, issued_on, status from assessment.certificates where number = ${s.number} and holder_name = ${s.name}`,
      );
    },
    { seconds, concurrency: connections },
  ),
);
results.push(
  await loadHttp('assessments subgraph direct (same selection)', SUBGRAPH, bodies(LOCAL), {
    seconds,
    connections,
    headers: await internal(),
  }),
);
results.push(await loadHttp('gateway (same selection)', GATEWAY, bodies(LOCAL), { seconds, connections }));
results.push(
  await loadHttp(
    'gateway, full verification: + occupation name + issuer name (one subgraph, @provides)',
    GATEWAY,
    bodies(FULL),
    {
      seconds,
      connections,
    },
  ),
);
report('Verification (verifyCertificate), ratios to bare SQL', results, results[0] as Figures);
const [, direct, gateway] = results as [Figures, Figures, Figures];

// What the gateway itself adds to one lookup, without queueing: one connection, one request at a
// time, direct and through the gateway back to back. (At 16 connections the p50 difference is mostly
// waiting for a core, and the gateway sends the subgraph its lookups in batches (合批) where the
// direct run sends them one by one: the throughput figures above are the measure there.)
const sequential = benchNumber('BENCH_SEQUENTIAL_SECONDS', 5);
const alone = [
  await loadHttp('assessments subgraph direct, 1 connection', SUBGRAPH, bodies(LOCAL), {
    seconds: sequential,
    connections: 1,
    headers: await internal(),
  }),
  await loadHttp('gateway, 1 connection', GATEWAY, bodies(LOCAL), { seconds: sequential, connections: 1 }),
] as [Figures, Figures];
report('One request at a time, ratios to the direct call', alone, alone[0]);

console.log(
  `\ngateway overhead at p50 over the direct subgraph call: ${(alone[1].p50 - alone[0].p50).toFixed(2)} ms one at a time; ` +
    `${(gateway.p50 - direct.p50).toFixed(2)} ms at ${connections} connections (queueing for a core; the gateway batches, the direct run does not)`,
);
await handle.close();
