import { auditEvents, auditWriter, residentIdHmac, rowsOf as resultRows } from '@hub/db';
import { startGateway } from '@hub/gateway';
import { limitsOf } from '@hub/gateway/limits';
import { signUserToken } from '@hub/platform';
import { loadConfig } from '@hub/platform/config';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInstitution, type Institution, institutionToken, residentId } from './assessments-fixtures.ts';
import { gql, partnerToken, startTestHub, type TestHub, token } from './helpers.ts';

/** 审计日志: every mutation recorded — who, role, what, when, how it ended — append-only. */
let hub: TestHub;
let inst: Institution;

const WORKER = `mutation RegisterOne($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code } } }`;
const ADD_WORK_TYPE = `mutation { addWorkType(occupationCode: "6-18-02-04", name: "审计测试工种") { errors { code } } }`;
const LIST = `query($f: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $f, first: $first, after: $after) {
    edges { node { id at service operationName field role sub enterpriseId prefecture credentialId outcome codes targetIds args } }
    pageInfo { hasNextPage endCursor }
  }
}`;

/** The newest audit rows of one mutation field, read straight from the table. */
const rowsOf = (field: string) =>
  hub.db.db.select().from(auditEvents).where(eq(auditEvents.field, field)).orderBy(desc(auditEvents.id));

beforeAll(async () => {
  hub = await startTestHub(1000);
  inst = await findInstitution(hub, [3]);
});
afterAll(() => hub?.stop());

describe('audit log (审计日志)', () => {
  it('records an accepted mutation as OK with who, role, enterprise and field, without the resident ID in clear', async () => {
    const rid = residentId(311, '19880808');
    const r = await gql(hub.url, WORKER, {
      token: await institutionToken(inst.id),
      variables: { i: { name: '审计测试员', residentId: rid, employedSince: '2018-03-01' } },
    });
    expect(r.data?.registerWorker.errors).toEqual([]);
    const [row] = await rowsOf('registerWorker');
    expect(row).toMatchObject({
      service: 'assessments',
      operationName: 'RegisterOne',
      field: 'registerWorker',
      role: 'enterprise',
      sub: 'committee-clerk',
      enterpriseId: inst.id,
      outcome: 'OK',
      codes: [],
    });
    expect(row?.targetIds).toContain(r.data?.registerWorker.worker.id);
    expect(Date.now() - (row?.at.getTime() ?? 0)).toBeLessThan(60_000);
    const args = JSON.stringify(row?.args);
    expect(args).not.toContain(rid);
    expect(args).not.toContain('审计测试员'); // names are dropped
    expect(row?.args).toHaveProperty('input');
    expect((row?.args as { input?: Record<string, unknown> } | undefined)?.input).toMatchObject({
      name: '[removed]',
      residentId: `430${'*'.repeat(13)}${rid.slice(-2)}`,
      employedSince: '2018-03-01T00:00:00.000Z',
    });
  });

  it('records a refused mutation (payload errors, rolled back) as REFUSED with the rule’s code', async () => {
    const r = await gql(hub.url, WORKER, {
      token: await institutionToken(inst.id),
      variables: { i: { name: '   ', residentId: residentId(312), employedSince: '2018-03-01' } },
    });
    expect(r.data?.registerWorker.errors.map((e: { code: string }) => e.code)).toEqual(['WORKER_NAME_MISSING']);
    const [row] = await rowsOf('registerWorker');
    expect(row).toMatchObject({ outcome: 'REFUSED', codes: ['WORKER_NAME_MISSING'], role: 'enterprise' });
  });

  it('records a mutation by a role that may not do it as DENIED (FORBIDDEN)', async () => {
    const r = await gql(hub.url, ADD_WORK_TYPE, { token: await token({ role: 'dashboard', sub: 'wall-screen' }) });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [row] = await rowsOf('addWorkType');
    expect(row).toMatchObject({
      service: 'occupations',
      role: 'dashboard',
      sub: 'wall-screen',
      outcome: 'DENIED',
      codes: ['FORBIDDEN'],
    });
    expect(row?.args).toMatchObject({ occupationCode: '6-18-02-04', name: '[removed]' });
  });

  it('records an unsigned mutation as DENIED (UNAUTHENTICATED)', async () => {
    const r = await gql(hub.url, ADD_WORK_TYPE);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [row] = await rowsOf('addWorkType');
    expect(row).toMatchObject({ role: 'public', outcome: 'DENIED', codes: ['UNAUTHENTICATED'] });
  });

  it('records a mutation whose token does not verify as DENIED by the gateway, and a query not at all', async () => {
    const before = await hub.db.db.select().from(auditEvents).where(eq(auditEvents.service, 'gateway'));
    const expired = await signUserToken({ role: 'admin', sub: 'old-session' }, Math.floor(Date.now() / 1000) - 60);
    const rid = residentId(317);
    const r = await gql(hub.url, WORKER.replace('RegisterOne', `Late${rid}`), {
      token: expired,
      variables: { i: { name: '过期者', residentId: rid, employedSince: '2018-03-01' } },
    });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    const [row] = await rowsOf('registerWorker');
    expect(row).toMatchObject({
      service: 'gateway',
      operationName: `Late430${'*'.repeat(13)}${rid.slice(-2)}`, // a name the caller chose: masked too
      role: 'public',
      sub: null,
      outcome: 'DENIED',
      codes: ['UNAUTHENTICATED', 'TOKEN_EXPIRED'],
    });
    expect(JSON.stringify(row?.args)).not.toContain(rid); // the same summary as every other event
    expect(JSON.stringify(row?.args)).not.toContain('过期者');
    // A query with a bad token is refused the same way, and is no audit event.
    const q = await gql(hub.url, '{ occupation(code: "6-18-01-01") { name } }', { token: 'not-a-token' });
    expect(q.status).toBe(401);
    const after = await hub.db.db.select().from(auditEvents).where(eq(auditEvents.service, 'gateway'));
    expect(after.length).toBe(before.length + 1);
  });

  it('records a mutation whose variables fail the scalar rules as INVALID, the bad resident ID masked', async () => {
    const good = residentId(313);
    const bad = `${good.slice(0, 17)}${good[17] === '0' ? '1' : '0'}`; // wrong check character
    const before = (await rowsOf('registerWorker')).length;
    const r = await gql(hub.url, WORKER, {
      token: await institutionToken(inst.id),
      variables: { i: { name: '错号', residentId: bad, employedSince: '2018-03-01' } },
    });
    expect(r.errors?.length).toBeGreaterThan(0);
    const rows = await rowsOf('registerWorker');
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toMatchObject({ service: 'assessments', outcome: 'INVALID', role: 'enterprise' });
    expect(JSON.stringify(rows[0]?.args)).not.toContain(bad);
    expect(JSON.stringify(rows[0]?.args)).not.toContain('错号');
  });

  it('records a valid mutation the gateway refuses before running it (over the cost limit) as INVALID', async () => {
    const urls = Object.fromEntries(Object.entries(hub.subgraphs).map(([n, s]) => [n, s.url]));
    const tight = await startGateway({
      port: 0,
      subgraphUrls: urls,
      audit: auditWriter(hub.db.db),
      limits: { ...limitsOf(loadConfig({})), maxCost: 2 },
    });
    try {
      const r = await gql(
        tight.url,
        `mutation Costly($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id name } errors { code field } } }`,
        {
          token: await institutionToken(inst.id),
          variables: { i: { name: '审计', residentId: residentId(316), employedSince: '2018-03-01' } },
        },
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('COST_LIMIT_EXCEEDED');
      const [row] = await rowsOf('registerWorker');
      expect(row).toMatchObject({
        service: 'gateway',
        operationName: 'Costly',
        role: 'enterprise',
        outcome: 'INVALID',
        codes: ['COST_LIMIT_EXCEEDED'],
      });
    } finally {
      await tight.close();
    }
  });

  it('records a mutation the gateway refuses itself (unknown argument, wrong built-in type) as INVALID', async () => {
    const clerk = await institutionToken(inst.id);
    const unknownArg = await gql(
      hub.url,
      `mutation Sneaky { registerWorker(input: { name: "x", residentId: "${residentId(315)}", employedSince: "2018-03-01" }, force: true) { errors { code } } }`,
      { token: clerk },
    );
    expect(unknownArg.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const [first] = await rowsOf('registerWorker');
    expect(first).toMatchObject({
      service: 'gateway',
      operationName: 'Sneaky',
      role: 'enterprise',
      enterpriseId: inst.id,
      outcome: 'INVALID',
      codes: ['GRAPHQL_VALIDATION_FAILED'],
    });
    const wrongType = await gql(
      hub.url,
      `mutation($code: OccupationCode!, $name: String!) { addWorkType(occupationCode: $code, name: $name) { errors { code } } }`,
      { token: await token({ role: 'admin' }), variables: { code: '6-18-02-04', name: 42 } },
    );
    expect(wrongType.errors?.length).toBeGreaterThan(0);
    const [second] = await rowsOf('addWorkType');
    expect(second).toMatchObject({ service: 'gateway', role: 'admin', outcome: 'INVALID', codes: ['BAD_USER_INPUT'] });
    expect(await hub.db.db.select().from(auditEvents).where(eq(auditEvents.service, 'occupations'))).toHaveLength(
      (await rowsOf('addWorkType')).length - 1,
    ); // recorded once, by the gateway only
  });

  it('records a read-only partner credential’s mutation as DENIED with PARTNER_READ_ONLY', async () => {
    const r = await gql(hub.url, WORKER, {
      token: await partnerToken(hub, inst.id),
      variables: { i: { name: '合作方', residentId: residentId(314), employedSince: '2018-03-01' } },
    });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PARTNER_READ_ONLY' });
    const [row] = await rowsOf('registerWorker');
    expect(row).toMatchObject({
      role: 'hr_partner',
      enterpriseId: inst.id,
      outcome: 'DENIED',
      codes: ['FORBIDDEN', 'PARTNER_READ_ONLY'],
    });
    expect(row?.credentialId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('lets admins and the province centre read the log, newest first, filtered and paged', async () => {
    for (const role of ['admin', 'province_center'] as const) {
      const r = await gql(hub.url, LIST, {
        token: await token({ role }),
        variables: { f: { service: 'assessments', field: 'registerWorker' }, first: 2 },
      });
      expect(r.errors).toBeUndefined();
      const nodes = r.data?.auditEvents.edges.map((e: { node: Record<string, unknown> }) => e.node);
      expect(nodes.map((n: { outcome: string }) => n.outcome)).toEqual(['DENIED', 'INVALID']);
      expect(Number(nodes[0].id)).toBeGreaterThan(Number(nodes[1].id));
      const next = await gql(hub.url, LIST, {
        token: await token({ role }),
        variables: {
          f: { service: 'assessments', field: 'registerWorker' },
          first: 5,
          after: r.data?.auditEvents.pageInfo.endCursor,
        },
      });
      expect(next.data?.auditEvents.edges.map((e: { node: { outcome: string } }) => e.node.outcome)).toEqual([
        'REFUSED',
        'OK',
      ]);
      expect(next.data?.auditEvents.pageInfo.hasNextPage).toBe(false);
    }
    const refused = await gql(hub.url, LIST, {
      token: await token({ role: 'admin' }),
      variables: { f: { outcome: 'REFUSED' } },
    });
    expect(
      refused.data?.auditEvents.edges.every((e: { node: { outcome: string } }) => e.node.outcome === 'REFUSED'),
    ).toBe(true);
    expect(refused.data?.auditEvents.edges.length).toBeGreaterThan(0);
  });

  it('refuses the log to every other role and to the public', async () => {
    const others = [
      token({ role: 'enterprise', enterpriseId: inst.id }),
      partnerToken(hub, inst.id),
      token({ role: 'city_center', prefecture: '430100' }),
      token({ role: 'ministry' }),
      token({ role: 'inspector' }),
      token({ role: 'dashboard' }),
    ];
    for (const t of await Promise.all(others)) {
      const r = await gql(hub.url, LIST, { token: t });
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(r.data?.auditEvents ?? null).toBeNull();
    }
    const anonymous = await gql(hub.url, LIST);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    const count = async () => (await hub.db.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]?.n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    const refusal = (statement: ReturnType<typeof sql>) =>
      hub.db.db.execute(statement).then(
        () => 'allowed',
        (err: Error & { cause?: Error }) => `${err.message} ${err.cause?.message ?? ''}`,
      );
    expect(await refusal(sql`update audit.events set outcome = 'OK'`)).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(sql`delete from audit.events`)).toMatch(/append-only: DELETE refused/);
    expect(await refusal(sql`truncate audit.events`)).toMatch(/append-only: TRUNCATE refused/);
    expect(await count()).toBe(before);
    const outcomes = await hub.db.db.select({ o: auditEvents.outcome }).from(auditEvents);
    expect(new Set(outcomes.map((x) => x.o))).toEqual(new Set(['OK', 'REFUSED', 'DENIED', 'INVALID']));
  });

  it('tells the client when the audit record could not be written, and keeps the change it made', async () => {
    await hub.db.db.execute(sql`alter table audit.events rename to events_away`);
    try {
      const r = await gql(hub.url, WORKER, {
        token: await institutionToken(inst.id),
        variables: { i: { name: '无审计', residentId: residentId(316), employedSince: '2018-03-01' } },
      });
      expect(r.data?.registerWorker.errors).toEqual([]);
      expect(r.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_WRITE_FAILED']);
      expect(r.errors?.[0]?.message).toMatch(/processed/);
    } finally {
      await hub.db.db.execute(sql`alter table audit.events_away rename to events`);
    }
  });
});

/** Every text the audit table holds, one string per row: columns, arrays and JSON alike. */
const everyText = async () =>
  resultRows<{ t: string }>(
    await hub.db.db.execute(
      sql`select concat_ws(' | ', service, operation_name, field, role, sub, prefecture, request_id,
            array_to_string(codes, ' '), array_to_string(target_ids, ' '), args::text) as t from audit.events`,
    ),
  ).map((r) => r.t);

describe('audit log at rest and its volume (issue #26)', () => {
  it('keeps no resident ID of a refused anonymous registerWorker, in any column or in the answer', async () => {
    const rid = residentId(318, '19910203');
    const r = await gql(hub.url, WORKER, {
      variables: { i: { name: '匿名者', residentId: rid, employedSince: '2018-03-01' } },
      headers: { 'x-request-id': `req-${rid}` },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(r)).not.toContain(rid);
    const [row] = await rowsOf('registerWorker');
    expect(row).toMatchObject({ role: 'public', outcome: 'DENIED', targetIds: [] });
    const texts = await everyText();
    expect(texts.filter((t) => t.includes(rid) || t.includes(rid.slice(0, 17)))).toEqual([]);
    expect(texts.join('\n')).not.toMatch(/(?<!\d)\d{14,17}[\dXx](?!\d)/);
  });

  it('names the resident ID a signed-in caller registered only by its lookup HMAC', async () => {
    const rid = residentId(319, '19920304');
    const r = await gql(hub.url, WORKER, {
      token: await institutionToken(inst.id),
      variables: { i: { name: '散列者', residentId: rid, employedSince: '2018-03-01' } },
    });
    expect(r.data?.registerWorker.errors).toEqual([]);
    const [row] = await rowsOf('registerWorker');
    expect(row?.targetIds).toEqual([r.data?.registerWorker.worker.id, `rid:${residentIdHmac(rid).toString('hex')}`]);
    expect((await everyText()).join('\n')).not.toContain(rid);
  });

  it('records one row for an anonymous request aliasing a refused mutation ten times', async () => {
    const before = (await rowsOf('registerWorker')).length;
    const aliases = Array.from(
      { length: 10 },
      (_, i) =>
        `w${i}: registerWorker(input: { name: "别名${i}", residentId: "${residentId(320 + i)}", employedSince: "2018-03-01" }) { errors { code } }`,
    );
    const r = await gql(hub.url, `mutation Many { ${aliases.join(' ')} }`);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const rows = await rowsOf('registerWorker');
    expect(rows.length).toBe(before + 1);
    expect(rows[0]).toMatchObject({
      role: 'public',
      outcome: 'DENIED',
      operationName: 'Many',
      targetIds: [],
      args: expect.objectContaining({ refusedFields: { registerWorker: 10 } }),
    });
    for (let i = 0; i < 10; i++) expect(JSON.stringify(rows[0])).not.toContain(residentId(320 + i));
  });
});
