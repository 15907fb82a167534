import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { certificates, enterprises, evaluationPlans, filings } from '@hub/db';
import { ACCESS_MATRIX, type AccessLevel, CALLERS, type Caller, matrixCoverage, type Operation } from '@hub/platform';
import { makeCreditCode, residentIdCheckChar } from '@hub/vocabulary';
import { eq, ne, type SQL } from 'drizzle-orm';
import {
  buildASTSchema,
  GraphQLEnumType,
  type GraphQLField,
  GraphQLInputObjectType,
  type GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  getNamedType,
  isCompositeType,
  isNonNullType,
  parse,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerTokens, gql, partnerToken, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 权限矩阵 (issue #8, acceptance 1): every Query and Mutation field of the committed supergraph, as
 * every role and as the public, through the real gateway, against ACCESS_MATRIX. Only the door is
 * checked here (FORBIDDEN / UNAUTHENTICATED or not); NOT_FOUND, BAD_USER_INPUT or payload errors
 * on a random id are fine. A field without a row fails the first test.
 */

const SUPERGRAPH = new URL('../schema/supergraph.graphql', import.meta.url);
const schema = buildASTSchema(parse(readFileSync(SUPERGRAPH, 'utf8')), { assumeValidSDL: true });

type RootKind = 'Query' | 'Mutation';
const rootFields = (kind: RootKind): GraphQLField<unknown, unknown>[] => {
  const type = kind === 'Query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(type?.getFields() ?? {}).filter((f) => !f.name.startsWith('_'));
};
const OPERATIONS = (['Query', 'Mutation'] as const).flatMap((kind) =>
  rootFields(kind).map((field) => ({ kind, field, key: `${kind}.${field.name}` })),
);

// ── A minimal valid operation for a field, synthesized from the schema ──

// Fresh codes per request, so that callers allowed to create records never race on one key.
const ORG_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const pick = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');
const creditCode = () => makeCreditCode('9', '1', '430100', pick(ORG_ALPHABET, 8));
const residentId = () => {
  const first17 = `43010219900101${pick('0123456789', 3)}`;
  return first17 + residentIdCheckChar(first17);
};

const SCALARS: Record<string, () => unknown> = {
  ID: () => randomUUID(),
  String: () => 'x',
  Int: () => 1,
  Float: () => 1,
  Boolean: () => false,
  CreditCode: creditCode,
  ResidentId: residentId,
  OccupationCode: () => '6-18-01-01',
  Date: () => '2026-03-02',
  DateTime: () => '2026-03-02T08:00:00.000Z',
};

function valueFor(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return valueFor(type.ofType);
  if (type instanceof GraphQLList) return [valueFor(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0]?.value;
  if (type instanceof GraphQLInputObjectType) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(type.getFields())) {
      if (isNonNullType(f.type) && f.defaultValue === undefined) out[f.name] = valueFor(f.type);
    }
    return out;
  }
  if (type instanceof GraphQLScalarType) {
    const make = SCALARS[type.name];
    if (!make) throw new Error(`no sample value for scalar ${type.name}: add one to SCALARS`);
    return make();
  }
  throw new Error(`unexpected input type ${String(type)}`);
}

function operationFor(kind: RootKind, field: GraphQLField<unknown, unknown>) {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const defs = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  // A holder name of its own per request: the lookup budget locks a name (with a birth date) after a
  // few identity lookups that find nothing, and that refusal (HTTP 429) is not the door's.
  const variables = Object.fromEntries(
    required.map((a) => [a.name, a.name === 'holderName' ? `门${pick(ORG_ALPHABET, 6)}` : valueFor(a.type)]),
  );
  const returned = getNamedType(field.type);
  const selection = isCompositeType(returned) ? ' { __typename }' : '';
  const query = `${kind === 'Query' ? 'query' : 'mutation'} Door${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`;
  return { query, variables };
}

// ── Callers ──

let hub: TestHub;
let ownEnterprise: { id: string; prefectureCode: string };

let tokens: ReturnType<typeof callerTokens> | undefined;

/** The one place tests get a token for a caller (undefined: no token, the public). */
function tokenFor(caller: Caller): Promise<string | undefined> {
  tokens ??= callerTokens(hub, { enterpriseId: ownEnterprise.id, prefecture: '430100', subPrefix: 'matrix' });
  return tokens(caller);
}

interface Mismatch {
  operation: string;
  caller: Caller;
  expected: AccessLevel;
  got: string;
}

async function checkDoor(
  op: (typeof OPERATIONS)[number],
  caller: Caller,
  tokens: Map<Caller, string | undefined>,
): Promise<Mismatch | null> {
  const expected: AccessLevel = ACCESS_MATRIX[op.key as Operation][caller];
  const { query, variables } = operationFor(op.kind, op.field);
  const tok = tokens.get(caller);
  const r = await gql(hub.url, query, { variables, ...(tok ? { token: tok } : {}) });
  const errors = r.errors ?? [];
  const codes = errors.map((e) => `${e.extensions?.code ?? '?'}${e.path ? `@${e.path.join('.')}` : ''}`);
  const got = `HTTP ${r.status} ${codes.join(', ') || 'no error'}`;
  // An error without a path means the operation never ran (a synthesis bug or a gateway refusal);
  // an internal error is never an answer, whatever the door says.
  if (r.status !== 200 || errors.some((e) => !e.path || e.extensions?.code === 'INTERNAL_SERVER_ERROR'))
    return { operation: op.key, caller, expected, got };
  // The door (scope-auth) refuses with a bare FORBIDDEN / UNAUTHENTICATED; a refusal behind an open door
  // names its reach rule (reason NOT_YOUR_ENTERPRISE, NOT_YOUR_PREFECTURE, …) and is not the door's.
  const door = errors.filter(
    (e) =>
      e.path?.[0] === op.field.name &&
      (e.extensions?.code === 'UNAUTHENTICATED' || (e.extensions?.code === 'FORBIDDEN' && !e.extensions?.reason)),
  );
  if (expected === 'denied') {
    const code = caller === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
    return door.some((e) => e.extensions?.code === code) ? null : { operation: op.key, caller, expected, got };
  }
  return door.length === 0 ? null : { operation: op.key, caller, expected, got };
}

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i] as T);
      }
    }),
  );
  return out;
}

beforeAll(async () => {
  hub = await startTestHub();
  // The enterprise callers act for an enterprise of 430100 that has issued certificates.
  const [c] = await hub.db.db
    .select({ id: certificates.enterpriseId, prefectureCode: certificates.prefectureCode })
    .from(certificates)
    .where(eq(certificates.prefectureCode, '430100'))
    .limit(1);
  if (!c) throw new Error('the seed has no certificate in 430100');
  ownEnterprise = c;
});

afterAll(async () => {
  await hub?.stop();
});

describe('access matrix', () => {
  it('has exactly one row per Query and Mutation field of the supergraph', () => {
    const { missing, unknown } = matrixCoverage(OPERATIONS.map((o) => o.key));
    expect({ missing, unknown }).toEqual({ missing: [], unknown: [] });
    expect(OPERATIONS.length).toBeGreaterThan(80);
  });

  it('lets a partner HR system prepare results but never sign them off nor name the committee (#25 point 4)', () => {
    for (const op of [
      'Mutation.reviewResults',
      'Mutation.appointCommitteeMember',
      'Mutation.removeCommitteeMember',
    ] as const) {
      expect([op, ACCESS_MATRIX[op].enterprise, ACCESS_MATRIX[op].hr_partner]).toEqual([
        op,
        'own_enterprise',
        'denied',
      ]);
    }
    for (const op of [
      'Mutation.recordScores',
      'Mutation.recordExaminedMaterial',
      'Mutation.recordCandidateEvidence',
      'Mutation.recordReviewDefence',
    ] as const) {
      expect([op, ACCESS_MATRIX[op].hr_partner]).toEqual([op, 'own_enterprise']);
    }
  });

  it('synthesizes a valid operation for every root field', () => {
    for (const op of OPERATIONS) {
      const { query } = operationFor(op.kind, op.field);
      expect(() => parse(query), op.key).not.toThrow();
    }
  });

  it('lets through exactly the callers the matrix admits, for every field × every caller, through the gateway', async () => {
    const tokens = new Map<Caller, string | undefined>();
    for (const c of CALLERS) tokens.set(c, await tokenFor(c));
    const cells = OPERATIONS.flatMap((op) => CALLERS.map((caller) => ({ op, caller })));
    const started = Date.now();
    const results = await pool(cells, 8, ({ op, caller }) => checkDoor(op, caller, tokens));
    const mismatches = results.filter((m): m is Mismatch => m !== null);
    console.log(
      `access matrix: ${OPERATIONS.length} fields × ${CALLERS.length} callers = ${cells.length} requests, ` +
        `${cells.length - mismatches.length} as expected, ${mismatches.length} not, in ${Date.now() - started} ms`,
    );
    expect(mismatches).toEqual([]);
  }, 180_000);

  it('refuses every mutation the matrix opens to hr_partner when its credential is read-only (the default): FORBIDDEN, PARTNER_READ_ONLY', async () => {
    const readOnly = await partnerToken(hub, ownEnterprise.id, { name: 'matrix read-only partner' });
    const open = OPERATIONS.filter(
      (op) => op.kind === 'Mutation' && ACCESS_MATRIX[op.key as Operation].hr_partner !== 'denied',
    );
    expect(open.length).toBeGreaterThan(10);
    const results = await pool(open, 8, async (op) => {
      const { query, variables } = operationFor(op.kind, op.field);
      const r = await gql(hub.url, query, { variables, token: readOnly });
      return { op: op.key, reasons: (r.errors ?? []).map((e) => `${e.extensions?.code}/${e.extensions?.reason}`) };
    });
    for (const r of results) expect(r.reasons, r.op).toEqual(['FORBIDDEN/PARTNER_READ_ONLY']);
  }, 120_000);
});

describe('a legal-person token before its enterprise is registered (法人认证, #24 point 10)', () => {
  it('passes the enterprise doors without an internal error, and counts no record in any own-enterprise list', async () => {
    const legal = await token({ role: 'enterprise', creditCode: creditCode(), sub: 'matrix legal person' });
    const open = OPERATIONS.filter((op) => ACCESS_MATRIX[op.key as Operation].enterprise !== 'denied');
    expect(open.length).toBeGreaterThan(20);
    const results = await pool(open, 8, async (op) => {
      const { query, variables } = operationFor(op.kind, op.field);
      const r = await gql(hub.url, query, { variables, token: legal });
      const internal = (r.errors ?? []).filter((e) => !e.path || e.extensions?.code === 'INTERNAL_SERVER_ERROR');
      return r.status === 200 && internal.length === 0 ? null : { op: op.key, status: r.status, internal };
    });
    expect(results.filter((r) => r !== null)).toEqual([]);

    // Every own-enterprise list with a total: nothing to count before registration.
    const lists = OPERATIONS.filter((op) => {
      const returned = getNamedType(op.field.type);
      return (
        op.kind === 'Query' &&
        ACCESS_MATRIX[op.key as Operation].enterprise === 'own_enterprise' &&
        'getFields' in returned &&
        'totalCount' in (returned as { getFields: () => Record<string, unknown> }).getFields()
      );
    });
    expect(lists.length).toBeGreaterThan(2);
    for (const op of lists) {
      const { query, variables } = operationFor(op.kind, op.field);
      const r = await gql(hub.url, query.replace('{ __typename }', '{ totalCount }'), { variables, token: legal });
      expect(r.data?.[op.field.name]?.totalCount ?? 0, op.key).toBe(0);
    }
  }, 120_000);
});

// ── The reach behind an open door: own enterprise, own 市州 (属地管理) ──

describe('reach behind the door', () => {
  const CERT = 'query($n: String!) { certificate(number: $n) { number } }';
  const CERTS = 'query { certificates(first: 100) { edges { node { number } } } }';

  async function certificateOf(where: SQL) {
    const [c] = await hub.db.db
      .select({ number: certificates.number, enterpriseId: certificates.enterpriseId })
      .from(certificates)
      .where(where)
      .limit(1);
    if (!c) throw new Error('the seed has no such certificate');
    return c;
  }

  it('an enterprise reads its own certificate, not another enterprise’s (own_enterprise)', async () => {
    const ent = await tokenFor('enterprise');
    const own = await certificateOf(eq(certificates.enterpriseId, ownEnterprise.id));
    const other = await certificateOf(ne(certificates.enterpriseId, ownEnterprise.id));
    const mine = await gql(hub.url, CERT, { token: ent, variables: { n: own.number } });
    expect(mine.data?.certificate?.number).toBe(own.number);
    const theirs = await gql(hub.url, CERT, { token: ent, variables: { n: other.number } });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data?.certificate).toBeNull();
    const list = await gql(hub.url, CERTS, { token: await tokenFor('hr_partner') });
    const numbers: string[] = list.data?.certificates.edges.map((e: { node: { number: string } }) => e.node.number);
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toContain(own.number);
    expect(numbers).not.toContain(other.number);
  });

  it('a city centre of 430100 reads 430100 records, not a 430200 certificate, plan or filing (own_prefecture)', async () => {
    const city = await tokenFor('city_center');
    const here = await certificateOf(eq(certificates.prefectureCode, '430100'));
    const there = await certificateOf(eq(certificates.prefectureCode, '430200'));
    expect((await gql(hub.url, CERT, { token: city, variables: { n: here.number } })).data?.certificate?.number).toBe(
      here.number,
    );
    expect((await gql(hub.url, CERT, { token: city, variables: { n: there.number } })).data?.certificate).toBeNull();

    const [plan] = await hub.db.db
      .select({ id: evaluationPlans.id })
      .from(evaluationPlans)
      .where(eq(evaluationPlans.prefectureCode, '430200'))
      .limit(1);
    if (!plan) throw new Error('the seed has no plan in 430200');
    const p = await gql(hub.url, 'query($id: ID!) { evaluationPlan(id: $id) { id } }', {
      token: city,
      variables: { id: plan.id },
    });
    expect(p.errors).toBeUndefined();
    expect(p.data?.evaluationPlan).toBeNull();
    const province = await gql(hub.url, 'query($id: ID!) { evaluationPlan(id: $id) { id } }', {
      token: await tokenFor('province_center'),
      variables: { id: plan.id },
    });
    expect(province.data?.evaluationPlan?.id).toBe(plan.id);

    const [filing] = await hub.db.db
      .select({ id: filings.id })
      .from(filings)
      .innerJoin(enterprises, eq(enterprises.id, filings.enterpriseId))
      .where(eq(enterprises.prefectureCode, '430200'))
      .limit(1);
    if (!filing) throw new Error('the seed has no filing in 430200');
    const f = await gql(hub.url, 'query($id: ID!) { filing(id: $id) { id } }', {
      token: city,
      variables: { id: filing.id },
    });
    expect(f.data?.filing).toBeNull();

    const list = await gql(hub.url, 'query { enterprises(first: 100) { edges { node { prefecture { code } } } } }', {
      token: city,
    });
    const codes = new Set(
      list.data?.enterprises.edges.map((e: { node: { prefecture: { code: string } } }) => e.node.prefecture.code),
    );
    expect([...codes]).toEqual(['430100']);
  });

  it('a city inspector of 430100 asking for 430200 cases is refused NOT_YOUR_PREFECTURE; the province inspector is not', async () => {
    const q = 'query { supervisionCases(prefecture: "430200", first: 5) { edges { node { id } } } }';
    const city = await gql(hub.url, q, { token: await tokenFor('inspector') });
    expect(city.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(city.errors?.[0]?.extensions?.reason).toBe('NOT_YOUR_PREFECTURE');
    const province = await gql(hub.url, q, { token: await token({ role: 'inspector', sub: 'matrix-province' }) });
    expect(province.errors).toBeUndefined();
  });

  it('a city centre’s statistics cover its own 市州 only; asking for another is refused', async () => {
    const q =
      'query($f: StatisticsFilter) { assessmentStatistics(filter: $f, groupBy: [PREFECTURE]) { keys { value } } }';
    const city = await tokenFor('city_center');
    const own = await gql(hub.url, q, { token: city });
    const keys = own.data?.assessmentStatistics.flatMap((r: { keys: { value: string }[] }) =>
      r.keys.map((k) => k.value),
    );
    expect(keys).toEqual(['430100']);
    const other = await gql(hub.url, q, { token: city, variables: { f: { prefectures: ['430200'] } } });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
