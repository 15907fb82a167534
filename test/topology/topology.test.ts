import { readdirSync } from 'node:fs';
import path from 'node:path';
import { signUserToken } from '@hub/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanFile } from '../log-scan.ts';
import { type HubProc, SUBGRAPHS, startTopology, statementCalls, type Topology, until } from './cluster.ts';
import { SERVED_BY_HEADER } from './haproxy.ts';
import { type Op, type Outcome, startLoad } from './load.ts';

/**
 * Issue #31 point 3: the hub as N processes behind a load balancer, on real engines, on one
 * machine — a PostgreSQL primary and a streaming replica, Redis, two gateways and two processes of
 * each subgraph behind HAProxy (cluster.ts builds it; docs/operations.md describes it). It shows:
 * one public budget across both gateways; one process of each kind stopping mid-load fails no
 * request but those in flight when it stopped; and, with read routing, where reads go.
 *
 * TOPOLOGY_RETRY_READS=0 runs it without HAProxy's retries of reads (the in-flight ones may fail).
 */

/** Small budgets, so the test can spend them: 6 lookups, and 10 public requests per address. */
const LOOKUP_BUDGET = 6;
const PUBLIC_BURST = 10;

let topo: Topology;
let certs: { number: string; holderName: string }[];
let dashboard: string;
let province: string;

const VERIFY = `query TopologyVerify($n: String!, $h: String!) {
  verifyCertificate(number: $n, holderName: $h) { status certificate { number level occupation { name } issuer { name } } }
}`;

interface Answer {
  status: number;
  code?: string;
  data?: Record<string, any> | null;
  servedBy: string | null;
  requestId: string | null;
}

async function post(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Answer> {
  const res = await fetch(topo.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: Record<string, any> | null;
    errors?: { extensions?: { code?: string } }[];
  };
  return {
    status: res.status,
    code: body.errors?.[0]?.extensions?.code,
    data: body.data,
    servedBy: res.headers.get(SERVED_BY_HEADER),
    requestId: res.headers.get('x-request-id'),
  };
}

beforeAll(async () => {
  topo = await startTopology({
    seedSize: 300,
    retryReads: process.env.TOPOLOGY_RETRY_READS !== '0',
    gatewayEnv: {
      HUB_LOOKUP_BUDGET: String(LOOKUP_BUDGET),
      HUB_PUBLIC_RATE: '1',
      HUB_PUBLIC_BURST: String(PUBLIC_BURST),
      // The load looks up the same few certificates from many addresses at once: no target lockout.
      HUB_LOOKUP_MISSES: '1000',
    },
  });
  certs = (
    await topo.primary.sql<{ number: string; holder_name: string }[]>`
      select number, holder_name from assessment.certificates where status = 'VALID' order by number limit 40`
  ).map((r) => ({ number: r.number, holderName: r.holder_name }));
  if (certs.length < 10) throw new Error(`the seed has ${certs.length} valid certificates`);
  dashboard = await signUserToken({ role: 'dashboard', sub: 'topology-wall' });
  province = await signUserToken({ role: 'province_center', sub: 'topology-province' });
});

afterAll(async () => {
  await topo?.stop();
});

describe('the topology', () => {
  it('streams the primary to a replica made by pg_basebackup', async () => {
    const [standby] = await topo.replica.sql`select pg_is_in_recovery() as standby`;
    expect(standby?.standby).toBe(true);
    const senders = await topo.primary.sql`select state from pg_stat_replication`;
    expect(senders.map((s) => s.state)).toEqual(['streaming']);
    // A write on the primary reaches the replica.
    await topo.primary.sql`create table if not exists public.topology_probe (at timestamptz)`;
    await topo.primary.sql`insert into public.topology_probe values (now())`;
    await topo.replicaCaughtUp();
    const [copied] = await topo.replica.sql`select count(*)::int as n from public.topology_probe`;
    expect(copied?.n).toBe(1);
    const count = 'select count(*)::int as n from assessment.certificates';
    const [onPrimary] = await topo.primary.sql.unsafe(count);
    const [onReplica] = await topo.replica.sql.unsafe(count);
    expect(onReplica?.n).toBe(onPrimary?.n);
  });

  it('gives a public client one budget across both gateways', async () => {
    const address = '198.51.100.77';
    const answers: Answer[] = [];
    for (let i = 0; i < PUBLIC_BURST + 2; i++) {
      const c = certs[i % certs.length] as (typeof certs)[number];
      answers.push(await post(VERIFY, { n: c.number, h: c.holderName }, { 'x-forwarded-for': address }));
    }
    const codes = answers.map((a) => (a.status === 200 && !a.code ? a.data?.verifyCertificate?.status : a.code));
    // Exactly the budget is admitted, then refused by the budget, then by the public limit — not
    // twice the budget, as two gateways counting alone would allow.
    expect(codes).toEqual([
      ...Array(LOOKUP_BUDGET).fill('VALID'),
      ...Array(PUBLIC_BURST - LOOKUP_BUDGET).fill('LOOKUP_BUDGET_EXCEEDED'),
      ...Array(2).fill('TOO_MANY_REQUESTS'),
    ]);
    // Both gateways served admitted lookups: HAProxy names the process, and its own access log has the request.
    const admitted = answers.slice(0, LOOKUP_BUDGET);
    expect(new Set(admitted.map((a) => a.servedBy))).toEqual(new Set(topo.gateways.map((g) => g.name)));
    // (A gateway writes its access line as the answer leaves, asynchronously: it may come a little later.)
    for (const a of answers) {
      const served = topo.gateways.find((g) => g.name === a.servedBy) as HubProc;
      const other = topo.gateways.find((g) => g !== served) as HubProc;
      const line = `"reqId":"${a.requestId}"`;
      await until(`${served.name} logging ${a.requestId}`, () => served.proc.output().includes(line), 10_000);
      expect(other.proc.output()).not.toContain(line);
    }
  });

  // Read routing (issue #31 point 2) lands separately; its checks go here, before the kills below.
  describe('read routing', () => {
    it('serves 证书查询 lookups from the replica', async () => lookupsAreServedByTheReplica(topo));
    it(
      'sends reads to the primary when the replica stops, and back when it returns',
      async () => replicaStoppingSendsReadsToThePrimary(topo),
      180_000,
    );
  });

  it('fails no request but those in flight when one process of each kind stops mid-load', async () => {
    let address = 0;
    const publicClient = () => {
      address++;
      return { 'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` };
    };
    let lookup = 0;
    const ops: Op[] = [
      {
        name: 'verifyCertificate (public)',
        query: VERIFY,
        variables: () => {
          const c = certs[lookup++ % certs.length] as (typeof certs)[number];
          return { n: c.number, h: c.holderName };
        },
        headers: publicClient,
        answered: (d) => d?.verifyCertificate?.status === 'VALID' && !!d.verifyCertificate.certificate.issuer.name,
      },
      {
        name: 'catalog (public)',
        query: '{ catalog(first: 5) { edges { node { institutionCode enterprise { name } } } } }',
        headers: publicClient,
        answered: (d) => Array.isArray(d?.catalog?.edges),
      },
      {
        name: 'assessmentStatistics (dashboard)',
        query: '{ assessmentStatistics(groupBy: [PREFECTURE]) { keys { value label } candidates certificatesIssued } }',
        headers: () => ({ authorization: `Bearer ${dashboard}` }),
        answered: (d) => Array.isArray(d?.assessmentStatistics) && d.assessmentStatistics.length > 0,
      },
      {
        name: 'certificates (province)',
        query: '{ certificates(first: 5) { edges { node { number occupation { name } issuer { name } } } } }',
        headers: () => ({ authorization: `Bearer ${province}` }),
        answered: (d) => d?.certificates?.edges?.length === 5,
      },
      {
        name: 'supervisionCases (province)',
        query: '{ supervisionCases(first: 5) { edges { node { id status enterprise { name } } } } }',
        headers: () => ({ authorization: `Bearer ${province}` }),
        answered: (d) => Array.isArray(d?.supervisionCases?.edges),
      },
    ];

    // One process of each kind, with a crash (SIGKILL) and a clean stop (SIGTERM) among them.
    const victims: [HubProc, NodeJS.Signals][] = [
      [topo.gateways[1] as HubProc, 'SIGKILL'],
      [topo.subgraphs.enterprises[1] as HubProc, 'SIGTERM'],
      [topo.subgraphs.occupations[1] as HubProc, 'SIGKILL'],
      [topo.subgraphs.assessments[1] as HubProc, 'SIGKILL'],
      [topo.subgraphs.supervision[1] as HubProc, 'SIGTERM'],
    ];
    const load = startLoad(topo.url, ops, 8);
    const kills: { name: string; signal: string; at: number; goneAt: number; inFlight: number; onIt?: number }[] = [];
    try {
      await load.completed(40); // warm
      for (const [victim, signal] of victims) {
        // In flight: at the client, and (as HAProxy counts them) on the process itself.
        const onIt = (await topo.stat()).find((r) => r.svname === victim.name)?.scur;
        const inFlight = load.inFlight();
        const { at, goneAt } = await victim.kill(signal);
        kills.push({ name: victim.name, signal, at, goneAt, inFlight, onIt });
        await load.completed(25);
      }
      await topo.waitServers(
        'DOWN',
        victims.map(([v]) => v.name),
      );
      await load.completed(60); // on the survivors alone
    } finally {
      await load.stop();
    }
    const outcomes = load.outcomes;

    // In flight at a kill: started before the process was gone, ended after the signal.
    const inFlightAt = (o: Outcome) => kills.find((k) => o.start <= k.goneAt && o.end >= k.at);
    const exposed = outcomes.filter((o) => inFlightAt(o));
    const failed = outcomes.filter((o) => !o.ok);
    const stat = await topo.stat();
    const backends = stat.filter((r) => r.svname === 'BACKEND');
    console.log(
      [
        `topology load: ${outcomes.length} requests, ${failed.length} failed, ${exposed.length} in flight at a kill`,
        ...kills.map(
          (k) =>
            `  ${k.signal} ${k.name}: ${k.goneAt - k.at} ms to exit; in flight ${k.inFlight} at the client, ${k.onIt} on it`,
        ),
        ...failed.map((o) => `  failed: ${o.op} (${o.problem}) on ${o.servedBy ?? '?'}`),
        `  HAProxy retries / redispatches: ${backends.map((b) => `${b.pxname} ${b.wretr}/${b.wredis}`).join(', ')}`,
      ].join('\n'),
    );

    // Every failure was a request in flight when a process stopped; none before, none after.
    expect(failed.filter((o) => !inFlightAt(o)).map((o) => `${o.op}: ${o.problem}`)).toEqual([]);
    expect(failed.length).toBeLessThanOrEqual(exposed.length);
    // After the last kill the survivors serve every kind of read, through one gateway.
    const last = Math.max(...kills.map((k) => k.goneAt));
    const after = outcomes.filter((o) => o.start > last);
    for (const op of ops) expect(after.filter((o) => o.op === op.name && o.ok).length).toBeGreaterThan(0);
    expect(new Set(after.map((o) => o.servedBy))).toEqual(new Set([topo.gateways[0]?.name]));
    // HAProxy took the stopped processes out and kept the others.
    const state = (name: string) => stat.find((r) => r.svname === name)?.status;
    for (const [v] of victims) expect(state(v.name)).toMatch(/^DOWN/);
    for (const pool of [topo.gateways, ...SUBGRAPHS.map((n) => topo.subgraphs[n])])
      expect(state((pool[0] as HubProc).name)).toBe('UP');
  });

  it('writes no resident ID into any log', () => {
    for (const file of readdirSync(topo.logs)) {
      expect(scanFile(path.join(topo.logs, file)), file).toEqual([]);
    }
  });
});

/**
 * Read routing (issue #31 point 2): 证书查询 lookups through the balancer are read on the replica.
 * To be written with it, e.g.: the assessments processes' `/metrics`
 * (`${proc.origin}/metrics`, hub_routed_reads_total{served_by}) and `/ready` (`details.replica`),
 * or the clusters' own counts (`statementCalls(topo.replica, 'certificates')`: pg_stat_statements
 * is loaded on both), before and after a few lookups.
 */
async function lookupsAreServedByTheReplica(t: Topology): Promise<void> {
  await until('both assessments processes read the replica', async () =>
    (await Promise.all(t.subgraphs.assessments.map(replicaState))).every((r) => r.reads === 'replica'),
  );
  const before = await routedReads(t);
  const onReplica = await statementCalls(t.replica, 'holder_name');
  const answers = await lookupsFromFreshAddresses(8);
  expect(answers).toEqual(Array(8).fill('VALID'));
  const after = await routedReads(t);
  expect(after.replica - before.replica).toBeGreaterThanOrEqual(8);
  expect(after.primary - before.primary).toBe(0);
  // The replica's own statistics agree: the lookups' statements ran there.
  expect(await statementCalls(t.replica, 'holder_name')).toBeGreaterThan(onReplica);
}

/**
 * Read routing (issue #31 point 2): with the replica stopped (`topo.replica.stop()`, later
 * `topo.replica.start()` and `topo.replicaCaughtUp()`), lookups still answer, from the primary,
 * and /ready shows the replica unreachable.
 */
async function replicaStoppingSendsReadsToThePrimary(t: Topology): Promise<void> {
  t.replica.stop();
  try {
    // From the first request after the stop on, every lookup answers (read again on the primary).
    expect(await lookupsFromFreshAddresses(8)).toEqual(Array(8).fill('VALID'));
    await until('both assessments processes see the replica gone', async () =>
      (await Promise.all(t.subgraphs.assessments.map(replicaState))).every(
        (r) => r.reads === 'primary' && r.reason === 'unreachable',
      ),
    );
    const before = await routedReads(t);
    expect(await lookupsFromFreshAddresses(4)).toEqual(Array(4).fill('VALID'));
    expect((await routedReads(t)).primary - before.primary).toBeGreaterThanOrEqual(4);
  } finally {
    t.replica.start();
  }
  await until(
    'the replica serves again',
    async () => (await Promise.all(t.subgraphs.assessments.map(replicaState))).every((r) => r.reads === 'replica'),
    90_000,
  );
}

let freshAddress = 0;
/** Public lookups of different certificates, each from an address of its own (no budget in the way). */
async function lookupsFromFreshAddresses(n: number): Promise<(string | undefined)[]> {
  const out: (string | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    freshAddress++;
    const c = certs[freshAddress % certs.length] as (typeof certs)[number];
    const a = await post(
      VERIFY,
      { n: c.number, h: c.holderName },
      { 'x-forwarded-for': `203.0.113.${freshAddress % 250}` },
    );
    out.push(a.status === 200 && !a.code ? a.data?.verifyCertificate?.status : a.code);
  }
  return out;
}

/** What an assessments process's /ready says of the replica. */
async function replicaState(p: HubProc): Promise<{ reads: string; reason?: string }> {
  const res = await fetch(`${p.origin}/ready`);
  return ((await res.json()) as { details: { replica: { reads: string; reason?: string } } }).details.replica;
}

/** Routed reads so far by where they were served, summed over the assessments processes' /metrics. */
async function routedReads(t: Topology): Promise<{ replica: number; primary: number }> {
  const sum = { replica: 0, primary: 0 };
  for (const p of t.subgraphs.assessments) {
    const text = await (await fetch(`${p.origin}/metrics`)).text();
    for (const m of text.matchAll(/^hub_routed_reads_total\{served_by="(\w+)"\} (\d+)$/gm)) {
      if (m[1] === 'replica') sum.replica += Number(m[2]);
      else sum.primary += Number(m[2]); // primary, and fallbacks read again there
    }
  }
  return sum;
}
