/**
 * 评价统计 under load (a benchmark, not a test): assessmentStatistics through the gateway for each
 * single dimension and for PREFECTURE×LEVEL×MONTH, each against the same aggregation as bare SQL
 * (the read function the subgraph calls) measured in the same run.
 *
 *   DATABASE_URL=postgres://… pnpm --filter @hub/bench statistics
 */
import { assessmentStatistics, createDb, type StatisticsDimension } from '@hub/db';
import { signUserToken } from '@hub/platform';
import { benchDatabaseUrl, benchNumber, benchText } from '../config.ts';
import { type Figures, loadHttp, loadLoop, report } from './lib.ts';

const GATEWAY = benchText('HUB_URL', 'http://127.0.0.1:4000/graphql');
const seconds = benchNumber('BENCH_SECONDS', 5);
const connections = benchNumber('BENCH_CONNECTIONS', 4);
if (!benchDatabaseUrl) throw new Error('set DATABASE_URL to the hub’s PostgreSQL');
const handle = await createDb({ max: connections });

const token = await signUserToken({ role: 'dashboard', sub: 'bench' });
const headers = { authorization: `Bearer ${token}` };
const QUERY = `query($g: [StatisticsDimension!]!) { assessmentStatistics(groupBy: $g) { keys { value label } candidates passed passRate certificatesIssued certificatesRevoked } }`;

const cases: StatisticsDimension[][] = [
  ['PREFECTURE'],
  ['OCCUPATION'],
  ['OCCUPATION_MAJOR_GROUP'],
  ['LEVEL'],
  ['ENTERPRISE_NATURE'],
  ['METHOD'],
  ['MONTH'],
  ['PREFECTURE', 'LEVEL', 'MONTH'],
];

const rows: Figures[] = [];
for (const groupBy of cases) {
  const name = groupBy.join('×');
  const body = JSON.stringify({ query: QUERY, variables: { g: groupBy } });
  const res = await fetch(GATEWAY, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const json = (await res.json()) as { data?: { assessmentStatistics: unknown[] }; errors?: unknown };
  if (json.errors || !json.data) throw new Error(`${name}: ${JSON.stringify(json).slice(0, 300)}`);
  const sqlRun = await loadLoop(`${name} — bare SQL`, () => assessmentStatistics(handle.db, {}, groupBy), {
    seconds,
    concurrency: connections,
  });
  const gw = await loadHttp(`${name} — gateway (${json.data.assessmentStatistics.length} rows)`, GATEWAY, [body], {
    seconds,
    connections,
    headers,
  });
  rows.push(sqlRun, gw);
  report(`Statistics by ${name}`, [sqlRun, gw], sqlRun);
}
console.log('\nSummary (gateway p50 per query):');
for (const r of rows.filter((x) => x.name.includes('gateway')))
  console.log(`  ${r.name}: p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms, ${r.rps.toFixed(0)} req/s`);
await handle.close();
