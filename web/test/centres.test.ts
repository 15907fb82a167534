import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, fileAndSubmit, register } from '../../test/enterprises-fixtures.ts';
import { gql, startTestHub, type TestHub, token } from '../../test/helpers.ts';
import { buildPages, launch, screenshot, seriousViolations } from './browser.ts';

/**
 * The centres' 工作台 and the inspectors' 督导 page in a real Chromium against the real hub: every
 * action goes through the GraphQL API, checked here through the API itself.
 */

let hub: TestHub;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let province: string;
/** A filing submitted in 长沙 (430100) and one in 株洲 (430200), both waiting for their city centre. */
let changsha: { id: string; name: string; enterpriseId: string };
let zhuzhou: { id: string; name: string; enterpriseId: string };
const consoleErrors: string[] = [];

beforeAll(async () => {
  const [started] = await Promise.all([startTestHub(200), buildPages()]);
  hub = started;
  origin = new URL(hub.url).origin;
  const who = await actors();
  province = who.province;
  const submit = async (prefecture: string, name: string) => {
    const id = await register(hub.url, province, { prefecture, form: { name } });
    const filing = await fileAndSubmit(hub.url, await who.enterprise(id));
    return { id: filing.id, name, enterpriseId: id };
  };
  changsha = await submit('430100', '长沙岳麓精工机械有限公司');
  zhuzhou = await submit('430200', '株洲荷塘轨道配件有限公司');
  browser = await launch();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await hub?.stop();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${path}: ${m.text()}`);
  });
  page.on('pageerror', (e) => consoleErrors.push(`${path}: ${e.message}`));
  await page.goto(`${origin}${path}`);
  return page;
}

async function signIn(page: Page, role: string, prefecture?: string) {
  await page.locator('select[name=role]').selectOption(role);
  if (prefecture !== undefined) await page.locator('select[name=prefecture]').selectOption(prefecture);
  await page.getByRole('button', { name: '演示登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** Every 市州 code the page shows a record of (each record carries data-prefecture). */
const shownPrefectures = (page: Page) =>
  page
    .locator('[data-prefecture]')
    .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-prefecture')))]);

describe('/workbench — 工作台', () => {
  it('a city centre opens a waiting filing as the 备案申报表, approves it, and it moves on to the province', async () => {
    const page = await open('/workbench');
    await signIn(page, 'city_center', '430100');
    const item = page.getByRole('button', { name: changsha.name });
    await item.click();
    const sheet = page.getByRole('article', { name: '备案申报表' });
    await expect.poll(() => sheet.textContent()).toContain('二、评价职业（工种）及等级');
    const text = (await sheet.textContent()) ?? '';
    expect(text).toContain(changsha.name);
    expect(text).toContain('6-18-01-01');
    expect(text).toContain('三级/高级工');
    expect(text).toContain('七、承诺书');
    await screenshot(page, 'workbench-filing');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('审核意见').fill('材料齐全，同意报省中心审核。');
    await page.getByRole('button', { name: '审核通过' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('市州已审核');
    // Through the API: the filing now waits for the province, with the city centre's opinion.
    const r = await gql(
      hub.url,
      'query($id: ID!) { filing(id: $id) { status transitions { toStatus actorRole opinion } } }',
      {
        token: province,
        variables: { id: changsha.id },
      },
    );
    expect(r.data?.filing.status).toBe('CITY_REVIEWED');
    expect(r.data?.filing.transitions.at(-1)).toEqual({
      toStatus: 'CITY_REVIEWED',
      actorRole: 'city_center',
      opinion: '材料齐全，同意报省中心审核。',
    });
    // …and the province centre's workbench lists it.
    const provincePage = await open('/workbench');
    await signIn(provincePage, 'province_center');
    await expect.poll(() => provincePage.getByRole('button', { name: changsha.name }).count()).toBe(1);
    await provincePage.close();
    await page.close();
  });

  it('shows each queue (plans, risk signals, mappings, complaints) without a serious accessibility violation', async () => {
    const page = await open('/workbench');
    await signIn(page, 'province_center');
    for (const tab of ['评价计划', '风险信号', '岗位映射', '投诉受理']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('region', { name: tab === '岗位映射' ? '岗位映射待确认' : tab }).waitFor();
      await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    }
    await page.getByRole('tab', { name: '风险信号' }).click();
    await expect.poll(() => page.locator('section[aria-label="风险信号"] li').count()).toBeGreaterThan(0);
    await screenshot(page, 'workbench-signals');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('/workbench — 岗位映射 and 投诉受理', () => {
  it("a city centre reads the matcher's suggestions with their reasons and confirms a job-role mapping", async () => {
    const enterprise = await token({ role: 'enterprise', enterpriseId: changsha.enterpriseId, sub: 'hr-officer' });
    const proposed = await gql(
      hub.url,
      'mutation($e: ID!) { proposeJobRoleMapping(enterpriseId: $e, roleName: "数控车床操作岗", roleDescription: "操作数控车床加工轴类零件", occupationCode: "6-18-01-01") { jobRoleMapping { id status } errors { code message } } }',
      { token: enterprise, variables: { e: changsha.enterpriseId } },
    );
    const mapping = proposed.data?.proposeJobRoleMapping.jobRoleMapping;
    expect(mapping?.status, JSON.stringify(proposed)).toBe('PROPOSED');
    const page = await open('/workbench');
    await signIn(page, 'city_center', '430100');
    await page.getByRole('tab', { name: '岗位映射' }).click();
    await page.getByRole('button', { name: /数控车床操作岗/ }).click();
    const suggestions = page.locator('section[aria-label="岗位映射待确认"] tbody tr');
    await expect.poll(() => suggestions.count()).toBeGreaterThan(0);
    const reasons = await suggestions.locator('td.text').allTextContents();
    expect(reasons.every((r) => r.trim().length > 0)).toBe(true);
    await screenshot(page, 'workbench-mapping');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('审核理由').fill('岗位工作内容与车工职业相符。');
    await page.getByRole('button', { name: '确认映射' }).click();
    await expect.poll(() => page.getByRole('button', { name: /数控车床操作岗/ }).count()).toBe(0);
    const after = await gql(
      hub.url,
      'query($id: ID!) { jobRoleMapping(id: $id) { status reviewReason reviewerRole } }',
      {
        token: province,
        variables: { id: mapping?.id },
      },
    );
    expect(after.data?.jobRoleMapping).toEqual({
      status: 'CONFIRMED',
      reviewReason: '岗位工作内容与车工职业相符。',
      reviewerRole: 'city_center',
    });
    await page.close();
  });

  it('the province centre accepts a complaint received (受理) with a note', async () => {
    const page = await open('/workbench');
    await signIn(page, 'province_center');
    await page.getByRole('tab', { name: '投诉受理' }).click();
    const first = page.locator('li[data-complaint]').first();
    await first.waitFor();
    const id = await first.getAttribute('data-complaint');
    await first.getByLabel('处理意见').fill('反映问题具体，予以受理。');
    await first.getByRole('button', { name: '受理', exact: true }).click();
    await expect.poll(() => page.locator(`li[data-complaint="${id}"]`).count()).toBe(0);
    const r = await gql(hub.url, '{ complaints(first: 100) { edges { node { id status triageNote } } } }', {
      token: province,
    });
    const complaint = r.data?.complaints.edges
      .map((e: { node: Record<string, unknown> }) => e.node)
      .find((c: Record<string, unknown>) => c.id === id);
    expect(complaint).toEqual({ id, status: 'ACCEPTED', triageNote: '反映问题具体，予以受理。' });
    await page.close();
  });
});

describe('属地: a city centre sees its own 市州 only', () => {
  it('on the workbench, the inspect page and the dashboard', async () => {
    const page = await open('/workbench');
    await signIn(page, 'city_center', '430200');
    await page.getByRole('button', { name: zhuzhou.name }).waitFor();
    for (const tab of ['待审备案', '评价计划', '风险信号', '岗位映射', '投诉受理']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.getByRole('alert').count()).toBe(0);
      await page.waitForLoadState('networkidle');
      for (const code of await shownPrefectures(page)) expect(code, tab).toBe('430200');
      expect(await page.locator('main').textContent(), tab).not.toContain(changsha.name);
    }
    await page.goto(`${origin}/inspect`);
    await page.getByRole('region', { name: '督导案件' }).waitFor();
    await page.waitForLoadState('networkidle');
    for (const code of await shownPrefectures(page)) expect(code).toBe('430200');
    // Another 市州's institution is not found by its record either.
    await page.getByRole('tab', { name: '机构档案' }).click();
    const other = await gql(hub.url, 'query($id: ID!) { filing(id: $id) { enterpriseId } }', {
      token: province,
      variables: { id: changsha.id },
    });
    const { data } = await gql(hub.url, 'query($id: ID!) { enterprise(id: $id) { creditCode } }', {
      token: province,
      variables: { id: other.data?.filing.enterpriseId },
    });
    await page.getByLabel('统一社会信用代码').fill(data?.enterprise.creditCode);
    await page.getByRole('button', { name: '查看档案' }).click();
    await expect
      .poll(async () => (await page.getByRole('region', { name: '机构档案' }).textContent()) ?? '')
      .toMatch(/未找到该机构|无权/);
    expect(await page.locator('main').textContent()).not.toContain(changsha.name);
    await page.goto(`${origin}/dashboard`);
    const rows = page.locator('section[aria-label="按市州"] tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-key')))).toEqual(['430200']);
    await page.close();
  });
});

describe('/inspect — 督导', () => {
  it('an inspector opens a case from the inspect page and records an inspection', async () => {
    const inspectorAll = await token({ role: 'inspector', sub: 'inspector-province' });
    const cases = await gql(
      hub.url,
      '{ supervisionCases(first: 100) { edges { node { id status prefecture { code } findings { id } } } } }',
      {
        token: inspectorAll,
      },
    );
    const live = (cases.data?.supervisionCases.edges ?? [])
      .map((e: { node: Record<string, any> }) => e.node)
      .filter((c: Record<string, any>) => ['OPEN', 'INVESTIGATING'].includes(c.status))
      .sort(
        (a: Record<string, any>, b: Record<string, any>) =>
          (a.status === 'OPEN' ? -1 : 0) - (b.status === 'OPEN' ? -1 : 0),
      );
    const target = live[0];
    expect(target, 'the seed has an open case').toBeDefined();
    const page = await open('/inspect');
    await signIn(page, 'inspector', target.prefecture.code);
    const item = page.locator(`li[data-case="${target.id}"]`);
    await item.getByRole('button').first().click();
    const form = item.getByRole('form', { name: '记录检查' });
    await form.waitFor();
    await form.locator('select[name=violationType]').selectOption('MISMANAGEMENT');
    await form.getByLabel('检查发现').fill('现场检查：考评员名册与实际到场人员不一致。');
    await form.getByLabel(/证据/).fill('检查记录 2026-001\n考评员签到表');
    await form.getByRole('button').click();
    await expect.poll(() => item.locator('tr.finding').count()).toBe(target.findings.length + 1);
    expect(await item.locator('.case-status').textContent()).toBe('调查中');
    // The list re-reads the case: its state and its count of findings.
    await expect
      .poll(() => item.locator('.hint').first().textContent())
      .toContain(`发现 ${target.findings.length + 1} 项`);
    expect(await item.locator('.hint').first().textContent()).toContain('调查中');
    await screenshot(page, 'inspect-case');
    expect(await seriousViolations(page)).toEqual([]);
    const after = await gql(
      hub.url,
      'query($id: ID!) { supervisionCase(id: $id) { status findings { violationType description evidence } } }',
      { token: inspectorAll, variables: { id: target.id } },
    );
    expect(after.data?.supervisionCase.status).toBe('INVESTIGATING');
    expect(after.data?.supervisionCase.findings.at(-1)).toEqual({
      violationType: 'MISMANAGEMENT',
      description: '现场检查：考评员名册与实际到场人员不一致。',
      evidence: ['检查记录 2026-001', '考评员签到表'],
    });
    // The institution's record at a glance, from the case.
    await item.getByRole('button', { name: /查看机构档案/ }).click();
    const record = page.locator('article.record');
    await expect.poll(() => record.textContent()).toContain('历次督导案件');
    await screenshot(page, 'inspect-institution');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: '双随机抽查' }).click();
    await page.getByRole('region', { name: '双随机抽查' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('ran every page without a console error or a refused script', () => {
    expect(consoleErrors).toEqual([]);
  });
});
