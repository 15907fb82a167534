/**
 * `pnpm --filter @hub/bench identity`: the cost of looking a person's certificates up by keyed hash
 * (what `verifyCertificatesByIdentity` runs now) against the clear-column lookup it replaced, in the
 * same run, in process, on the same rows. The baseline is a scratch copy of the certificates with
 * the decrypted ID in a clear indexed `char(18)` column (as before encryption), dropped afterwards.
 *
 *   DATABASE_URL=postgres://… (or unset: in-memory PGlite seeded with BENCH_SIZE certificates, default 20000)
 *   BENCH_LOOKUPS=4000 (per variant, interleaved)
 */
import { createDb, decryptResidentId, isSeeded, migrate, residentIdLookup, rowsOf, seed } from '@hub/db';
import { sql } from 'drizzle-orm';
import { benchDatabaseUrl, benchNumber } from '../config.ts';
import { percentile } from './lib.ts';

const lookups = benchNumber('BENCH_LOOKUPS', 4000);
const handle = await createDb(benchDatabaseUrl ? {} : { dataDir: 'memory' });
await migrate(handle);
if (!(await isSeeded(handle))) await seed(handle, { size: benchNumber('BENCH_SIZE', 20000) });
const db = handle.db;

const count = rowsOf<{ n: string }>(await db.execute(sql`select count(*)::text as n from assessment.certificates`));
console.log(`${handle.kind}, ${count[0]?.n} certificates; building the clear-column baseline table…`);

// The baseline: the same rows with the ID in clear (decrypted here, in chunks), indexed as the old column was.
await db.execute(sql`drop table if exists public.bench_clear_certificates`);
await db.execute(
  sql`create table public.bench_clear_certificates as select *, null::char(18) as holder_resident_id from assessment.certificates`,
);
const all = rowsOf<{ number: string; enc: string }>(
  await db.execute(
    sql`select number, encode(holder_resident_id_enc, 'hex') as enc from assessment.certificates order by number`,
  ),
);
const people: { id: string; name: string }[] = [];
for (let i = 0; i < all.length; i += 10_000) {
  const part = all.slice(i, i + 10_000).map((r) => ({ n: r.number, id: decryptResidentId(Buffer.from(r.enc, 'hex')) }));
  await db.execute(sql`update public.bench_clear_certificates b set holder_resident_id = j->>'id'
      from json_array_elements(${JSON.stringify(part)}::text::json) j where b.number = (j->>'n')::char(22)`);
}
await db.execute(sql`create index on public.bench_clear_certificates (holder_resident_id)`);
await db.execute(sql`analyze public.bench_clear_certificates`);
await db.execute(sql`analyze assessment.certificates`);

const sample = rowsOf<{ id: string; name: string }>(
  await db.execute(
    sql`select holder_resident_id as id, holder_name as name from public.bench_clear_certificates order by md5(number) limit 2000`,
  ),
);
people.push(...sample);

const clear = (p: { id: string; name: string }) =>
  db.execute(sql`select * from public.bench_clear_certificates where holder_resident_id = ${p.id}
      and holder_name = ${p.name} order by issued_on, number limit 100`);
const hashed = (p: { id: string; name: string }) =>
  db.execute(sql`select * from assessment.certificates where holder_resident_id_hmac in (${sql.join(
    residentIdLookup(p.id).map((x) => sql`${x}`),
    sql`, `,
  )})
      and holder_name = ${p.name} order by issued_on, number limit 100`);

// Warm both, then interleave so load on the shared machine hits both alike.
for (const p of people.slice(0, 200)) {
  await clear(p);
  await hashed(p);
}
const times = { clear: [] as number[], hashed: [] as number[], hmac: [] as number[] };
for (let i = 0; i < lookups; i++) {
  const p = people[i % people.length] as { id: string; name: string };
  const t0 = performance.now();
  residentIdLookup(p.id);
  times.hmac.push(performance.now() - t0);
  for (const [name, run] of i % 2
    ? ([
        ['clear', clear],
        ['hashed', hashed],
      ] as const)
    : ([
        ['hashed', hashed],
        ['clear', clear],
      ] as const)) {
    const t = performance.now();
    const found = rowsOf(await run(p));
    times[name].push(performance.now() - t);
    if (!found.length) throw new Error(`${name} lookup found nothing`);
  }
}
await db.execute(sql`drop table public.bench_clear_certificates`);

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
};
const c = stats(times.clear);
const h = stats(times.hashed);
const ms = (x: number) => x.toFixed(3);
console.log(`\n${lookups} lookups each, sequential, in process (ms):`);
console.log('| lookup | p50 | p95 | p99 | p50 / clear |');
console.log('| --- | ---: | ---: | ---: | ---: |');
console.log(`| clear char(18) column (before) | ${ms(c.p50)} | ${ms(c.p95)} | ${ms(c.p99)} | 1.00 |`);
console.log(
  `| HMAC bytea column (now, HMAC included) | ${ms(h.p50)} | ${ms(h.p95)} | ${ms(h.p99)} | ${(h.p50 / c.p50).toFixed(2)} |`,
);
const k = stats(times.hmac);
console.log(
  `| of which computing the HMAC | ${ms(k.p50)} | ${ms(k.p95)} | ${ms(k.p99)} | ${(k.p50 / c.p50).toFixed(2)} |`,
);
await handle.close();
