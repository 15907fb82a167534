import { enterprises, filingScopes, filings, filingTransitions, occupations, workTypes } from '@hub/db';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actors,
  actors,
  CREATE,
  enterpriseForm,
  fileAndSubmit,
  filingForm,
  newCreditCode,
  REGISTER,
  REVIEW,
  register,
  SUBMIT,
  UPDATE,
} from './enterprises-fixtures.ts';
import { gql, partnerToken, startTestHub, type TestHub, token } from './helpers.ts';

let hub: TestHub;
let a: Actors;
beforeAll(async () => {
  hub = await startTestHub(300);
  a = await actors();
});
afterAll(() => hub?.stop());

/** Everything the enterprises domain holds, to prove a refusal changed nothing. */
async function snapshot() {
  const { db } = hub.db;
  const n = async (t: typeof enterprises | typeof filings | typeof filingScopes | typeof filingTransitions) =>
    (await db.select({ n: count() }).from(t))[0]?.n;
  const versions = await db
    .select({ id: filings.id, status: filings.status, version: filings.version })
    .from(filings)
    .orderBy(filings.id);
  return {
    enterprises: await n(enterprises),
    filings: await n(filings),
    scopes: await n(filingScopes),
    transitions: await n(filingTransitions),
    versions,
  };
}

async function expectRefused(result: Promise<{ data?: any; errors?: any[] }>, field: string, code: string) {
  const before = await snapshot();
  const r = await result;
  const errors = r.data?.[field]?.errors ?? [];
  expect(
    errors.map((e: any) => e.code),
    JSON.stringify(r),
  ).toContain(code);
  expect(errors.every((e: any) => e.message.length > 10)).toBe(true);
  expect(await snapshot()).toEqual(before);
  return errors;
}

describe('refused filing actions name the rule and change nothing', () => {
  it('refuses a city opinion from another 市州 (NOT_YOUR_PREFECTURE)', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const f = await fileAndSubmit(hub.url, await a.enterprise(id));
    await expectRefused(
      gql(hub.url, REVIEW, { token: await a.city('430100'), variables: { id: f.id, d: 'APPROVE', o: '同意' } }),
      'reviewFiling',
      'NOT_YOUR_PREFECTURE',
    );
  });

  it('refuses a review in the wrong state, and by the wrong reviewer', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const f = await fileAndSubmit(hub.url, await a.enterprise(id));
    await expectRefused(
      gql(hub.url, REVIEW, { token: a.ministry, variables: { id: f.id, d: 'APPROVE' } }),
      'reviewFiling',
      'WRONG_REVIEWER',
    );
    await expectRefused(
      gql(hub.url, REVIEW, { token: a.province, variables: { id: f.id, d: 'APPROVE', o: '同意' } }),
      'reviewFiling',
      'CITY_OPINION_FIRST',
    );
    await expectRefused(
      gql(hub.url, SUBMIT, { token: await a.enterprise(id), variables: { id: f.id } }),
      'submitFiling',
      'FILING_WRONG_STATE',
    );
    await expectRefused(
      gql(hub.url, UPDATE, { token: await a.enterprise(id), variables: { id: f.id, input: filingForm() } }),
      'updateFiling',
      'FILING_WRONG_STATE',
    );
  });

  it('refuses a stale expectedVersion (FILING_CHANGED)', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const f = await fileAndSubmit(hub.url, await a.enterprise(id));
    await expectRefused(
      gql(hub.url, REVIEW, {
        token: await a.city('430200'),
        variables: { id: f.id, d: 'APPROVE', o: '同意', v: f.version - 1 },
      }),
      'reviewFiling',
      'FILING_CHANGED',
    );
  });

  it('refuses the wrong role: a partner HR system may not file, a dashboard may not review', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const before = await snapshot();
    const partner = await gql(hub.url, CREATE, {
      // Even a partner credential that may write cannot file: filing is the enterprise's own act.
      token: await partnerToken(hub, id, { canWrite: true }),
      variables: { input: filingForm() },
    });
    expect(partner.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(partner.errors?.[0]?.message).toMatch(/hr_partner/);
    const f = await fileAndSubmit(hub.url, await a.enterprise(id));
    const mid = await snapshot();
    const dash = await gql(hub.url, REVIEW, {
      token: await token({ role: 'dashboard' }),
      variables: { id: f.id, d: 'APPROVE' },
    });
    expect(dash.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(mid);
    expect(before.filings).toBe((mid.filings ?? 0) - 1);
  });

  it('refuses an invalid 统一社会信用代码 check character, naming GB 32100', async () => {
    const before = await snapshot();
    const good = newCreditCode('430200');
    const bad = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const r = await gql(hub.url, REGISTER, {
      token: await a.city('430200'),
      variables: { creditCode: bad, affiliation: 'LOCAL', input: enterpriseForm() },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/GB 32100/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses more skilled workers than employees, and a founding date in the future', async () => {
    const errors = await expectRefused(
      gql(hub.url, REGISTER, {
        token: await a.city('430200'),
        variables: {
          creditCode: newCreditCode(),
          affiliation: 'LOCAL',
          input: enterpriseForm({ employeeCount: 100, skilledWorkerCount: 101, foundedOn: '2099-01-01' }),
        },
      }),
      'registerEnterprise',
      'SKILLED_EXCEEDS_EMPLOYEES',
    );
    expect(errors.map((e: any) => e.code)).toContain('FOUNDED_IN_FUTURE');
    expect(errors.find((e: any) => e.code === 'SKILLED_EXCEEDS_EMPLOYEES').field).toBe('skilledWorkerCount');
  });

  it('refuses a registration outside the city centre’s own 市州 and a duplicate credit code', async () => {
    await expectRefused(
      gql(hub.url, REGISTER, {
        token: await a.city('430100'),
        variables: { creditCode: newCreditCode(), affiliation: 'LOCAL', input: enterpriseForm() },
      }),
      'registerEnterprise',
      'NOT_YOUR_PREFECTURE',
    );
    const [taken] = await hub.db.db.select({ code: enterprises.creditCode }).from(enterprises).limit(1);
    await expectRefused(
      gql(hub.url, REGISTER, {
        token: a.province,
        variables: { creditCode: taken?.code, affiliation: 'LOCAL', input: enterpriseForm() },
      }),
      'registerEnterprise',
      'DUPLICATE_CREDIT_CODE',
    );
  });

  it('refuses an ENTERPRISE_SPECIFICATION basis not approved, or not covering the row’s levels', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const own = await a.enterprise(id);
    const filed = await gql(
      hub.url,
      `mutation { fileSpecification(title: "车工评价规范", occupationCode: "6-18-01-01", levels: [LEVEL_5, LEVEL_4], documentReference: "doc://spec-1") { specification { id status } errors { code } } }`,
      { token: own },
    );
    const spec = filed.data?.fileSpecification.specification;
    expect(spec.status).toBe('SUBMITTED');
    const input = filingForm({
      scope: [
        {
          occupationCode: '6-18-01-01',
          levels: ['LEVEL_5', 'LEVEL_4'],
          basis: 'ENTERPRISE_SPECIFICATION',
          specificationId: spec.id,
        },
      ],
    });
    await expectRefused(
      gql(hub.url, CREATE, { token: own, variables: { input } }),
      'createFiling',
      'SPECIFICATION_NOT_APPROVED',
    );
    await gql(hub.url, `mutation($id: ID!) { reviewSpecification(id: $id, decision: APPROVE) { errors { code } } }`, {
      token: await a.city('430200'),
      variables: { id: spec.id },
    });
    // #24 point 4: approved for 五级、四级, it backs no 二级 (its 工种: the next test).
    const beyond = filingForm({
      scope: [
        {
          occupationCode: '6-18-01-01',
          levels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_2'],
          basis: 'ENTERPRISE_SPECIFICATION',
          specificationId: spec.id,
        },
      ],
    });
    const [gap] = await expectRefused(
      gql(hub.url, CREATE, { token: own, variables: { input: beyond } }),
      'createFiling',
      'SPECIFICATION_DOES_NOT_COVER',
    );
    expect(gap).toMatchObject({ field: 'scope.0.levels' });
    const ok = await gql(hub.url, CREATE, { token: own, variables: { input } });
    expect(ok.data?.createFiling.errors).toEqual([]);
  });

  it('refuses a 企业评价规范 of one 工种 behind another 工种 of the same 职业 (#24 point 4)', async () => {
    // A skill 职业 with at least two 工种 in the dictionary.
    const rows = await hub.db.db
      .select({ occupation: workTypes.occupationCode, code: workTypes.code })
      .from(workTypes)
      .innerJoin(occupations, eq(occupations.code, workTypes.occupationCode))
      .where(eq(occupations.isSkill, true))
      .orderBy(workTypes.code);
    const occupation = rows.find((r, i) => rows[i + 1]?.occupation === r.occupation)?.occupation;
    if (!occupation) throw new Error('no skill occupation with two work types in the dictionary');
    const [filedFor, other] = rows.filter((r) => r.occupation === occupation).map((r) => r.code) as [string, string];
    await hub.db.db
      .update(occupations)
      .set({ standardLevels: [1, 2, 3, 4, 5] })
      .where(eq(occupations.code, occupation));

    const id = await register(hub.url, await a.city('430200'));
    const own = await a.enterprise(id);
    const filed = await gql(
      hub.url,
      `mutation($o: OccupationCode!, $w: OccupationCode) { fileSpecification(title: "工种评价规范", occupationCode: $o, workTypeCode: $w, levels: [LEVEL_5, LEVEL_4], documentReference: "doc://spec-wt") { specification { id } errors { code } } }`,
      { token: own, variables: { o: occupation, w: filedFor } },
    );
    const spec = filed.data?.fileSpecification.specification;
    expect(filed.data?.fileSpecification.errors).toEqual([]);
    await gql(hub.url, `mutation($id: ID!) { reviewSpecification(id: $id, decision: APPROVE) { errors { code } } }`, {
      token: await a.city('430200'),
      variables: { id: spec.id },
    });
    const row = (workTypeCode: string) =>
      filingForm({
        scope: [
          {
            occupationCode: occupation,
            workTypeCode,
            levels: ['LEVEL_5', 'LEVEL_4'],
            basis: 'ENTERPRISE_SPECIFICATION',
            specificationId: spec.id,
          },
        ],
      });
    const [gap] = await expectRefused(
      gql(hub.url, CREATE, { token: own, variables: { input: row(other) } }),
      'createFiling',
      'SPECIFICATION_DOES_NOT_COVER',
    );
    expect(gap).toMatchObject({ field: 'scope.0.workTypeCode', message: expect.stringContaining(filedFor) });
    const ok = await gql(hub.url, CREATE, { token: own, variables: { input: row(filedFor) } });
    expect(ok.data?.createFiling.errors).toEqual([]);
  });

  it('refuses a scope row outside the dictionary, not a skill occupation, or a level the standard does not set', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const own = await a.enterprise(id);
    await expectRefused(
      gql(hub.url, CREATE, {
        token: own,
        variables: {
          input: filingForm({
            scope: [{ occupationCode: '6-18-00-00', levels: ['LEVEL_5'], basis: 'NATIONAL_STANDARD' }],
          }),
        },
      }),
      'createFiling',
      'NOT_AN_OCCUPATION',
    );
    // 技能类职业 only (附表备注1): a 专业技术人员 occupation (大类 2) is not filed.
    await expectRefused(
      gql(hub.url, CREATE, {
        token: own,
        variables: {
          input: filingForm({
            scope: [{ occupationCode: '2-02-10-01', levels: ['LEVEL_3'], basis: 'NATIONAL_STANDARD' }],
          }),
        },
      }),
      'createFiling',
      'OCCUPATION_NOT_SKILL',
    );
    // 车床装调工's standard (as this hub records it) sets 五级 to 三级 only.
    await hub.db.db
      .update(occupations)
      .set({ standardLevels: [5, 4, 3] })
      .where(eq(occupations.code, '6-18-01-02'));
    await expectRefused(
      gql(hub.url, CREATE, {
        token: own,
        variables: {
          input: filingForm({
            scope: [{ occupationCode: '6-18-01-02', levels: ['LEVEL_4', 'LEVEL_1'], basis: 'NATIONAL_STANDARD' }],
          }),
        },
      }),
      'createFiling',
      'LEVEL_NOT_IN_STANDARD',
    );
    // A level that is none of the five never reaches the rules: SkillLevel refuses it at the door.
    const six = await gql(hub.url, CREATE, {
      token: own,
      variables: {
        input: filingForm({ scope: [{ occupationCode: '6-18-01-01', levels: [6], basis: 'NATIONAL_STANDARD' }] }),
      },
    });
    expect(six.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an enterprise job role beside a code without a confirmed mapping (JOB_ROLE_NOT_MAPPED)', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const scope = [
      {
        occupationCode: '6-18-01-01',
        levels: ['LEVEL_5', 'LEVEL_4'],
        basis: 'NATIONAL_STANDARD',
        jobRoleName: '数控车床操作工',
      },
    ];
    await expectRefused(
      gql(hub.url, CREATE, { token: await a.enterprise(id), variables: { input: filingForm({ scope }) } }),
      'createFiling',
      'JOB_ROLE_NOT_MAPPED',
    );
  });

  it('refuses to submit an unsigned or incomplete form, and a second open filing', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const own = await a.enterprise(id);
    const draft = await gql(hub.url, CREATE, {
      token: own,
      variables: { input: filingForm({ commitmentSigner: null, planDescription: '' }) },
    });
    const f = draft.data?.createFiling.filing;
    const errors = await expectRefused(
      gql(hub.url, SUBMIT, { token: own, variables: { id: f.id } }),
      'submitFiling',
      'COMMITMENT_UNSIGNED',
    );
    expect(errors.map((e: any) => e.code)).toContain('SECTION_MISSING');
    await expectRefused(
      gql(hub.url, CREATE, { token: own, variables: { input: filingForm() } }),
      'createFiling',
      'FILING_ALREADY_OPEN',
    );
  });

  it('refuses an enterprise acting on another enterprise’s filing', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const other = await register(hub.url, await a.city('430200'));
    const f = await fileAndSubmit(hub.url, await a.enterprise(id));
    await gql(hub.url, REVIEW, {
      token: await a.city('430200'),
      variables: { id: f.id, d: 'REJECT', o: '请补充材料' },
    });
    await expectRefused(
      gql(hub.url, UPDATE, { token: await a.enterprise(other), variables: { id: f.id, input: filingForm() } }),
      'updateFiling',
      'NOT_YOUR_ENTERPRISE',
    );
    const seen = await gql(hub.url, `query($id: ID!) { filing(id: $id) { id } }`, {
      token: await a.enterprise(other),
      variables: { id: f.id },
    });
    expect(seen.data?.filing).toBeNull();
    const [row] = await hub.db.db.select().from(filings).where(eq(filings.id, f.id));
    expect(row?.status).toBe('REJECTED');
  });
});
