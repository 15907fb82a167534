import { buildSchema, graphql, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { describe, expect, it } from 'vitest';
import type { Claims } from '../src/auth.ts';
import { ObjectAccess, partOf, reachesOwner } from '../src/object-access.ts';

/** A plan of one institution in 430200 with two candidates, one of them a worker of an institution now in 430100. */
interface Ctx {
  caller: Claims;
}
const PLAN = { id: 'p1', enterpriseId: 'B', prefectureCode: '430200' };
const WORKERS = {
  w1: { id: 'w1', institutionId: 'B', name: '王小明', residentId: '430102199001010018' },
  w2: { id: 'w2', institutionId: 'A', name: '李四', residentId: '430102199001010026' },
};
const PREFECTURE: Record<string, string> = { A: '430100', B: '430100' }; // B moved to 430100 since the plan
const CERT = { number: 'N1', enterpriseId: 'B', prefectureCode: '430200', holderName: '王小明', plan: PLAN };

const sdl = `
  type Query { plan: Plan  plans: [Plan!]!  planOrFail: Plan!  worker(id: ID!): Worker  certificate: Certificate  edges: [Edge!]! }
  type Edge { cursor: String!  node: Plan! }
  type Plan { id: ID!  workers: [Worker!]! }
  type Worker { id: ID!  name: String!  residentId: String! }
  type Certificate { number: String!  holderName: String!  plan: Plan }
`;

function hub() {
  const schema = buildSchema(sdl);
  const q = schema.getQueryType()?.getFields() ?? {};
  q.plan!.resolve = () => PLAN;
  q.plans!.resolve = () => [PLAN];
  q.planOrFail!.resolve = () => PLAN;
  q.worker!.resolve = (_s, a) => WORKERS[a.id as keyof typeof WORKERS];
  q.certificate!.resolve = () => CERT;
  q.edges!.resolve = () => [{ cursor: 'c', node: PLAN }];
  const plan = schema.getType('Plan') as import('graphql').GraphQLObjectType;
  // A plan's workers are part of it: whoever may read the plan sees them.
  plan.getFields().workers!.resolve = (p) =>
    Object.values(WORKERS).map((w) => partOf(w, { enterpriseId: p.enterpriseId, prefectureCode: p.prefectureCode }));
  const objects = new ObjectAccess<Ctx>();
  objects.rule({ name: 'Plan' }, { owner: (p: typeof PLAN) => p });
  objects.rule(
    { name: 'Worker' },
    {
      owner: (w: (typeof WORKERS)['w1']) =>
        Promise.resolve({ enterpriseId: w.institutionId, prefectureCode: PREFECTURE[w.institutionId] ?? null }),
      personal: { name: 'name', residentId: 'residentId' },
      subject: (w: (typeof WORKERS)['w1']) => `worker:${w.id}`,
    },
  );
  objects.rule(
    { name: 'Certificate' },
    {
      owner: (c: typeof CERT) => c,
      publicFacts: ['number', 'holderName'],
      personal: { holderName: 'name' },
      subject: (c: typeof CERT) => `certificate:${c.number}`,
    },
  );
  objects.apply(schema);
  return { schema, objects };
}

const city = (prefecture: string): Ctx => ({ caller: { role: 'city_center', prefecture, sub: `city-${prefecture}` } });
const enterprise = (id: string): Ctx => ({ caller: { role: 'enterprise', enterpriseId: id, sub: `ent-${id}` } });

describe('object access (按对象授权)', () => {
  it('reaches by the record’s own 市州, not its institution’s today', () => {
    expect(reachesOwner(city('430200').caller, PLAN)).toBe(true);
    expect(reachesOwner(city('430100').caller, PLAN)).toBe(false);
    expect(reachesOwner(enterprise('B').caller, PLAN)).toBe(true);
    expect(reachesOwner({ role: 'public' }, PLAN)).toBe(false);
  });

  it('nulls a nullable field, drops a list item and an edge, refuses a non-null field with OUT_OF_REACH', async () => {
    const { schema } = hub();
    const r = await graphql({
      schema,
      source: '{ plan { id } plans { id } edges { node { id } } }',
      contextValue: city('430100'),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ plan: null, plans: [], edges: [] });
    const failed = await graphql({ schema, source: '{ planOrFail { id } }', contextValue: city('430100') });
    expect(failed.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_REACH' });
  });

  it('shows the parts of a record to whoever may read the record, and nothing else of their owners', async () => {
    const { schema } = hub();
    const old = await graphql({ schema, source: '{ plan { workers { id name } } }', contextValue: city('430200') });
    expect(old.data?.plan).toEqual({
      workers: [
        { id: 'w1', name: '王小明' },
        { id: 'w2', name: '李四' },
      ],
    });
    const direct = await graphql({ schema, source: '{ worker(id: "w2") { name } }', contextValue: city('430200') });
    expect(direct.data?.worker).toBeNull();
  });

  it('shows the public facts of a record out of reach, masked, and refuses the rest', async () => {
    const { schema } = hub();
    const r = await graphql({
      schema,
      source: '{ certificate { number holderName plan { id } } }',
      contextValue: enterprise('A'),
    });
    expect(r.data?.certificate).toEqual({ number: 'N1', holderName: '王*明', plan: null });
  });

  it('records the personal data a request read in full once, masked, the resident IDs apart for hashing', async () => {
    const { schema, objects } = hub();
    const ctx = city('430200');
    // graphql-jit, as the subgraphs run: the same rules through compiled resolvers.
    const compiled = compileQuery(schema, parse('{ plan { workers { name residentId } } certificate { holderName } }'));
    if (!isCompiledQuery(compiled)) throw new Error('did not compile');
    await compiled.query(undefined, ctx, {});
    const event = objects.takeReads(ctx, {
      service: 't',
      operationName: null,
      role: 'city_center',
      sub: 'x',
      enterpriseId: null,
      prefecture: '430200',
      credentialId: null,
      requestId: null,
    });
    expect(event).toMatchObject({ field: 'certificate,plan', codes: ['PERSONAL_DATA_READ'], outcome: 'OK' });
    expect(event?.targetIds.sort()).toEqual(['certificate:N1', 'worker:w1', 'worker:w2']);
    expect(event?.residentIds?.sort()).toEqual([WORKERS.w1.residentId, WORKERS.w2.residentId]);
    expect(JSON.stringify(event?.args)).not.toMatch(/王小明|李四|430102199001010018/);
    expect(event?.args).toMatchObject({
      read: { 'Worker.name': 2, 'Worker.residentId': 2, 'Certificate.holderName': 1 },
    });
    expect(objects.takeReads(ctx, event as never)).toBeNull(); // taken once
  });
});
