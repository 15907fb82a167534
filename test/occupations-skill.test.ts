import { auditEvents, dictionaryFacts, isSkillOccupation, skillMarks } from '@hub/db';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 技能类职业 through the gateway (issue #24 point 3, #28 point 3): every occupation is marked skill or
 * not by its 大类 (3–6 skill), the province centre corrects one with a reason (audited), the
 * dictionary filters on the mark, matching ranks skill occupations only unless asked for all, and
 * the other domains read the mark by a named function (db/src/read/occupation.ts).
 */
let hub: TestHub;
const tok: Record<string, string> = {};
beforeAll(async () => {
  hub = await startTestHub(50);
  tok.province = await token({ role: 'province_center', sub: 'e2e-province' });
  tok.city = await token({ role: 'city_center', prefecture: '430100', sub: 'e2e-city' });
  tok.enterprise = await token({ role: 'enterprise', enterpriseId: '00000000-0000-4000-8000-000000000001' });
});
afterAll(() => hub?.stop());

const ask = (query: string, variables?: Record<string, unknown>, as = tok.enterprise) =>
  gql(hub.url, query, { variables, ...(as ? { token: as } : {}) });
const SET = `mutation($code: OccupationCode!, $isSkill: Boolean!, $reason: String!) {
  setSkillMark(occupationCode: $code, isSkill: $isSkill, reason: $reason) {
    occupation { code isSkill skillMarkCorrection { isSkill reason correctedByRole correctedAt } }
    errors { code message field } } }`;
const MATCH = `query($title: String!, $scope: MatchScope) {
  matchOccupations(title: $title, first: 10, scope: $scope) { occupation { code isSkill } } }`;
const matched = async (title: string, scope?: 'SKILL' | 'ALL') =>
  ((await ask(MATCH, { title, ...(scope ? { scope } : {}) })).data?.matchOccupations ?? []) as {
    occupation: { code: string; isSkill: boolean };
  }[];

describe('the skill mark (技能类职业)', () => {
  it('marks 大类 3–6 skill and 1, 2, 7, 8 not, on every tier, publicly', async () => {
    const r = await gql(
      hub.url,
      `{ welder: occupation(code: "6-18-02-04") { isSkill skillMarkCorrection { reason } }
         engineer: occupation(code: "2-02-10-01") { isSkill }
         clerk: occupation(code: "3-01-02-02") { isSkill }
         group: occupation(code: "6-00-00-00") { isSkill }
         head: occupation(code: "1-00-00-00") { isSkill } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      welder: { isSkill: true, skillMarkCorrection: null },
      engineer: { isSkill: false },
      clerk: { isSkill: true },
      group: { isSkill: true },
      head: { isSkill: false },
    });
  });

  it('filters the dictionary on the mark', async () => {
    const q = `query($s: Boolean, $search: String) { occupations(isSkill: $s, tier: OCCUPATION, search: $search, first: 100) {
      edges { node { code isSkill } } totalCount } }`;
    const codes = async (variables: Record<string, unknown>) =>
      ((await gql(hub.url, q, { variables })).data?.occupations.edges ?? []).map((e: any) => e.node.code) as string[];
    const skill = await codes({ s: true });
    const not = await codes({ s: false });
    expect(skill).toHaveLength(100);
    expect(not).toHaveLength(100);
    for (const c of skill) expect(c).toMatch(/^[3-6]-/);
    for (const c of not) expect(c).toMatch(/^[1278]-/);
    // The totals: 1,113 of the 1,631 职业 are skill occupations, 518 are not.
    const total = async (variables: Record<string, unknown>) =>
      (await gql(hub.url, q, { variables })).data?.occupations.totalCount as number;
    expect(await total({ s: true })).toBe(1113);
    expect(await total({ s: false })).toBe(518);
    expect(await total({})).toBe(1631);
    // 工程技术人员 (大类 2) and 电工 (大类 6) both contain 工.
    expect(await codes({ s: true, search: '电工' })).toContain('6-31-01-03');
    expect(await codes({ s: false, search: '电工' })).not.toContain('6-31-01-03');
  });

  it('matches skill occupations only by default; scope ALL ranks every 职业', async () => {
    const byDefault = await matched('软件工程师');
    expect(byDefault.length).toBeGreaterThan(0);
    for (const m of byDefault) expect(m.occupation.isSkill).toBe(true);
    expect(await matched('软件工程师', 'SKILL')).toEqual(byDefault);
    const all = await matched('软件工程师', 'ALL');
    expect(all.some((m) => !m.occupation.isSkill)).toBe(true);
  });

  it('lets the province centre correct one 职业, with a reason, audited; the matcher and the reads follow', async () => {
    expect(await isSkillOccupation(hub.db.db, '6-18-02-04-01')).toBe(true); // 电焊工, a work type of 焊工
    expect((await matched('焊工'))[0]?.occupation.code).toBe('6-18-02-04');
    const reason = '示例：按国家职业技能标准更正';
    const r = await ask(SET, { code: '6-18-02-04', isSkill: false, reason }, tok.province);
    expect(r.data?.setSkillMark.errors).toEqual([]);
    expect(r.data?.setSkillMark.occupation).toMatchObject({
      code: '6-18-02-04',
      isSkill: false,
      skillMarkCorrection: { isSkill: false, reason, correctedByRole: 'province_center' },
    });
    // Audited: who, the field, the reason among the arguments.
    const [event] = await hub.db.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.field, 'setSkillMark'))
      .orderBy(desc(auditEvents.id));
    expect(event).toMatchObject({
      service: 'occupations',
      role: 'province_center',
      sub: 'e2e-province',
      outcome: 'OK',
    });
    expect(event?.args).toMatchObject({ occupationCode: '6-18-02-04', isSkill: false, reason });
    // The other domains' reads.
    expect(await isSkillOccupation(hub.db.db, '6-18-02-04')).toBe(false);
    expect(await isSkillOccupation(hub.db.db, '6-18-02-04-01')).toBe(false);
    expect(await isSkillOccupation(hub.db.db, '2-02-10-01')).toBe(false);
    expect(await isSkillOccupation(hub.db.db, '6-18-00-00')).toBe(false); // a category is not an occupation
    expect(await isSkillOccupation(hub.db.db, '9-99-99-99')).toBe(false);
    const marks = await skillMarks(hub.db.db, ['6-18-02-04-01', '6-18-01-01', '2-02-10-01', '6-18-00-00']);
    expect(Object.fromEntries(marks)).toEqual({
      '6-18-02-04-01': { occupationCode: '6-18-02-04', occupationName: '焊工', isSkill: false, corrected: true },
      '6-18-01-01': { occupationCode: '6-18-01-01', occupationName: '车工', isSkill: true, corrected: false },
      '2-02-10-01': expect.objectContaining({ isSkill: false, corrected: false }),
    });
    expect((await dictionaryFacts(hub.db.db, ['6-18-02-04'])).occupations.get('6-18-02-04')?.isSkill).toBe(false);
    // The matcher: out of SKILL, still under ALL.
    expect((await matched('焊工')).map((m) => m.occupation.code)).not.toContain('6-18-02-04');
    expect((await matched('焊工', 'ALL'))[0]?.occupation.code).toBe('6-18-02-04');
    // And back, with a reason of its own.
    const back = await ask(SET, { code: '6-18-02-04', isSkill: true, reason: '示例：恢复为技能类职业' }, tok.province);
    expect(back.data?.setSkillMark.occupation).toMatchObject({
      isSkill: true,
      skillMarkCorrection: { isSkill: true, reason: '示例：恢复为技能类职业' },
    });
    expect((await matched('焊工'))[0]?.occupation.code).toBe('6-18-02-04');
  });

  it('refuses a category, a missing reason and a mark that already stands; a city centre may not', async () => {
    const refused = async (vars: Record<string, unknown>) =>
      (await ask(SET, vars, tok.province)).data?.setSkillMark.errors.map((e: any) => [e.code, e.field]);
    expect(await refused({ code: '6-18-02-00', isSkill: false, reason: '理由充分' })).toEqual([
      ['NOT_AN_OCCUPATION', 'occupationCode'],
    ]);
    expect(await refused({ code: '9-99-99-99', isSkill: false, reason: '理由充分' })).toEqual([
      ['OCCUPATION_NOT_FOUND', 'occupationCode'],
    ]);
    expect(await refused({ code: '2-02-10-01', isSkill: true, reason: ' ' })).toEqual([['REASON_REQUIRED', 'reason']]);
    expect(await refused({ code: '2-02-10-01', isSkill: false, reason: '理由充分' })).toEqual([
      ['SKILL_MARK_UNCHANGED', 'isSkill'],
    ]);
    const city = await ask(SET, { code: '2-02-10-01', isSkill: true, reason: '理由充分' }, tok.city);
    expect(city.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const r = await gql(hub.url, '{ occupation(code: "2-02-10-01") { isSkill skillMarkCorrection { reason } } }');
    expect(r.data?.occupation).toEqual({ isSkill: false, skillMarkCorrection: null });
  });
});
