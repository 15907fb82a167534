import { readFile } from 'node:fs/promises';
import { certificates, DEMO_CERTIFICATE } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test/helpers.ts';
import { buildPages, launch, screenshot, scriptBytesGzip, seriousViolations } from './browser.ts';

/**
 * The web front in a real Chromium against the real hub, which serves the built pages on its
 * own origin. One hub and one browser for the file.
 */

/** The budget of script /verify may load (gzip): a phone on a slow network reads a certificate. */
const VERIFY_SCRIPT_BUDGET = 150 * 1024;

let hub: TestHub;
let origin: string;
let browser: Browser;
let context: BrowserContext;
/** A revoked certificate of the seed: number and holder's full name. */
let revoked: { number: string; holderName: string };
/** Messages the pages wrote to the console as errors (a CSP refusal among them). */
const consoleErrors: string[] = [];

beforeAll(async () => {
  const [started] = await Promise.all([startTestHub(200), buildPages()]);
  hub = started;
  origin = new URL(hub.url).origin;
  const [row] = await hub.db.db
    .select({ number: certificates.number, holderName: certificates.holderName })
    .from(certificates)
    .where(eq(certificates.status, 'REVOKED'))
    .limit(1);
  if (!row) throw new Error('the seed has no revoked certificate');
  revoked = row;
  browser = await launch();
  // A phone's viewport: 证书查询 is used mobile first.
  context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
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

async function verifyByNumber(page: Page, number: string, name: string) {
  await page.getByLabel('证书编号').fill(number);
  await page.getByLabel('持证人姓名').fill(name);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  return page.locator('.verdict');
}

describe('serving', () => {
  it('serves each page as HTML with a CSP that allows no inline script and only this origin to connect', async () => {
    for (const path of ['/', '/verify', '/dashboard', '/workbench', '/inspect']) {
      const res = await fetch(`${origin}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('caches hashed assets for a year and answers 404 for unknown paths and assets', async () => {
    const html = await (await fetch(`${origin}/verify`)).text();
    const asset = /src="(\/assets\/[\w.-]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const res = await fetch(`${origin}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${origin}/assets/nothing-here.js`)).status).toBe(404);
    expect((await fetch(`${origin}/no-such-page`)).status).toBe(404);
  });

  it(`keeps the script /verify loads within ${VERIFY_SCRIPT_BUDGET / 1024} KB gzip`, () => {
    const { files, bytes } = scriptBytesGzip('verify.html');
    expect(files.length).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(VERIFY_SCRIPT_BUDGET);
  });
});

describe('/verify — 证书查询', () => {
  it('answers 有效 with the masked name and the facts for the seeded demo certificate', async () => {
    const page = await open('/verify');
    const verdict = await verifyByNumber(page, DEMO_CERTIFICATE.number, DEMO_CERTIFICATE.holderName);
    await expect.poll(() => verdict.textContent()).toBe('有效');
    const facts = page.locator('.result dl');
    await expect.poll(() => facts.textContent()).toContain('张*');
    const text = (await facts.textContent()) ?? '';
    expect(text).toContain(DEMO_CERTIFICATE.number);
    expect(text).toContain('三级/高级工');
    expect(text).toContain(DEMO_CERTIFICATE.issuedOn);
    expect(text).not.toContain(DEMO_CERTIFICATE.holderName);
    await screenshot(page, 'verify-valid');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('answers 未查到 and shows nothing of the certificate when the name is wrong', async () => {
    const page = await open('/verify');
    const verdict = await verifyByNumber(page, DEMO_CERTIFICATE.number, '李四');
    await expect.poll(() => verdict.textContent()).toBe('未查到');
    expect(await page.locator('.result dl').count()).toBe(0);
    await page.close();
  });

  it('answers 已撤销 for a revoked certificate of the seed', async () => {
    const page = await open('/verify');
    const verdict = await verifyByNumber(page, revoked.number, revoked.holderName);
    await expect.poll(() => verdict.textContent()).toBe('已撤销');
    expect(await page.locator('.result dl').textContent()).toContain(revoked.number);
    await page.close();
  });

  it('answers a QR code link (#number=…&name=…) straight away and clears it from the address bar', async () => {
    const fragment = new URLSearchParams({ number: DEMO_CERTIFICATE.number, name: DEMO_CERTIFICATE.holderName });
    const page = await open(`/verify#${fragment}`);
    await expect.poll(() => page.locator('.verdict').textContent()).toBe('有效');
    expect(new URL(page.url()).hash).toBe('');
    await page.close();
  });

  it('finds the certificates of a person by 身份证号 and name', async () => {
    const page = await open('/verify');
    await page.getByRole('tab', { name: '按身份证号' }).click();
    await page.getByLabel('身份证号').fill(DEMO_CERTIFICATE.holderResidentId);
    await page.getByLabel('持证人姓名').fill(DEMO_CERTIFICATE.holderName);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await expect.poll(() => page.locator('.verdict').textContent()).toBe('查到 1 本证书');
    const text = (await page.locator('.result dl').textContent()) ?? '';
    expect(text).toContain(DEMO_CERTIFICATE.number);
    expect(text).not.toContain(DEMO_CERTIFICATE.holderResidentId);
    await screenshot(page, 'verify-identity');
    await page.close();
  });
});

describe('/ — landing page', () => {
  it('says what the hub is and links 证书查询', async () => {
    const page = await open('/');
    expect(await page.locator('h1').textContent()).toContain('技能等级认定');
    await page.getByRole('link', { name: '证书查询' }).click();
    await page.waitForURL(`${origin}/verify`);
    await page.goBack();
    await screenshot(page, 'landing');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('ran every page without a console error or a refused script', () => {
    expect(consoleErrors).toEqual([]);
  });
});

describe('/dashboard — 统计看板', () => {
  it('a city centre signed in by the demo sign-in sees its own 市州 only, with the figures of assessmentStatistics', async () => {
    const page = await open('/dashboard');
    await page.locator('select[name=role]').selectOption('city_center');
    await page.locator('select[name=prefecture]').selectOption('430100');
    await page.getByRole('button', { name: '演示登录' }).click();
    const cityRows = page.locator('section[aria-label="按市州"] tbody tr');
    await expect.poll(() => cityRows.count()).toBeGreaterThan(0);
    const shown = await cityRows.evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-key'), ...[...r.querySelectorAll('td')].map((td) => td.textContent)]),
    );
    // The same question through the API, with the token the page holds.
    const token = await page.evaluate(() => sessionStorage.getItem('hub.token'));
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query:
          '{ assessmentStatistics(groupBy: [PREFECTURE]) { keys { value } candidates passed certificatesIssued } }',
      }),
    });
    const rows = ((await res.json()) as { data: { assessmentStatistics: Record<string, any>[] } }).data
      .assessmentStatistics;
    expect(rows.map((r) => r.keys[0].value)).toEqual(['430100']);
    expect(shown.map((r) => r[0])).toEqual(['430100']);
    const [api] = rows;
    expect(shown[0]?.slice(1, 3)).toEqual([String(api?.candidates), String(api?.passed)]);
    expect(shown[0]?.[4]).toBe(String(api?.certificatesIssued));
    // The CSV export holds the same figures as the table.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV：按市州统计' }).click(),
    ]);
    const csv = (await readFile((await download.path()) as string, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv[0]).toBe('分组,参评人数,合格人数,合格率,发证数,撤销数');
    expect(csv.slice(1).map((line) => line.split(',').slice(1, 3))).toEqual([
      [String(api?.candidates), String(api?.passed)],
    ]);
    // 筛选 by level: the page's figures are the API's for the same filter.
    await page.locator('select[name=level]').selectOption('LEVEL_3');
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    const levelKeys = () =>
      page
        .locator('section[aria-label="按等级"] tbody tr')
        .evaluateAll((rs) => rs.map((r) => r.getAttribute('data-key')));
    await expect.poll(levelKeys).toEqual(['LEVEL_3']);
    const filtered = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: '{ assessmentStatistics(groupBy: [PREFECTURE], filter: { levels: [LEVEL_3] }) { candidates passed } }',
      }),
    });
    const [three] = ((await filtered.json()) as { data: { assessmentStatistics: Record<string, any>[] } }).data
      .assessmentStatistics;
    const cityCells = () =>
      cityRows.first().evaluate((r) => [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent));
    await expect.poll(cityCells).toEqual([String(three?.candidates), String(three?.passed)]);
    await page.locator('section[aria-label="按等级"] canvas').waitFor();
    await screenshot(page, 'dashboard-city');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

/** assessmentStatistics as the API answers it, as the dashboard's table shows it: [key, figures…]. */
async function apiTable(tok: string, groupBy: string, filter: Record<string, unknown>): Promise<string[][]> {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` },
    body: JSON.stringify({
      query:
        'query($g: [StatisticsDimension!], $f: StatisticsFilter) { assessmentStatistics(groupBy: $g, filter: $f) { keys { value } candidates passed passRate certificatesIssued certificatesRevoked } }',
      variables: { g: [groupBy], f: filter },
    }),
  });
  const rows = ((await res.json()) as { data: { assessmentStatistics: Record<string, any>[] } }).data
    .assessmentStatistics;
  return rows.map((r) => [
    r.keys.map((k: { value: string | null }) => k.value ?? '').join('|'),
    String(r.candidates),
    String(r.passed),
    r.passRate === null ? '—' : `${(r.passRate * 100).toFixed(1)}%`,
    String(r.certificatesIssued),
    String(r.certificatesRevoked),
  ]);
}

const pageTable = (page: Page, section: string) =>
  page
    .locator(`section[aria-label="${section}"] tbody tr`)
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.getAttribute('data-key') ?? '',
        ...[...r.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      ]),
    );

describe('/dashboard — filters and charts', () => {
  it('the province centre filters by 市州, 大类, method and enterprise nature; every table equals assessmentStatistics', async () => {
    const page = await open('/dashboard');
    await page.locator('select[name=role]').selectOption('province_center');
    await page.getByRole('button', { name: '演示登录' }).click();
    await page.locator('section[aria-label="月度趋势"] canvas').waitFor();
    const tok = (await page.evaluate(() => sessionStorage.getItem('hub.token'))) as string;
    // Unfiltered, every chart's table is the API's.
    const sections = [
      ['按市州', 'PREFECTURE'],
      ['按等级', 'LEVEL'],
      ['月度趋势', 'MONTH'],
      ['合格率', 'METHOD'],
    ] as const;
    for (const [section, groupBy] of sections) {
      expect(await pageTable(page, section), section).toEqual(await apiTable(tok, groupBy, {}));
    }
    expect((await pageTable(page, '月度趋势')).length).toBeGreaterThan(1);
    // The busiest combination of 市州, 大类, method and enterprise nature, so that the filtered figures are not empty.
    const combos = await apiTable(tok, 'PREFECTURE', {});
    expect(combos.length).toBeGreaterThan(0);
    const res = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` },
      body: JSON.stringify({
        query:
          '{ assessmentStatistics(groupBy: [PREFECTURE, OCCUPATION_MAJOR_GROUP, METHOD, ENTERPRISE_NATURE]) { keys { value } candidates } }',
      }),
    });
    const all = (
      (await res.json()) as { data: { assessmentStatistics: { keys: { value: string }[]; candidates: number }[] } }
    ).data.assessmentStatistics;
    const busiest = [...all].sort((a, b) => b.candidates - a.candidates)[0];
    const [prefecture, major, method, nature] = (busiest?.keys ?? []).map((k) => k.value) as string[];
    const occupations = await fetch(hub.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` },
      body: JSON.stringify({
        query: '{ assessmentStatistics(groupBy: [OCCUPATION_MAJOR_GROUP, OCCUPATION]) { keys { value } } }',
      }),
    });
    const occupationCodes = (
      (await occupations.json()) as { data: { assessmentStatistics: { keys: { value: string }[] }[] } }
    ).data.assessmentStatistics
      .filter((r) => r.keys[0]?.value === major)
      .map((r) => r.keys[1]?.value as string);
    await page.locator('select[name=prefecture]').selectOption(prefecture as string);
    await page.locator('select[name=occupation]').selectOption(`major:${major}`);
    await page.locator('select[name=method]').selectOption(method as string);
    await page.locator('select[name=nature]').selectOption(nature as string);
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    const filter = { prefectures: [prefecture], occupationCodes, methods: [method], enterpriseNatures: [nature] };
    await expect
      .poll(() => pageTable(page, '按市州'))
      .toEqual([[prefecture, ...((await apiTable(tok, 'PREFECTURE', filter))[0]?.slice(1) ?? [])]]);
    for (const [section, groupBy] of sections) {
      const expected = await apiTable(tok, groupBy, filter);
      expect(expected.length, section).toBeGreaterThan(0);
      expect(await pageTable(page, section), section).toEqual(expected);
    }
    // The 月度 CSV holds the table's figures.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出 CSV：月度统计' }).click(),
    ]);
    const csv = (await readFile((await download.path()) as string, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(csv.slice(1).map((line) => line.split(',').slice(1))).toEqual(
      (await apiTable(tok, 'MONTH', filter)).map((r) => r.slice(1)),
    );
    await page.locator('section[aria-label="合格率"] canvas').waitFor();
    await screenshot(page, 'dashboard-province');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('/verify — refusals in words', () => {
  it('says in words that lookups are limited when the hub answers 429 (a number locked after repeated misses)', async () => {
    // A number of the demo's series that no certificate has; five misses lock it for every client.
    const number = `${DEMO_CERTIFICATE.number.slice(0, -3)}999`;
    let status = 200;
    for (let i = 0; i < 10 && status !== 429; i++) {
      const res = await fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { status } }',
          variables: { n: number, h: '王五' },
        }),
      });
      status = res.status;
    }
    expect(status).toBe(429);
    const page = await open('/verify');
    await verifyByNumber(page, number, '王五');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('查询已被暂时限制');
    await screenshot(page, 'verify-limited');
    await page.close();
  });
});
