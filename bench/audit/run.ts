/**
 * `pnpm --filter @hub/bench audit-cost`: what the audit log and partner credentials cost.
 *
 * 1. A read through the gateway as an `enterprise` (baseline) and as an `hr_partner` with a
 *    credential (one extra primary-key lookup per subgraph request), interleaved rounds.
 * 2. A mutation through the gateway (refused, so it changes nothing and can repeat), and the
 *    audit insert alone on the same database, against `select 1` as the floor.
 * Prints p50/p95 in ms and the ratios. On PGlite unless DATABASE_URL is set.
 */

import { auditWriter, createDb, enterprises, issuePartnerCredential, migrate, seed } from '@hub/db';
import { startHub } from '@hub/dev';
import { type AuditEvent, signUserToken } from '@hub/platform';
import { sql } from 'drizzle-orm';
import { benchDatabaseUrl, benchNumber } from '../config.ts';
import { percentile } from '../issue6/lib.ts';

const N = benchNumber('BENCH_N', 300);
const ROUNDS = 3;

const db = await createDb(benchDatabaseUrl ? {} : { dataDir: 'memory' });
await migrate(db);
await seed(db, { size: 1000 });
const hub = await startHub({ db, port: 0, subgraphPort: () => 0, prepare: false });
const [ent] = await db.db.select({ id: enterprises.id }).from(enterprises).limit(1);
if (!ent) throw new Error('no enterprise in the seed');
const issued = await issuePartnerCredential(db.db, { enterpriseId: ent.id, name: 'bench', createdBy: 'bench' });
if (!('token' in issued)) throw new Error('could not issue a credential');
const tokens = {
  enterprise: await signUserToken({ role: 'enterprise', enterpriseId: ent.id, sub: 'bench' }),
  partner: issued.token,
  admin: await signUserToken({ role: 'admin', sub: 'bench' }),
};

const READ = JSON.stringify({
  query: 'query($id: ID!) { enterprise(id: $id) { name creditCode } }',
  variables: { id: ent.id },
});
const MUTATE = JSON.stringify({
  query: 'mutation($id: ID!) { revokePartnerCredential(id: $id, reason: "bench") { errors { code } } }',
  variables: { id: '00000000-0000-4000-8000-000000000000' },
});

async function timed(n: number, once: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await once();
    out.push(performance.now() - t);
  }
  return out;
}

const post = (body: string, token: string) => async () => {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const json = (await res.json()) as { errors?: unknown[] };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
};

const event: AuditEvent = {
  service: 'bench',
  operationName: null,
  field: 'benchField',
  role: 'admin',
  sub: 'bench',
  enterpriseId: null,
  prefecture: null,
  credentialId: null,
  requestId: null,
  outcome: 'REFUSED',
  codes: ['CREDENTIAL_NOT_FOUND'],
  targetIds: ['00000000-0000-4000-8000-000000000000'],
  args: { id: '00000000-0000-4000-8000-000000000000', reason: 'bench' },
};
const write = auditWriter(db.db);

const runs: Record<string, number[]> = { enterprise: [], partner: [], mutation: [], auditInsert: [], select1: [] };
await timed(50, post(READ, tokens.enterprise)); // warm up
await timed(50, post(READ, tokens.partner));
await timed(20, post(MUTATE, tokens.admin));
for (let r = 0; r < ROUNDS; r++) {
  runs.enterprise?.push(...(await timed(N, post(READ, tokens.enterprise))));
  runs.partner?.push(...(await timed(N, post(READ, tokens.partner))));
  runs.mutation?.push(...(await timed(N / 3, post(MUTATE, tokens.admin))));
  runs.auditInsert?.push(...(await timed(N, () => write([event]))));
  runs.select1?.push(...(await timed(N, () => db.db.execute(sql`select 1`))));
}

const stat = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95) };
};
const f = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, stat(v)])) as Record<
  string,
  ReturnType<typeof stat>
>;
const ms = (x: number) => x.toFixed(2);
console.log(`audit/partner benchmark on ${db.kind}, ${ROUNDS} interleaved rounds`);
for (const [k, v] of Object.entries(f)) console.log(`${k.padEnd(12)} n=${v.n} p50=${ms(v.p50)} ms p95=${ms(v.p95)} ms`);
const e = f.enterprise as ReturnType<typeof stat>;
const p = f.partner as ReturnType<typeof stat>;
const m = f.mutation as ReturnType<typeof stat>;
const a = f.auditInsert as ReturnType<typeof stat>;
const s1 = f.select1 as ReturnType<typeof stat>;
console.log(`hr_partner read / enterprise read (p50): ${(p.p50 / e.p50).toFixed(2)}x (+${ms(p.p50 - e.p50)} ms)`);
console.log(`audit insert / select 1 (p50): ${(a.p50 / s1.p50).toFixed(2)}x`);
console.log(`audit insert share of a mutation through the gateway (p50): ${((100 * a.p50) / m.p50).toFixed(1)}%`);
await hub.close();
await db.close();
