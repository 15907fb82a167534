import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * The matcher as a new user meets it (issue #28, point 2): `pnpm start`'s database, the dictionary's
 * facts only (no import of definitions or tasks), no confirmed mapping, the API's defaults.
 */
let hub: TestHub;
let tok: string;

beforeAll(async () => {
  hub = await startTestHub(50);
  tok = await token({ role: 'province_center', sub: 'province' });
});
afterAll(() => hub?.stop());

const MATCH = `query($title: String!) {
  matchOccupations(title: $title, first: 5) { occupation { code name } score reason } }`;
const match = async (title: string) =>
  (await gql(hub.url, MATCH, { variables: { title }, token: tok })).data?.matchOccupations as {
    occupation: { code: string; name: string };
    score: number;
    reason: string;
  }[];

describe('matching on the default install (dictionary facts only)', () => {
  it('files a tower-crane driver under the crane operators (起重装卸机械操作工), not a bus driver', async () => {
    const found = await match('塔吊司机');
    expect(found[0]?.occupation).toMatchObject({ code: '6-30-05-01', name: '起重装卸机械操作工' });
  });

  it('files a delivery rider under 网约配送员', async () => {
    expect((await match('外卖骑手'))[0]?.occupation.code).toBe('4-10-08-01');
  });

  it('reads the work, not the product: assembling or repairing a machine, checking goods at a stage', async () => {
    expect((await match('装载机总装工'))[0]?.occupation.name).toBe('工程机械装配调试工');
    expect((await match('推土机维修工'))[0]?.occupation.name).toBe('工程机械维修工');
    expect((await match('成品检验员'))[0]?.occupation.name).toBe('质检员');
  });

  it('shows a 职业’s everyday titles (岗位俗称) and says when a match rests on one', async () => {
    const res = await gql(hub.url, `{ occupation(code: "6-31-01-03") { name everydayTitles } }`, { token: tok });
    expect(res.data?.occupation.name).toBe('电工');
    expect(res.data?.occupation.everydayTitles).toContain('高压电工');
    const [first] = await match('高压电工');
    expect(first?.occupation.code).toBe('6-31-01-03');
    expect(first?.reason).toContain('岗位俗称“高压电工”');
    const category = await gql(hub.url, `{ occupation(code: "6-31-01-00") { everydayTitles } }`, { token: tok });
    expect(category.data?.occupation.everydayTitles).toEqual([]);
  });

  it('lists candidates in the order of the scores it shows', async () => {
    for (const title of ['塔吊司机', '外卖骑手', '车间电工', '装载机总装工']) {
      const scores = (await match(title)).map((m) => m.score);
      expect(scores, title).toEqual([...scores].sort((a, b) => b - a));
    }
  });
});
