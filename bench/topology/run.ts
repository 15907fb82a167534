/**
 * 证书查询 through the real topology (a benchmark, not a test; issue #31): the topology of
 * `pnpm test:topology` (a PostgreSQL primary and a streaming replica, Redis, two processes of each
 * subgraph, two gateways, HAProxy), and the same public lookup, in one run, through:
 *
 * 1. one gateway process (gateway-1, straight): the single-process figure;
 * 2. both gateways behind HAProxy, lookups read from the replica;
 * 3. one gateway of `HUB_GATEWAY_WORKERS=2` (node:cluster), straight — issue #31 point 5: two
 *    workers of one process against two processes behind the balancer, on the same cores.
 *
 * Each for BENCH_SECONDS (default 10) over BENCH_CONNECTIONS (16), with the budgets off; prints
 * median / p95 / p99 / throughput and ratios to run 1, and where the routed reads were served.
 *
 *   pnpm --filter @hub/bench topology          # as root (PostgreSQL runs as the postgres user), haproxy and redis-server installed
 */

import { freePort } from '../../test/pg-cluster.ts';
import { type Proc, startProcess } from '../../test/processes.ts';
import { startTopology } from '../../test/topology/cluster.ts';
import { benchNumber } from '../config.ts';
import { type Figures, loadHttp, report } from '../issue6/lib.ts';

const seconds = benchNumber('BENCH_SECONDS', 10);
const connections = benchNumber('BENCH_CONNECTIONS', 16);
const seedSize = benchNumber('BENCH_SEED', 20_000);
const FULL = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { status certificate { number level holderName issuedOn status occupation { code name } issuer { name } } } }`;

const topo = await startTopology({
  seedSize,
  gatewayEnv: { HUB_LOOKUP_BUDGET: '0', HUB_PUBLIC_RATE: '0', HUB_LOG_LEVEL: 'warn' },
  subgraphEnv: { HUB_LOG_LEVEL: 'warn' },
});
let clustered: Proc | undefined;
try {
  const sample = (
    await topo.primary.sql<{ number: string; holder_name: string }[]>`
      select number, holder_name from assessment.certificates tablesample system (20) repeatable (31) limit 5000`
  ).map((r) => JSON.stringify({ query: FULL, variables: { n: r.number, h: r.holder_name } }));
  const [{ n } = { n: 0 }] = await topo.primary.sql<
    { n: number }[]
  >`select count(*)::int as n from assessment.certificates`;
  console.log(`certificates: ${n}; ${sample.length} lookups sampled; ${seconds} s per run, ${connections} connections`);

  const port = await freePort();
  clustered = startProcess('gateway/src/main.ts', [], {
    ...topo.gatewayEnv,
    HUB_PORT: String(port),
    HUB_GATEWAY_WORKERS: '2',
    HUB_LOOKUP_BUDGET: '0',
    HUB_PUBLIC_RATE: '0',
  });
  await clustered.waitFor(/gateway at (\S+)/, 180_000);

  const single = topo.gateways[0]?.origin as string;
  const targets: [string, string][] = [
    ['one gateway process (gateway-1)', `${single}/graphql`],
    ['two gateways behind HAProxy, replica reads', topo.url],
    ['one gateway, node:cluster with 2 workers', `http://127.0.0.1:${port}/graphql`],
  ];
  // Warm-up of every path (JIT, plan caches, pools), not reported.
  for (const [, url] of targets) await loadHttp('warm-up', url, sample, { seconds: 3, connections });
  const before = await routedReads();
  const rows: Figures[] = [];
  for (const [name, url] of targets) rows.push(await loadHttp(name, url, sample, { seconds, connections }));
  // And the single process again: how much the machine drifted within the run.
  rows.push(await loadHttp('one gateway process again (drift)', `${single}/graphql`, sample, { seconds, connections }));
  report('证书查询 (full verification) through the topology', rows, rows[0] as Figures);
  const after = await routedReads();
  console.log(
    `\nrouted reads during the runs: replica ${after.replica - before.replica}, primary ${after.primary - before.primary}`,
  );
} finally {
  clustered?.child.kill('SIGTERM');
  await clustered?.exited;
  await topo.stop();
}

/** Routed reads so far by where they were served, over the assessments processes' /metrics. */
async function routedReads(): Promise<{ replica: number; primary: number }> {
  const sum = { replica: 0, primary: 0 };
  for (const p of topo.subgraphs.assessments) {
    const text = await (await fetch(`${p.origin}/metrics`)).text();
    for (const m of text.matchAll(/^hub_routed_reads_total\{served_by="(\w+)"\} (\d+)$/gm)) {
      if (m[1] === 'replica') sum.replica += Number(m[2]);
      else sum.primary += Number(m[2]);
    }
  }
  return sum;
}
