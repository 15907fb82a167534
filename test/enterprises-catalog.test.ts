import { enterprises, filingScopes, filings, occupations } from '@hub/db';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GqlResult, gql, startTestHub, type TestHub, token } from './helpers.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub(3000);
});
afterAll(() => hub?.stop());

const Q = /* GraphQL */ `
  query Catalog($first: Int, $after: String, $p: String, $o: OccupationCode, $l: SkillLevel, $k: FilingKind, $s: QualificationStatus, $sk: Boolean) {
    catalog(first: $first, after: $after, prefecture: $p, occupationCode: $o, level: $l, kind: $k, status: $s, skill: $sk) {
      edges { cursor node { enterprise { id prefecture { code } } status kinds scope { occupationCode levels } } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
`;

/** Every id the catalog lists for these filters, following cursors page by page. */
async function allIds(vars: Record<string, unknown>, pageSize = 100): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const r: GqlResult = await gql(hub.url, Q, { variables: { ...vars, first: pageSize, after } });
    expect(r.errors).toBeUndefined();
    const c = r.data?.catalog as { edges: any[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    ids.push(...c.edges.map((e: any) => e.node.enterprise.id));
    if (!c.pageInfo.hasNextPage) return ids;
    after = c.pageInfo.endCursor;
  }
  throw new Error('more pages than expected');
}

/** The same question asked of the tables directly. */
async function expected(f: {
  prefecture?: string;
  occupation?: string;
  level?: number;
  kind?: 'ENTERPRISE_SELF_EVALUATION' | 'SOCIAL_EVALUATION_ORGANIZATION';
  status?: 'CONFIRMED' | 'SUSPENDED';
  skill?: boolean;
}) {
  const { db } = hub.db;
  const listed = await db
    .select({ id: enterprises.id, prefecture: enterprises.prefectureCode, q: enterprises.qualification })
    .from(enterprises)
    .where(inArray(enterprises.qualification, f.status ? [f.status] : ['CONFIRMED', 'SUSPENDED']));
  const scope = await db
    .select({
      enterpriseId: filings.enterpriseId,
      kind: filings.kind,
      code: filingScopes.occupationCode,
      levels: filingScopes.levels,
    })
    .from(filingScopes)
    .innerJoin(filings, and(eq(filings.id, filingScopes.filingId), isNotNull(filings.confirmedAt)));
  const marks = new Map(
    (await db.select({ code: occupations.code, isSkill: occupations.isSkill }).from(occupations)).map((o) => [
      o.code,
      o.isSkill,
    ]),
  );
  return listed
    .filter((e) => !f.prefecture || e.prefecture === f.prefecture)
    .filter(
      (e) =>
        (!f.occupation && f.level == null && !f.kind && f.skill == null) ||
        scope.some(
          (s) =>
            s.enterpriseId === e.id &&
            (!f.occupation || s.code === f.occupation) &&
            (f.level == null || s.levels.includes(f.level)) &&
            (!f.kind || s.kind === f.kind) &&
            (f.skill == null || marks.get(s.code) === f.skill),
        ),
    )
    .map((e) => e.id)
    .sort();
}

describe('全省技能人才自主评价机构目录 (catalog)', () => {
  it('lists exactly the confirmed and suspended institutions, never revoked or unconfirmed ones', async () => {
    const ids = await allIds({});
    expect(ids.length).toBeGreaterThan(20);
    expect([...ids].sort()).toEqual(await expected({}));
    const revoked = await hub.db.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.qualification, 'REVOKED'));
    expect(revoked.length).toBeGreaterThan(0);
    for (const r of revoked) expect(ids).not.toContain(r.id);
  });

  it('filters by 市州, occupation, level, kind and status as the tables say', async () => {
    const [sample] = await hub.db.db
      .select({ code: filingScopes.occupationCode, level: filingScopes.levels })
      .from(filingScopes)
      .innerJoin(filings, and(eq(filings.id, filingScopes.filingId), isNotNull(filings.confirmedAt)))
      .limit(1);
    const cases = [
      { prefecture: '430100' },
      { prefecture: '433100' },
      { occupation: sample?.code },
      { level: 1 },
      { level: 5 },
      { kind: 'SOCIAL_EVALUATION_ORGANIZATION' as const },
      { status: 'SUSPENDED' as const },
      { prefecture: '430100', level: 3, kind: 'ENTERPRISE_SELF_EVALUATION' as const },
    ];
    for (const f of cases) {
      const got = await allIds({
        p: f.prefecture,
        o: f.occupation,
        l: f.level == null ? undefined : `LEVEL_${f.level}`,
        k: f.kind,
        s: f.status,
      });
      expect([...got].sort(), JSON.stringify(f)).toEqual(await expected(f));
    }
    expect((await expected({ status: 'SUSPENDED' })).length).toBeGreaterThan(0);
  });

  it('filters on the skill mark (技能类职业, #24 point 3): a 职业 re-marked not skill puts its institutions on the skill: false list', async () => {
    const ids = async (skill: boolean) => [...(await allIds({ sk: skill }))].sort();
    expect(await ids(true)).toEqual(await expected({ skill: true }));
    expect(await ids(false)).toEqual(await expected({ skill: false }));
    expect((await ids(true)).length).toBeGreaterThan(20);

    // The province centre corrects the mark of a 职业 some institutions are confirmed for.
    const [sample] = await hub.db.db
      .select({ code: filingScopes.occupationCode })
      .from(filingScopes)
      .innerJoin(filings, and(eq(filings.id, filingScopes.filingId), isNotNull(filings.confirmedAt)))
      .innerJoin(occupations, eq(occupations.code, filingScopes.occupationCode))
      .where(eq(occupations.isSkill, true))
      .limit(1);
    if (!sample) throw new Error('no confirmed scope row of a skill occupation in the seed');
    const province = await token({ role: 'province_center', sub: 'catalog-skill' });
    const mark = (isSkill: boolean) =>
      gql(
        hub.url,
        `mutation($c: OccupationCode!, $s: Boolean!) { setSkillMark(occupationCode: $c, isSkill: $s, reason: "按附表备注1复核职业类别") { errors { code } } }`,
        { token: province, variables: { c: sample.code, s: isSkill } },
      );
    expect((await mark(false)).data?.setSkillMark.errors).toEqual([]);
    try {
      const confirmedFor = await allIds({ o: sample.code });
      expect(confirmedFor.length).toBeGreaterThan(0);
      const notSkill = await ids(false);
      expect(notSkill).toEqual(await expected({ skill: false }));
      for (const id of confirmedFor) expect(notSkill).toContain(id);
      expect(await ids(true)).toEqual(await expected({ skill: true }));
    } finally {
      expect((await mark(true)).data?.setSkillMark.errors).toEqual([]);
    }
  });

  it('pages with stable cursors: small pages add up to the whole list, in the same order', async () => {
    const whole = await allIds({}, 100);
    const paged = await allIds({}, 7);
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(paged.length);
  });

  it('counts the whole filtered list in totalCount, whatever the page size', async () => {
    for (const vars of [{}, { p: '430100' }, { l: 'LEVEL_1' }]) {
      const r = await gql(hub.url, Q, { variables: { ...vars, first: 3 } });
      const whole = await allIds(vars);
      expect(r.data?.catalog.totalCount, JSON.stringify(vars)).toBe(whole.length);
    }
  });

  it('is public, and refuses bad filters with a named field', async () => {
    const bad = await gql(hub.url, Q, { variables: { first: 5, p: '110100' } });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'prefecture' });
    const revoked = await gql(hub.url, Q, { variables: { first: 5, s: 'REVOKED' } });
    expect(revoked.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    const cursor = await gql(hub.url, Q, { variables: { first: 5, after: '!!not-a-cursor' } });
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
