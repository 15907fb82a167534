import { readFileSync } from 'node:fs';
import {
  confirmedJobRoleMapping,
  confirmedJobRoleMappingsOf,
  enterprises,
  importDictionary,
  isJobRoleMappingConfirmed,
  jobRoleMappings,
  parseDictionary,
  repoRoot,
} from '@hub/db';
import { asc, count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * A dictionary file written for the tests (the CSV's format: 15 职业 with definitions and tasks of
 * their own, their ancestors), imported over the seeded reference as `pnpm hub occupations import` does.
 */
const CSV = `${repoRoot}/db/test/fixtures/dictionary-sample.csv`;

let hub: TestHub;
/** Two enterprises in different 市州. */
let e1: { id: string; prefectureCode: string };
let e2: { id: string; prefectureCode: string };
const tok: Record<string, string> = {};

beforeAll(async () => {
  hub = await startTestHub(200);
  // With definitions for some 职业 (issue #4): the matcher reads them (塔吊司机 needs them).
  await importDictionary(hub.db.db, parseDictionary(readFileSync(CSV, 'utf8')));
  const rows = await hub.db.db
    .select({ id: enterprises.id, prefectureCode: enterprises.prefectureCode })
    .from(enterprises)
    .orderBy(asc(enterprises.id));
  e1 = rows[0] as typeof e1;
  e2 = rows.find((r) => r.prefectureCode !== e1.prefectureCode) as typeof e2;
  tok.e1 = await token({ role: 'enterprise', enterpriseId: e1.id, sub: 'hr-e1' });
  tok.e2 = await token({ role: 'enterprise', enterpriseId: e2.id, sub: 'hr-e2' });
  tok.city1 = await token({ role: 'city_center', prefecture: e1.prefectureCode, sub: 'city-1' });
  tok.city2 = await token({ role: 'city_center', prefecture: e2.prefectureCode, sub: 'city-2' });
  tok.province = await token({ role: 'province_center', sub: 'province' });
});
afterAll(() => hub?.stop());

const MATCH = `query($title: String!, $description: String, $first: Int) {
  matchOccupations(title: $title, description: $description, first: $first) {
    occupation { code name tier } workType { code } score reason } }`;
const PROPOSE = `mutation($e: ID!, $role: String!, $desc: String, $occ: OccupationCode!, $wt: OccupationCode) {
  proposeJobRoleMapping(enterpriseId: $e, roleName: $role, roleDescription: $desc, occupationCode: $occ, workTypeCode: $wt) {
    jobRoleMapping { id status roleName matchScore occupation { code } enterprise { id } } errors { code message field } } }`;
const CONFIRM = `mutation($id: ID!, $reason: String) {
  confirmJobRoleMapping(id: $id, reason: $reason) { jobRoleMapping { id status reviewerRole reviewReason reviewedAt } errors { code message } } }`;
const REJECT = `mutation($id: ID!, $reason: String!) {
  rejectJobRoleMapping(id: $id, reason: $reason) { jobRoleMapping { status reviewReason } errors { code message field } } }`;

const match = async (title: string, who: string) =>
  (await gql(hub.url, MATCH, { variables: { title, first: 5 }, token: tok[who] })).data?.matchOccupations as any[];
const mappingCount = async () => (await hub.db.db.select({ n: count() }).from(jobRoleMappings))[0]?.n;

describe('job-role mapping (相邻相近原则) through the gateway', () => {
  const TITLE = '涂布机长';
  let y: string;
  let mappingId: string;

  it('a confirmed mapping lifts its occupation from third to first, for every enterprise and similar titles', async () => {
    const before = await match(TITLE, 'e1');
    expect(before.length).toBeGreaterThanOrEqual(3);
    y = before[2].occupation.code;
    expect(before[0].occupation.code).not.toBe(y);

    const proposed = await gql(hub.url, PROPOSE, {
      variables: { e: e1.id, role: TITLE, desc: '锂电池极片涂布机的机长，负责涂布工序', occ: y },
      token: tok.e1,
    });
    expect(proposed.data?.proposeJobRoleMapping.errors).toEqual([]);
    const m = proposed.data?.proposeJobRoleMapping.jobRoleMapping;
    expect(m).toMatchObject({
      status: 'PROPOSED',
      roleName: TITLE,
      occupation: { code: y },
      enterprise: { id: e1.id },
    });
    expect(m.matchScore).toBeGreaterThan(0);
    mappingId = m.id;

    // A proposal alone changes nothing.
    expect((await match(TITLE, 'e2'))[2].occupation.code).toBe(y);

    const confirmed = await gql(hub.url, CONFIRM, {
      variables: { id: mappingId, reason: '工序相近' },
      token: tok.city1,
    });
    expect(confirmed.data?.confirmJobRoleMapping).toMatchObject({
      jobRoleMapping: { status: 'CONFIRMED', reviewerRole: 'city_center', reviewReason: '工序相近' },
      errors: [],
    });

    const after = await match(TITLE, 'e2'); // another enterprise asks
    expect(after[0].occupation.code).toBe(y);
    expect(after[0].reason).toContain(`已确认的企业岗位映射“${TITLE}”`);
    // A similar title (hiring words, an aside that names no other work) follows the mapping too.
    expect((await match(`招聘${TITLE}（三班倒）`, 'e2'))[0].occupation.code).toBe(y);
  });

  it('makes a confirmed mapping readable by the enterprises domain (named read functions)', async () => {
    const facts = await confirmedJobRoleMapping(hub.db.db, { enterpriseId: e1.id, mappingId });
    expect(facts).toMatchObject({
      id: mappingId,
      enterpriseId: e1.id,
      roleName: TITLE,
      occupationCode: y,
      workTypeCode: null,
    });
    expect(await confirmedJobRoleMapping(hub.db.db, { enterpriseId: e2.id, mappingId })).toBeNull();
    expect(
      await isJobRoleMappingConfirmed(hub.db.db, { enterpriseId: e1.id, roleName: TITLE, occupationCode: y }),
    ).toBe(true);
    expect(
      await isJobRoleMappingConfirmed(hub.db.db, { enterpriseId: e2.id, roleName: TITLE, occupationCode: y }),
    ).toBe(false);
    expect((await confirmedJobRoleMappingsOf(hub.db.db, e1.id)).map((m) => m.roleName)).toEqual([TITLE]);
  });

  it('shows an enterprise’s mappings on Enterprise.jobRoleMappings to itself and its 市州 only (属地管理)', async () => {
    const Q = `query($id: ID!) { enterprise(id: $id) { id jobRoleMappings(first: 10) { edges { node { roleName status } } totalCount } } }`;
    const own = await gql(hub.url, Q, { variables: { id: e1.id }, token: tok.e1 });
    expect(own.data?.enterprise.jobRoleMappings.edges.map((e: any) => e.node)).toEqual([
      { roleName: TITLE, status: 'CONFIRMED' },
    ]);
    expect(own.data?.enterprise.jobRoleMappings.totalCount).toBe(1);
    const city = await gql(hub.url, Q, { variables: { id: e1.id }, token: tok.city1 });
    expect(city.data?.enterprise.jobRoleMappings.edges).toHaveLength(1);
    const otherCity = await gql(hub.url, Q, { variables: { id: e1.id }, token: tok.city2 });
    expect(otherCity.data?.enterprise?.jobRoleMappings ?? null).toBeNull();
    const list = await gql(
      hub.url,
      '{ jobRoleMappings(status: CONFIRMED) { edges { node { roleName } } totalCount } }',
      {
        token: tok.city2,
      },
    );
    expect(list.data?.jobRoleMappings).toEqual({ edges: [], totalCount: 0 });
    // The province sees every enterprise's: the total counts all pages, within its reach.
    const all = await gql(hub.url, '{ jobRoleMappings(first: 1) { edges { node { roleName } } totalCount } }', {
      token: tok.province,
    });
    expect(all.data?.jobRoleMappings.edges).toHaveLength(1);
    expect(all.data?.jobRoleMappings.totalCount).toBe(await mappingCount());
  });

  it('refuses, naming the rule, and changes nothing: another’s enterprise, a 小类, a foreign work type, a repeat, an empty name', async () => {
    const n = await mappingCount();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ e: e2.id, role: '极片涂布工', occ: y }, 'e1', 'NOT_OWN_ENTERPRISE'],
      [{ e: e1.id, role: '极片涂布工', occ: '6-24-00-00' }, 'e1', 'NOT_AN_OCCUPATION'],
      [
        { e: e1.id, role: '极片涂布工', occ: '6-24-04-00', wt: '6-18-02-04-01' },
        'e1',
        'WORK_TYPE_OF_ANOTHER_OCCUPATION',
      ],
      [{ e: e1.id, role: TITLE, occ: '6-24-04-00' }, 'e1', 'MAPPING_EXISTS'],
      [{ e: e1.id, role: '   ', occ: '6-24-04-00' }, 'e1', 'ROLE_NAME_EMPTY'],
      [{ e: e1.id, role: '极片涂布工', occ: '9-99-99-99' }, 'e1', 'OCCUPATION_NOT_FOUND'],
    ];
    for (const [variables, who, code] of cases) {
      const r = await gql(hub.url, PROPOSE, { variables, token: tok[who] });
      expect(r.data?.proposeJobRoleMapping.jobRoleMapping, code).toBeNull();
      expect(
        r.data?.proposeJobRoleMapping.errors.map((e: any) => e.code),
        code,
      ).toContain(code);
    }
    const city = await gql(hub.url, PROPOSE, { variables: { e: e1.id, role: '极片涂布工', occ: y }, token: tok.city1 });
    expect(city.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await mappingCount()).toBe(n);
  });

  it('lets only a centre of the enterprise’s 市州 or the province decide, once; a rejection needs a reason', async () => {
    const p = await gql(hub.url, PROPOSE, {
      variables: { e: e2.id, role: '极片辊压工', occ: '6-24-04-00' },
      token: tok.e2,
    });
    const id = p.data?.proposeJobRoleMapping.jobRoleMapping.id;
    const foreign = await gql(hub.url, CONFIRM, { variables: { id }, token: tok.city1 });
    expect(foreign.data?.confirmJobRoleMapping.errors[0].code).toBe('OUTSIDE_PREFECTURE');
    const blank = await gql(hub.url, REJECT, { variables: { id, reason: '  ' }, token: tok.province });
    expect(blank.data?.rejectJobRoleMapping.errors[0]).toMatchObject({ code: 'REASON_REQUIRED', field: 'reason' });
    const rejected = await gql(hub.url, REJECT, {
      variables: { id, reason: '辊压属电池制造工序，请对应电池制造工的工种' },
      token: tok.province,
    });
    expect(rejected.data?.rejectJobRoleMapping.jobRoleMapping).toEqual({
      status: 'REJECTED',
      reviewReason: '辊压属电池制造工序，请对应电池制造工的工种',
    });
    const twice = await gql(hub.url, CONFIRM, { variables: { id }, token: tok.province });
    expect(twice.data?.confirmJobRoleMapping.errors[0].code).toBe('MAPPING_DECIDED');
    const again = await gql(hub.url, CONFIRM, { variables: { id: mappingId }, token: tok.province });
    expect(again.data?.confirmJobRoleMapping.errors[0].code).toBe('MAPPING_DECIDED');
    // A rejected role may be proposed again.
    const retry = await gql(hub.url, PROPOSE, {
      variables: { e: e2.id, role: '极片辊压工', occ: '6-24-04-00' },
      token: tok.e2,
    });
    expect(retry.data?.proposeJobRoleMapping.errors).toEqual([]);
    const unknown = await gql(hub.url, CONFIRM, { variables: { id: 'not-an-id' }, token: tok.province });
    expect(unknown.data?.confirmJobRoleMapping.errors[0].code).toBe('MAPPING_NOT_FOUND');
  });
});

describe('matchOccupations input', () => {
  it('is for signed-in callers only', async () => {
    const r = await gql(hub.url, MATCH, { variables: { title: '焊工' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers an empty, a 10,000-character or a letterless title, a long description and a bad "first" with BAD_USER_INPUT naming the field', async () => {
    for (const [variables, field] of [
      [{ title: '' }, 'title'],
      [{ title: '   ' }, 'title'],
      [{ title: '工'.repeat(10_000) }, 'title'],
      [{ title: '!!!???' }, 'title'],
      [{ title: '焊工', description: '字'.repeat(2001) }, 'description'],
      [{ title: '焊工', first: 0 }, 'first'],
      [{ title: '焊工', first: 21 }, 'first'],
    ] as const) {
      const r = await gql(hub.url, MATCH, { variables, token: tok.e1 });
      expect(r.data?.matchOccupations ?? null, field).toBeNull();
      expect(r.errors?.[0]?.extensions, JSON.stringify(variables).slice(0, 40)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field,
      });
    }
  });

  it('returns only 职业 (tier OCCUPATION), scores in 0..1 with reasons, and maps the issue’s examples', async () => {
    const r = await gql(hub.url, MATCH, { variables: { title: '粤菜厨师', first: 5 }, token: tok.e1 });
    const found = r.data?.matchOccupations as any[];
    expect(found[0].occupation).toMatchObject({ code: '4-03-02-01', name: '中式烹调师' });
    for (const m of found) {
      expect(m.occupation.tier).toBe('OCCUPATION');
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
      expect(m.reason).not.toBe('');
    }
    expect((await match('塔吊司机', 'e1'))[0].occupation.code).toBe('6-30-05-01');
    expect(['6-18-01-02', '6-18-01-07']).toContain((await match('数控铣床操作工', 'e1'))[0].occupation.code);
    // The order follows the scores shown, rules (an equal name, a trade the title ends with) included.
    for (const title of ['焊工', '高压电工', '粤菜厨师', '叉车司机', '涂布机长']) {
      const scores = (await match(title, 'e2')).map((m) => m.score);
      expect(scores, title).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});
