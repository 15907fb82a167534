/**
 * One gate for every request (issue #29 point 3): whichever path finally executes a request — the
 * fast path for known query texts (single or batched to the subgraph), the single-subgraph
 * passthrough, or Apollo Gateway's planned execution — the same concerns hold: size and shape
 * limits, authentication, the public rate limit, cost (also when it depends on a variable), the
 * lookup budget of 证书查询, the audit of refused mutations, and the access log line. One hub's
 * subgraphs, one gateway per path configuration; each gateway's counters show which path answered,
 * so a test proves the path it means was taken before it proves the concern held on it.
 */
import { auditEvents, auditWriter, certificates } from '@hub/db';
import { type ServedGateway, startGateway } from '@hub/gateway';
import { LOOKUP_BUDGET_DEFAULTS } from '@hub/gateway/lookup-budget';
import { logger } from '@hub/platform';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestHub, type TestHub, token } from './helpers.ts';

type Took = 'fast' | 'direct' | 'planned' | 'none';

/** The execution paths, and which one answers a query text accepted once already (a "known text"). */
const PATHS = [
  { name: 'planned execution', passthrough: false, fastPath: false, batch: false, known: 'planned' },
  { name: 'fast-path flag, no passthrough', passthrough: false, fastPath: true, batch: false, known: 'planned' },
  { name: 'passthrough', passthrough: true, fastPath: false, batch: false, known: 'direct' },
  { name: 'fast path', passthrough: true, fastPath: true, batch: false, known: 'fast' },
  { name: 'fast path, batched', passthrough: true, fastPath: true, batch: true, known: 'fast' },
] as const;
type PathName = (typeof PATHS)[number]['name'];

const RATE_BURST = 4;
const LOOKUPS = 3;

let hub: TestHub;
const gateways = new Map<PathName, ServedGateway>();
let province: string;
let admin: string;
let cert: { number: string; holderName: string };

/** The gateways' access log lines (`msg: request`), by request id. */
const accessLines = new Map<string, Record<string, unknown>>();
const write = process.stdout.write.bind(process.stdout);
let address = 0;
/** A client address of its own, so that one scenario's requests never spend another's rate limit. */
const fresh = () => `10.29.${Math.floor(++address / 250)}.${address % 250}`;

beforeAll(async () => {
  logger.level = 'info'; // before the gateways start: their access loggers take the level they are made with
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.includes('"msg":"request"')) continue;
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (parsed.service === 'gateway' && typeof parsed.reqId === 'string') accessLines.set(parsed.reqId, parsed);
      } catch {
        // not a log line
      }
    }
    return write(chunk, ...rest);
  }) as typeof process.stdout.write;
  hub = await startTestHub(300);
  const subgraphUrls = Object.fromEntries(Object.entries(hub.subgraphs).map(([n, s]) => [n, s.url]));
  for (const p of PATHS) {
    gateways.set(
      p.name,
      await startGateway({
        port: 0,
        subgraphUrls,
        passthrough: p.passthrough,
        fastPath: p.fastPath,
        batch: p.batch,
        audit: auditWriter(hub.db.db),
        // A burst, then no refill within any test's time: a refusal is the limit's, never the clock's.
        rateLimit: { perMinute: 0.001, burst: RATE_BURST, trustProxy: true },
        lookupBudget: { ...LOOKUP_BUDGET_DEFAULTS, lookups: LOOKUPS, trustProxy: true },
      }),
    );
  }
  province = await token({ role: 'province_center', sub: 'gate-province' });
  admin = await token({ role: 'admin', sub: 'gate-admin' });
  const [c] = await hub.db.db
    .select({ number: certificates.number, holderName: certificates.holderName })
    .from(certificates)
    .where(eq(certificates.status, 'VALID'))
    .orderBy(asc(certificates.number))
    .limit(1);
  cert = c as typeof cert;
});
afterAll(async () => {
  process.stdout.write = write;
  for (const g of gateways.values()) await g.close();
  await hub?.stop();
});

interface Sent {
  status: number;
  code: unknown;
  took: Took;
  requestId: string;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}
const sent: { path: PathName; requestId: string; status: number }[] = [];

/** POSTs to one path's gateway and says which path answered (from the gateway's counters). */
async function send(
  path: PathName,
  query: string,
  opts: { variables?: Record<string, unknown>; auth?: string; from?: string; operationName?: string } = {},
): Promise<Sent> {
  const g = gateways.get(path) as ServedGateway;
  const before = { ...g.passthrough, answers: g.fastAnswers.count };
  const res = await fetch(g.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': opts.from ?? fresh(),
      ...(opts.auth ? { authorization: `Bearer ${opts.auth}` } : {}),
    },
    body: JSON.stringify({ query, variables: opts.variables, operationName: opts.operationName }),
  });
  const body = (await res.json()) as Sent['body'];
  const s = g.passthrough;
  const took: Took =
    s.fast > before.fast || g.fastAnswers.count > before.answers
      ? 'fast'
      : s.ordinary > before.ordinary
        ? 'planned'
        : s.direct > before.direct
          ? 'direct'
          : 'none';
  const requestId = res.headers.get('x-request-id') ?? '';
  sent.push({ path, requestId, status: res.status });
  return { status: res.status, code: body.errors?.[0]?.extensions?.code, took, requestId, body };
}

/** Sends an accepted query until it is a known text: its last answer comes from the path's own executor. */
async function known(path: PathName, query: string, opts: Parameters<typeof send>[2] = {}) {
  await send(path, query, opts);
  return send(path, query, opts);
}

const expected = (path: PathName) => PATHS.find((p) => p.name === path)?.known as Took;

describe.each(PATHS.map((p) => p.name))('the request gate on the %s path', (path) => {
  it('answers a known text by this path (the counters prove which path the other tests exercise)', async () => {
    const r = await known(path, '{ occupation(code: "6-18-01-01") { code name } }');
    expect(r.status).toBe(200);
    expect(r.body.data?.occupation?.code).toBe('6-18-01-01');
    expect(r.took).toBe(expected(path));
  });

  it('refuses an oversized query text (413 QUERY_TOO_LARGE) and too many tokens (MAX_TOKENS_EXCEEDED)', async () => {
    const long = await send(path, `{ occupation(code: "6-18-01-01") { code } } # ${'x'.repeat(25_000)}`);
    expect([long.status, long.code, long.took]).toEqual([413, 'QUERY_TOO_LARGE', 'none']);
    const many = await send(path, `{ occupation(code: "6-18-01-01") { ${'code '.repeat(2100)}} }`);
    expect([many.code, many.took]).toEqual(['MAX_TOKENS_EXCEEDED', 'none']);
  });

  it('refuses a query too deep, with too many aliases or root fields, each with its code', async () => {
    const deep = await send(
      path,
      `{ occupation(code: "6-18-01-01") { ${'parent { '.repeat(14)}code${' }'.repeat(14)} } }`,
    );
    expect([deep.code, deep.took]).toEqual(['MAX_DEPTH_EXCEEDED', 'none']);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: name`).join(' ');
    const wide = await send(path, `{ occupation(code: "6-18-01-01") { ${aliases} } }`);
    expect([wide.code, wide.took]).toEqual(['MAX_ALIASES_EXCEEDED', 'none']);
    const roots = Array.from({ length: 11 }, (_, i) => `o${i}: occupation(code: "6-18-01-01") { code }`).join(' ');
    const many = await send(path, `{ ${roots} }`);
    expect([many.code, many.took]).toEqual(['MAX_ROOT_FIELDS_EXCEEDED', 'none']);
  });

  it('refuses a cost over the limit, also when a known text grows it through a variable', async () => {
    const q = `query($n: Int) { certificates(first: $n) { edges { node { number level issuedOn status holderName } } } }`;
    const small = await known(path, q, { auth: province, variables: { n: 5 } });
    expect(small.status).toBe(200);
    expect(small.body.data?.certificates.edges).toHaveLength(5);
    const large = await send(path, q, { auth: province, variables: { n: 10_000 } });
    expect([large.status, large.code, large.took]).toEqual([400, 'COST_LIMIT_EXCEEDED', 'none']);
  });

  it('refuses a protected field to a caller without a token, and any caller with a bad token (401)', async () => {
    const q = '{ certificates(first: 2) { edges { node { number } } } }';
    const allowed = await known(path, q, { auth: province });
    expect(allowed.body.data?.certificates.edges).toHaveLength(2);
    expect(allowed.took).toBe(expected(path));
    const anonymous = await send(path, q);
    expect(anonymous.body.data?.certificates ?? null).toBeNull();
    expect(['FORBIDDEN', 'UNAUTHENTICATED']).toContain(anonymous.code);
    expect(anonymous.took).not.toBe('fast');
    const forged = await send(path, q, { auth: 'not-a-token' });
    expect([forged.status, forged.code, forged.took]).toEqual([401, 'UNAUTHENTICATED', 'none']);
  });

  it(`limits a public client to ${RATE_BURST} requests at once (429 TOO_MANY_REQUESTS), known texts included`, async () => {
    const from = fresh();
    const q = '{ occupation(code: "6-18-01-02") { code name } }';
    const answers: Sent[] = [];
    for (let i = 0; i <= RATE_BURST; i++) answers.push(await send(path, q, { from }));
    expect(answers.map((a) => a.status)).toEqual([...Array(RATE_BURST).fill(200), 429]);
    expect(answers.at(-2)?.took).toBe(expected(path));
    expect([answers.at(-1)?.code, answers.at(-1)?.took]).toEqual(['TOO_MANY_REQUESTS', 'none']);
  });

  it('limits a burst of the same known text sent at once, answered together (合批 where batching is on)', async () => {
    const from = fresh();
    const q = '{ occupation(code: "6-18-01-03") { code name } }';
    await known(path, q); // from elsewhere: the text is known, this client's bucket untouched
    const answers = await Promise.all(
      Array.from({ length: RATE_BURST + 2 }, (_, i) =>
        send(path, `query Burst${'abcdef'[i]} { occupation(code: "6-18-01-03") { code name } }`, { from }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(RATE_BURST).fill(200), 429, 429]);
    expect(answers.filter((a) => a.status === 429).every((a) => a.code === 'TOO_MANY_REQUESTS')).toBe(true);
    // Each name a text of its own, learnt by its first answer; sent again at once, each takes the
    // path's own executor (whether the fast path's calls meet in one batch depends on timing: not asserted).
    const learnt = [...'abcdef'].filter((_, i) => answers[i]?.status === 200);
    const again = await Promise.all(
      learnt.map((c) => send(path, `query Burst${c} { occupation(code: "6-18-01-03") { code name } }`)),
    );
    expect(again.map((a) => a.took)).toEqual(Array(RATE_BURST).fill(expected(path)));
  });

  it(`budgets 证书查询 per lookup: the ${LOOKUPS + 1}th lookup of a client is refused (429 LOOKUP_BUDGET_EXCEEDED)`, async () => {
    const from = fresh();
    const q = 'query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { status } }';
    const variables = { n: cert.number, h: cert.holderName };
    const answers: Sent[] = [];
    for (let i = 0; i <= LOOKUPS; i++) answers.push(await send(path, q, { from, variables }));
    expect(answers.slice(0, LOOKUPS).map((a) => a.body.data?.verifyCertificate?.status)).toEqual(
      Array(LOOKUPS).fill('VALID'),
    );
    expect(answers.at(-2)?.took).toBe(expected(path));
    expect([answers.at(-1)?.status, answers.at(-1)?.code, answers.at(-1)?.took]).toEqual([
      429,
      'LOOKUP_BUDGET_EXCEEDED',
      'none',
    ]);
  });

  it('records a mutation it refuses (invalid document, bad token) in the audit log', async () => {
    const op = `Gate${path.replace(/[^a-z]/gi, '')}`;
    const m = (name: string) =>
      `mutation ${name} { addWorkType(occupationCode: "6-18-02-04", name: "门", force: true) { errors { code } } }`;
    const invalid = await send(path, m(`${op}Invalid`), { auth: admin });
    expect(invalid.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const denied = await send(path, m(`${op}Denied`), { auth: 'not-a-token' });
    expect(denied.status).toBe(401);
    const rows = async (name: string) =>
      hub.db.db
        .select({ outcome: auditEvents.outcome })
        .from(auditEvents)
        .where(and(eq(auditEvents.service, 'gateway'), eq(auditEvents.operationName, name)));
    expect(await rows(`${op}Invalid`)).toEqual([{ outcome: 'INVALID' }]);
    expect(await rows(`${op}Denied`)).toEqual([{ outcome: 'DENIED' }]);
  });

  it('writes one access log line per request, refusals included, with status and role', async () => {
    const mine = sent.filter((s) => s.path === path);
    expect(mine.length).toBeGreaterThan(10);
    await vi.waitFor(() => expect(mine.filter((s) => !accessLines.has(s.requestId))).toEqual([]), { timeout: 5_000 });
    for (const s of mine) expect(accessLines.get(s.requestId)).toMatchObject({ status: s.status, method: 'POST' });
  });
});
