import { readFileSync } from 'node:fs';
import { importDictionary, occupations, parseDictionary, repoRoot } from '@hub/db';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

/** A dictionary file written for the tests (the CSV's format: 15 职业 with definitions and tasks of their own). */
const CSV = `${repoRoot}/db/test/fixtures/dictionary-sample.csv`;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub(200);
  // A dictionary file with definitions imported over the seeded reference (the whole dictionary's facts).
  await importDictionary(hub.db.db, parseDictionary(readFileSync(CSV, 'utf8')));
});
afterAll(() => hub?.stop());

const ask = (query: string, variables?: Record<string, unknown>) => gql(hub.url, query, { variables });

describe('the 职业分类大典 through the gateway (public)', () => {
  it('holds the whole dictionary: 8 大类, every tier, 1,600+ 职业', async () => {
    const rows = await hub.db.db
      .select({ level: occupations.level, n: count() })
      .from(occupations)
      .groupBy(occupations.level);
    const by = Object.fromEntries(rows.map((r) => [r.level, r.n]));
    expect(by[1]).toBe(8);
    expect(by[2]).toBeGreaterThan(60);
    expect(by[3]).toBeGreaterThan(300);
    expect(by[4]).toBeGreaterThanOrEqual(1600);
    const r = await ask(
      '{ occupations(tier: MAJOR_GROUP, first: 20) { edges { node { code name tier tierName } } totalCount } }',
    );
    expect(r.data?.occupations.totalCount).toBe(8);
    expect(r.data?.occupations.edges[0].node).toMatchObject({ tier: 'MAJOR_GROUP', tierName: '大类' });
    expect(r.data?.occupations.edges.map((e: any) => e.node.code)).toEqual([
      '1-00-00-00',
      '2-00-00-00',
      '3-00-00-00',
      '4-00-00-00',
      '5-00-00-00',
      '6-00-00-00',
      '7-00-00-00',
      '8-00-00-00',
    ]);
  });

  it('walks the tree: parent, ancestors and children of 车工, by code', async () => {
    const r = await ask(`{
      occupation(code: "6-18-01-01") {
        code name tier tierName isGreen isDigital
        parent { code name }
        ancestors { code tier }
        workTypes { code }
        standardLevels
      }
      mid: occupation(code: "6-18-01-00") { children { code name } }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data?.occupation).toMatchObject({
      code: '6-18-01-01',
      name: '车工',
      tier: 'OCCUPATION',
      tierName: '职业',
      isGreen: false,
      isDigital: false,
      parent: { code: '6-18-01-00', name: '机械冷加工人员' },
      ancestors: [
        { code: '6-18-01-00', tier: 'MINOR_GROUP' },
        { code: '6-18-00-00', tier: 'MIDDLE_GROUP' },
        { code: '6-00-00-00', tier: 'MAJOR_GROUP' },
      ],
      workTypes: [],
      standardLevels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1'],
    });
    const children = r.data?.mid.children.map((c: any) => c.code);
    expect(children).toContain('6-18-01-01');
    expect(children).toEqual([...children].sort());
  });

  it('carries the green/digital flags split off the names, and the definition once imported', async () => {
    const r = await ask('{ occupation(code: "6-18-01-13") { name isGreen isDigital definition tasks } }');
    expect(r.data?.occupation).toMatchObject({ name: '增材制造设备操作员', isGreen: true, isDigital: true });
    expect(r.data?.occupation.definition).toMatch(/增材制造/);
    expect(r.data?.occupation.tasks).toBeTruthy();
  });

  it('searches by name, by alias and by code prefix, a page at a time', async () => {
    const byName = await ask('{ occupations(search: "焊工", tier: OCCUPATION) { edges { node { code } } } }');
    expect(byName.data?.occupations.edges.map((e: any) => e.node.code)).toContain('6-18-02-04');
    const byAlias = await ask('{ occupations(search: "叉车司机") { edges { node { code name } } } }');
    expect(byAlias.data?.occupations.edges.map((e: any) => e.node.code)).toContain('6-30-05-01');
    const first = await ask(
      '{ occupations(search: "6-18-01", first: 5) { edges { node { code } } pageInfo { hasNextPage endCursor } } }',
    );
    const page1 = first.data?.occupations.edges.map((e: any) => e.node.code);
    expect(page1).toHaveLength(5);
    for (const c of page1) expect(c.startsWith('6-18-01')).toBe(true);
    const next = await ask(
      'query($after: String) { occupations(search: "6-18-01", first: 5, after: $after) { edges { node { code } } } }',
      {
        after: first.data?.occupations.pageInfo.endCursor,
      },
    );
    const page2 = next.data?.occupations.edges.map((e: any) => e.node.code);
    expect(page2[0] > page1[4]).toBe(true);
  });

  it('ranks a search by relevance: an exact name or alias first, then names that begin with it, then the rest', async () => {
    const codes = async (search: string, first = 20, after?: string) => {
      const r = await ask(
        'query($s: String!, $first: Int, $after: String) { occupations(search: $s, first: $first, after: $after) { edges { node { code name aliases } } pageInfo { endCursor hasNextPage } } }',
        { s: search, first, after },
      );
      expect(r.errors).toBeUndefined();
      return r.data?.occupations;
    };
    const electrician = await codes('电工');
    expect(electrician.edges[0].node).toMatchObject({ code: '6-31-01-03', name: '电工' });
    // Then the names beginning with 电工, before the 工程技术人员 that only contain it.
    const names = electrician.edges.map((e: any) => e.node.name as string);
    const firstContaining = names.findIndex((n: string) => !n.startsWith('电工'));
    expect(names.slice(firstContaining).every((n: string) => !n.startsWith('电工'))).toBe(true);
    expect((await codes('车工')).edges[0].node).toMatchObject({ code: '6-18-01-01', name: '车工' });
    // An alias counts as a name: 叉车司机 is one of 起重装卸机械操作工's.
    expect((await codes('叉车司机')).edges[0].node.code).toBe('6-30-05-01');
    // Pages continue the same order: two pages of 15 are the first 30.
    const whole = (await codes('工', 30)).edges.map((e: any) => e.node.code);
    const page1 = await codes('工', 15);
    const page2 = await codes('工', 15, page1.pageInfo.endCursor);
    expect([...page1.edges, ...page2.edges].map((e: any) => e.node.code)).toEqual(whole);
    expect(new Set(whole).size).toBe(30);
    // A cursor of the plain listing is no cursor of a search.
    const plain = await ask('{ occupations(first: 1) { pageInfo { endCursor } } }');
    const bad = await ask('query($a: String) { occupations(search: "工", after: $a) { edges { node { code } } } }', {
      a: plain.data?.occupations.pageInfo.endCursor,
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists the seeded work types (工种) of 焊工 and resolves a work type by its code', async () => {
    const r = await ask(`{
      occupation(code: "6-18-02-04") { workTypes { code name addedByAuthority } }
      workType(code: "6-18-02-04-01") { name occupation { code name } }
    }`);
    expect(r.data?.occupation.workTypes.map((w: any) => w.name)).toEqual([
      '电焊工',
      '气焊工',
      '钎焊工',
      '焊接设备操作工',
    ]);
    expect(r.data?.occupation.workTypes[0].addedByAuthority).toBe(false);
    expect(r.data?.workType).toEqual({ name: '电焊工', occupation: { code: '6-18-02-04', name: '焊工' } });
  });

  it('gives the eight-level ladder, 学徒工 to 首席技师', async () => {
    const r = await ask('{ skillLadder { rung name standardLevel setByNationalStandard } }');
    expect(r.data?.skillLadder.map((s: any) => s.name)).toEqual([
      '学徒工',
      '五级/初级工',
      '四级/中级工',
      '三级/高级工',
      '二级/技师',
      '一级/高级技师',
      '特级技师',
      '首席技师',
    ]);
  });

  it('answers codes of the wrong shape, bad tiers and over-long searches with a clear BAD_USER_INPUT', async () => {
    for (const [query, message] of [
      ['{ occupation(code: "6-18") { name } }', /OccupationCode is invalid: expected the shape 6-18-01-01/],
      ['{ occupation(code: "abc-de") { name } }', /expected the shape 6-18-01-01/],
      ['{ occupations(tier: LEVEL_5) { edges { node { code } } } }', /does not exist in "OccupationTier"/],
      [`{ occupations(search: "${'车'.repeat(51)}") { edges { node { code } } } }`, /"search" must be 1–50/],
      ['{ occupations(after: "%%%") { edges { node { code } } } }', /cursor/],
    ] as const) {
      const r = await ask(query);
      expect(r.errors?.[0]?.message, query).toMatch(message);
      expect(r.errors?.[0]?.extensions?.code, query).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    }
    const none = await ask('{ occupation(code: "9-99-99-99") { name } }');
    expect(none.errors).toBeUndefined();
    expect(none.data?.occupation).toBeNull();
  });
});

describe('setStandardLevels and addWorkType (province centre, admins)', () => {
  const SET = `mutation($code: OccupationCode!, $levels: [SkillRung!]!) {
    setStandardLevels(occupationCode: $code, levels: $levels) { occupation { standardLevels } errors { code field } } }`;
  const ADD = `mutation($occ: OccupationCode!, $name: String!, $code: OccupationCode) {
    addWorkType(occupationCode: $occ, name: $name, code: $code) { workType { code name addedByAuthority } errors { code message field } } }`;

  it('sets the levels a national standard defines, and refuses rungs no standard sets', async () => {
    const province = await token({ role: 'province_center', sub: 'e2e-province' });
    const ok = await gql(hub.url, SET, {
      variables: { code: '4-10-01-05', levels: ['LEVEL_5', 'LEVEL_3', 'LEVEL_4'] },
      token: province,
    });
    expect(ok.data?.setStandardLevels).toEqual({
      occupation: { standardLevels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3'] },
      errors: [],
    });
    const bad = await gql(hub.url, SET, {
      variables: { code: '4-10-01-05', levels: ['CHIEF_TECHNICIAN'] },
      token: province,
    });
    expect(bad.data?.setStandardLevels.errors).toEqual([{ code: 'INVALID_LEVELS', field: 'levels' }]);
    const mid = await gql(hub.url, SET, { variables: { code: '4-10-01-00', levels: ['LEVEL_5'] }, token: province });
    expect(mid.data?.setStandardLevels.errors[0].code).toBe('NOT_AN_OCCUPATION');
    const city = await gql(hub.url, SET, {
      variables: { code: '4-10-01-05', levels: ['LEVEL_5'] },
      token: await token({ role: 'city_center', prefecture: '430100' }),
    });
    expect(city.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('adds a work type with the next free code, refuses a duplicate name and a foreign code, and forbids other roles', async () => {
    const admin = await token({ role: 'admin', sub: 'e2e-admin' });
    const added = await gql(hub.url, ADD, { variables: { occ: '6-18-02-04', name: '激光焊接工' }, token: admin });
    expect(added.data?.addWorkType).toEqual({
      workType: { code: '6-18-02-04-05', name: '激光焊接工', addedByAuthority: true },
      errors: [],
    });
    const again = await gql(hub.url, ADD, { variables: { occ: '6-18-02-04', name: '激光焊接工' }, token: admin });
    expect(again.data?.addWorkType.errors[0]).toMatchObject({ code: 'WORK_TYPE_EXISTS', field: 'name' });
    const foreign = await gql(hub.url, ADD, {
      variables: { occ: '6-18-02-04', name: '搅拌摩擦焊工', code: '6-18-01-01-01' },
      token: admin,
    });
    expect(foreign.data?.addWorkType.errors[0]).toMatchObject({ code: 'INVALID_CODE', field: 'code' });
    const enterprise = await gql(hub.url, ADD, {
      variables: { occ: '6-18-02-04', name: '搅拌摩擦焊工' },
      token: await token({ role: 'enterprise', enterpriseId: '00000000-0000-4000-8000-000000000001' }),
    });
    expect(enterprise.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The matcher sees the new work type (the dictionary revision moved).
    const m = await gql(
      hub.url,
      '{ matchOccupations(title: "激光焊接工", first: 1) { occupation { code } workType { code } } }',
      {
        token: admin,
      },
    );
    expect(m.data?.matchOccupations[0]).toEqual({
      occupation: { code: '6-18-02-04' },
      workType: { code: '6-18-02-04-05' },
    });
    const rows = await hub.db.db.select().from(occupations).where(eq(occupations.code, '6-18-02-04'));
    expect(rows).toHaveLength(1);
  });
});
