/**
 * 输入边界 (issue #26 point 6): every free text and date a mutation takes has a bound in its
 * subgraph's rules/input-bounds.ts; beyond it the change is refused by name and nothing is written.
 */
import { INPUT_BOUNDS as assessmentBounds } from '@hub/assessments/rules/input-bounds';
import { schema as assessments } from '@hub/assessments/schema/index';
import { auditEvents, workers } from '@hub/db';
import { INPUT_BOUNDS as enterpriseBounds } from '@hub/enterprises/rules/input-bounds';
import { schema as enterprises } from '@hub/enterprises/schema/index';
import { INPUT_BOUNDS as occupationBounds } from '@hub/occupations/rules/input-bounds';
import { schema as occupations } from '@hub/occupations/schema/index';
import { inputBoundsCoverage } from '@hub/platform/input-bounds';
import { INPUT_BOUNDS as supervisionBounds } from '@hub/supervision/rules/input-bounds';
import { schema as supervision } from '@hub/supervision/schema/index';
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInstitution, type Institution, institutionToken, residentId } from './assessments-fixtures.ts';
import { enterpriseForm, newCreditCode, REGISTER } from './enterprises-fixtures.ts';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

describe('every text and date a mutation takes has its own bound', () => {
  it.each([
    ['assessments', assessments, assessmentBounds],
    ['enterprises', enterprises, enterpriseBounds],
    ['occupations', occupations, occupationBounds],
    ['supervision', supervision, supervisionBounds],
  ] as const)('%s', (_name, schema, bounds) => {
    expect(inputBoundsCoverage(schema, bounds)).toEqual({ missing: [], unknown: [] });
  });
});

let hub: TestHub;
let inst: Institution;
beforeAll(async () => {
  hub = await startTestHub(300);
  inst = await findInstitution(hub, [3]);
});
afterAll(() => hub?.stop());

const WORKER = `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message field } } }`;
const countWorkers = async () =>
  (await hub.db.db.select({ n: sql<number>`count(*)::int` }).from(workers).where(eq(workers.institutionId, inst.id)))[0]
    ?.n;

describe('input bounds through the gateway', () => {
  it('refuses a worker name of 10,000 characters by name, and writes nothing', async () => {
    const before = await countWorkers();
    const r = await gql(hub.url, WORKER, {
      token: await institutionToken(inst.id),
      variables: { i: { name: '长'.repeat(10_000), residentId: residentId(401), employedSince: '2018-03-01' } },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data?.registerWorker).toEqual({
      worker: null,
      errors: [{ code: 'TOO_LONG', message: '姓名不超过50个字符（现为10000个）', field: 'name' }],
    });
    expect(await countWorkers()).toBe(before);
    const [row] = await hub.db.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.field, 'registerWorker'))
      .orderBy(desc(auditEvents.id));
    expect(row).toMatchObject({ outcome: 'REFUSED', codes: ['TOO_LONG'] });
  });

  it('refuses a declared certificate issued in the year 1, naming the item', async () => {
    const r = await gql(hub.url, WORKER, {
      token: await institutionToken(inst.id),
      variables: {
        i: {
          name: '边界',
          residentId: residentId(402),
          employedSince: '2018-03-01',
          declaredCredentials: [
            {
              kind: 'SKILL_LEVEL_CERTIFICATE',
              occupationCode: '6-18-01-01',
              level: 'LEVEL_4',
              number: 'A1',
              issuer: '某中心',
              issuedOn: '0001-01-01',
            },
          ],
        },
      },
    });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(r.data?.registerWorker.errors).toMatchObject([
      { code: 'DATE_OUT_OF_RANGE', field: 'declaredCredentials.0.issuedOn' },
    ]);
  });

  it('refuses an enterprise founded on 0001-01-01, and registers none', async () => {
    const creditCode = newCreditCode('430200');
    const r = await gql(hub.url, REGISTER, {
      token: await token({ role: 'province_center', sub: 'bounds' }),
      variables: { creditCode, affiliation: 'LOCAL', input: enterpriseForm({ foundedOn: '0001-01-01' }) },
    });
    expect(r.data?.registerEnterprise).toMatchObject({
      enterprise: null,
      errors: [{ code: 'DATE_OUT_OF_RANGE', field: 'foundedOn' }],
    });
    expect(r.data?.registerEnterprise.errors[0].message).toMatch(/^成立时间须在1900-01-01至/);
    const found = await gql(hub.url, `query($c: CreditCode!) { enterprise(creditCode: $c) { id } }`, {
      token: await token({ role: 'province_center' }),
      variables: { c: creditCode },
    });
    expect(found.data?.enterprise ?? null).toBeNull();
  });

  it('bounds the texts and dates a query takes too: a filter from 0001-01-01, a 300-character search', async () => {
    const dashboard = await token({ role: 'dashboard', sub: 'bounds-wall' });
    const stats = await gql(
      hub.url,
      `query($f: StatisticsFilter) { assessmentStatistics(groupBy: [LEVEL], filter: $f) { certificatesIssued } }`,
      { token: dashboard, variables: { f: { from: '0001-01-01' } } },
    );
    expect(stats.data?.assessmentStatistics ?? null).toBeNull();
    expect(stats.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DATE_OUT_OF_RANGE' });
    const search = await gql(
      hub.url,
      `query($s: String) { occupations(search: $s, first: 1) { edges { node { code } } } }`,
      {
        variables: { s: '车'.repeat(300) },
      },
    );
    expect(search.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_LONG' });
    const fits = await gql(
      hub.url,
      `query($s: String) { occupations(search: $s, first: 1) { edges { node { code } } } }`,
      {
        variables: { s: '车工' },
      },
    );
    expect(fits.errors).toBeUndefined();
  });

  it('still refuses a caller who may not call the field as such, before any bound', async () => {
    const r = await gql(hub.url, WORKER, {
      variables: { i: { name: '长'.repeat(10_000), residentId: residentId(403), employedSince: '2018-03-01' } },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
