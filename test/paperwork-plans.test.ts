import { candidates, decryptResidentId, enterprises, evaluationPlans, workers } from '@hub/db';
import { maskName } from '@hub/vocabulary';
import { and, asc, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';
import {
  decodeQr,
  fetchPaper,
  keep,
  openWorkbook,
  pdfFonts,
  pdfPng,
  pdfText,
  refusalCode,
  rowText,
} from './paperwork-helpers.ts';

/**
 * A plan's papers and a centre's lists, downloaded as their callers would: the 公示名单 (xlsx and
 * PDF, names masked), the 成绩汇总表 (xlsx), and the centres' lists (xlsx) — each opened and
 * read back, and refused to callers the API refuses.
 */

let hub: TestHub;
interface Person {
  name: string;
  residentId: string;
  result: string | null;
  withdrawn: boolean;
}
let plan: typeof evaluationPlans.$inferSelect;
let people: Person[];
let unreviewed: typeof evaluationPlans.$inferSelect;

beforeAll(async () => {
  hub = await startTestHub(600);
  const db = hub.db.db;
  // A publicised plan with at least three people given a result, names of three characters or more among them.
  const plans = await db
    .select({ id: evaluationPlans.id, n: sql<number>`count(*)::int` })
    .from(evaluationPlans)
    .innerJoin(candidates, eq(candidates.planId, evaluationPlans.id))
    .where(and(isNotNull(evaluationPlans.publicityStartsOn), isNotNull(candidates.result)))
    .groupBy(evaluationPlans.id)
    .orderBy(asc(evaluationPlans.id));
  for (const p of plans) {
    if (p.n < 3) continue;
    const rows = await db
      .select({
        name: workers.name,
        enc: workers.residentIdEnc,
        result: candidates.result,
        withdrawnOn: candidates.withdrawnOn,
      })
      .from(candidates)
      .innerJoin(workers, eq(workers.id, candidates.workerId))
      .where(eq(candidates.planId, p.id));
    if (!rows.some((r) => Array.from(r.name).length >= 3)) continue;
    const [found] = await db.select().from(evaluationPlans).where(eq(evaluationPlans.id, p.id));
    plan = found as typeof plan;
    people = rows.map((r) => ({
      name: r.name,
      residentId: decryptResidentId(r.enc),
      result: r.result,
      withdrawn: r.withdrawnOn !== null,
    }));
    break;
  }
  if (!plan) throw new Error('the seed has no publicised plan with three results');
  const [u] = await db
    .select()
    .from(evaluationPlans)
    .where(and(isNull(evaluationPlans.reviewedOn), eq(evaluationPlans.status, 'REPORTED')))
    .limit(1);
  if (!u) throw new Error('the seed has no plan awaiting review');
  unreviewed = u;
});
afterAll(() => hub?.stop());

const institution = (enterpriseId = plan.enterpriseId) =>
  token({ role: 'enterprise', enterpriseId, sub: 'paper-clerk' });
const cityCentre = (prefecture = plan.prefectureCode) => token({ role: 'city_center', prefecture, sub: 'paper-city' });
const province = () => token({ role: 'province_center', sub: 'paper-province' });

const publicised = () => people.filter((p) => p.result !== null && !p.withdrawn);

/** Every cell of a sheet as text. */
function cells(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  sheet.eachRow((row) => {
    for (const v of (row.values as unknown[]).slice(1)) if (v != null) out.push(String(v));
  });
  return out;
}

describe('公示名单 of a plan', () => {
  it('downloads as a workbook: the headers, every publicised person with the name masked, the period and the channel', async () => {
    const got = await fetchPaper(hub.url, `/plans/${plan.id}/publicity.xlsx`, await institution());
    expect(got.status, got.bytes.toString('utf8').slice(0, 300)).toBe(200);
    expect(got.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(got.disposition).toMatch(/^attachment; filename="plan-[\w-]+-publicity\.xlsx"/);
    keep('publicity.xlsx', got.bytes);
    const book = await openWorkbook(got.bytes);
    const sheet = book.getWorksheet('公示名单') as ExcelJS.Worksheet;
    expect(sheet).toBeDefined();
    expect(String(sheet.getCell('A1').value)).toContain('职业技能等级认定结果公示');
    expect(rowText(sheet, 2)).toEqual(['序号', '姓名', '职业（工种）', '等级', '评价结果']);
    const names: string[] = [];
    for (let r = 3; r < 3 + publicised().length; r++) names.push(rowText(sheet, r)[1] as string);
    expect(names.sort()).toEqual(
      publicised()
        .map((p) => maskName(p.name))
        .sort(),
    );
    const all = cells(sheet);
    for (const p of people) expect(all).not.toContain(p.name);
    expect(all.join('\n')).not.toMatch(/\d{17}[\dX]/);
    const results = new Set(Array.from({ length: publicised().length }, (_, i) => rowText(sheet, 3 + i)[4]));
    for (const r of results) expect(['合格', '不合格', '不予认定（异议成立）']).toContain(r);
    const notes = all.join('\n');
    expect(notes).toMatch(/公示期：\d{4}年\d{2}月\d{2}日至\d{4}年\d{2}月\d{2}日（共\d+天）/);
    expect(notes).toContain('异议渠道');
    expect(notes).toContain('评价工作委员会');
  });

  it('prints as a PDF with the same list, names masked, in its text layer', async () => {
    const got = await fetchPaper(hub.url, `/plans/${plan.id}/publicity.pdf`, await cityCentre());
    expect(got.status, got.bytes.toString('utf8').slice(0, 300)).toBe(200);
    expect(got.type).toBe('application/pdf');
    const file = keep('publicity.pdf', got.bytes);
    pdfPng(file); // .data/paperwork/publicity.png, for a look
    const text = pdfText(file);
    expect(text).toContain('职业技能等级认定结果公示');
    expect(text).toContain('公示期');
    expect(text).toContain('异议渠道');
    expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
    for (const p of publicised()) expect(text).toContain(maskName(p.name));
    for (const p of people.filter((x) => Array.from(x.name).length >= 3)) expect(text).not.toContain(p.name);
    for (const f of pdfFonts(file)) expect(f).toMatchObject({ embedded: true, subset: true, unicode: true });
    expect(decodeQr(`${file.replace(/\.pdf$/, '')}.png`)).toBeNull();
  });

  it('is for the institution and the authorities over its 市州: others get the API’s refusals', async () => {
    const path = `/plans/${plan.id}/publicity.xlsx`;
    expect((await fetchPaper(hub.url, path, await province())).status).toBe(200);
    const anonymous = await fetchPaper(hub.url, path);
    expect([anonymous.status, refusalCode(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
    const dashboard = await fetchPaper(hub.url, path, await token({ role: 'dashboard', sub: 'paper-dash' }));
    expect([dashboard.status, refusalCode(dashboard)]).toEqual([403, 'FORBIDDEN']);
    const [other] = await hub.db.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(ne(enterprises.id, plan.enterpriseId))
      .limit(1);
    const theirs = await fetchPaper(hub.url, path, await institution(other?.id));
    expect([theirs.status, refusalCode(theirs)]).toEqual([404, 'PLAN_NOT_FOUND']);
    const elsewhere = plan.prefectureCode === '430100' ? '430200' : '430100';
    const far = await fetchPaper(hub.url, `/plans/${plan.id}/publicity.pdf`, await cityCentre(elsewhere));
    expect([far.status, refusalCode(far)]).toEqual([404, 'PLAN_NOT_FOUND']);
    const unknown = await fetchPaper(
      hub.url,
      '/plans/00000000-0000-0000-0000-000000000000/publicity.xlsx',
      await province(),
    );
    expect([unknown.status, refusalCode(unknown)]).toEqual([404, 'PLAN_NOT_FOUND']);
  });

  it('has no list before publicity (409 PLAN_NOT_PUBLICISED)', async () => {
    const got = await fetchPaper(
      hub.url,
      `/plans/${unreviewed.id}/publicity.pdf`,
      await institution(unreviewed.enterpriseId),
    );
    expect([got.status, refusalCode(got)]).toEqual([409, 'PLAN_NOT_PUBLICISED']);
  });
});

describe('成绩汇总表 of a plan', () => {
  it('lists every candidate with the full name, the 证件号码 as the certificate shows it, scores, total and result', async () => {
    const got = await fetchPaper(hub.url, `/plans/${plan.id}/results.xlsx`, await institution());
    expect(got.status, got.bytes.toString('utf8').slice(0, 300)).toBe(200);
    keep('results.xlsx', got.bytes);
    const book = await openWorkbook(got.bytes);
    const sheet = book.getWorksheet('成绩汇总表') as ExcelJS.Worksheet;
    expect(String(sheet.getCell('A1').value)).toContain('成绩汇总表');
    const header = rowText(sheet, 2);
    expect(header.slice(0, 5)).toEqual(['序号', '姓名', '证件号码', '职业（工种）', '等级']);
    expect(header).toEqual(expect.arrayContaining(['总成绩', '评价结果', '证书编号']));
    expect(header.some((h) => h.endsWith('成绩') && h !== '总成绩')).toBe(true);
    const rows = Array.from({ length: people.length }, (_, i) => rowText(sheet, 3 + i));
    expect(rows.map((r) => r[1]).sort()).toEqual(people.map((p) => p.name).sort());
    for (const p of people) {
      const row = rows.find((r) => r[1] === p.name) as string[];
      expect(row[2]).toBe(`${p.residentId.slice(0, 6)}********${p.residentId.slice(14)}`);
    }
    // A certificate number (Y + 21 digits) holds 18 digits in a row too:
    // look for the people's own IDs and for an 18-character ID standing alone.
    const text = cells(sheet).join('\n');
    for (const p of people) expect(text).not.toContain(p.residentId);
    expect(text).not.toMatch(/(?<![\dA-Z])\d{17}[\dX](?![\dA-Z])/);
  });

  it('is refused before the committee review (409), to the public (401) and to another enterprise (404)', async () => {
    const early = await fetchPaper(
      hub.url,
      `/plans/${unreviewed.id}/results.xlsx`,
      await institution(unreviewed.enterpriseId),
    );
    expect([early.status, refusalCode(early)]).toEqual([409, 'RESULTS_NOT_REVIEWED']);
    const anonymous = await fetchPaper(hub.url, `/plans/${plan.id}/results.xlsx`);
    expect(anonymous.status).toBe(401);
    const [other] = await hub.db.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(ne(enterprises.id, plan.enterpriseId))
      .limit(1);
    const theirs = await fetchPaper(hub.url, `/plans/${plan.id}/results.xlsx`, await institution(other?.id));
    expect([theirs.status, refusalCode(theirs)]).toEqual([404, 'PLAN_NOT_FOUND']);
  });
});

describe('a centre’s lists', () => {
  const count = async (tok: string, query: string, variables: Record<string, unknown> = {}) => {
    const r = await gql(hub.url, query, { token: tok, variables });
    expect(r.errors).toBeUndefined();
    return r.data as Record<string, any>;
  };

  it('certificates not uploaded: the rows the API lists for the city centre, with their headers', async () => {
    const city = await cityCentre('430100');
    const got = await fetchPaper(hub.url, '/lists/certificates-not-uploaded.xlsx', city);
    expect(got.status, got.bytes.toString('utf8').slice(0, 300)).toBe(200);
    keep('certificates-not-uploaded.xlsx', got.bytes);
    const sheet = (await openWorkbook(got.bytes)).worksheets[0] as ExcelJS.Worksheet;
    expect(String(sheet.getCell('A1').value)).toContain('长沙市职业技能鉴定中心证书数据未上报名单');
    expect(rowText(sheet, 2)).toEqual([
      '序号',
      '证书编号',
      '发证机构',
      '市州',
      '职业',
      '等级',
      '发证日期',
      '上报期限',
      '上报状态',
    ]);
    const d = await count(city, '{ certificates(nationalUpload: NOT_UPLOADED, first: 1) { totalCount } }');
    const total = d.certificates.totalCount as number;
    expect(total).toBeGreaterThan(0);
    const numbers = Array.from({ length: total }, (_, i) => rowText(sheet, 3 + i)[1]);
    expect(numbers.every((n) => /^[A-Z0-9]{22}$/.test(n as string))).toBe(true);
    expect(rowText(sheet, 3 + total)).toEqual([]);
    for (let i = 0; i < total; i++) expect(rowText(sheet, 3 + i)[3]).toBe('长沙市');
  });

  it('plans overdue and filings waiting: as many rows as the API gives the centre', async () => {
    const tok = await province();
    const overdue = await fetchPaper(hub.url, '/lists/plans-overdue.xlsx', tok);
    expect(overdue.status).toBe(200);
    keep('plans-overdue.xlsx', overdue.bytes);
    const plans = (await openWorkbook(overdue.bytes)).worksheets[0] as ExcelJS.Worksheet;
    expect(rowText(plans, 2).slice(0, 4)).toEqual(['序号', '评价机构', '市州', '职业']);
    const d = await count(tok, 'query($d: Date!) { evaluationPlans(overdueOn: $d, first: 1) { totalCount } }', {
      d: hub.clock.today(),
    });
    const overdueCount = d.evaluationPlans.totalCount as number;
    expect(overdueCount).toBeGreaterThan(0);
    expect(rowText(plans, 2 + overdueCount)[0]).toBe(String(overdueCount));
    expect(rowText(plans, 3 + overdueCount)).toEqual([]);
    for (let i = 0; i < overdueCount; i++) expect(Number(rowText(plans, 3 + i)[9])).toBeGreaterThan(0);

    const city = await cityCentre('430100');
    const waiting = await fetchPaper(hub.url, '/lists/filings-waiting.xlsx', city);
    expect(waiting.status).toBe(200);
    keep('filings-waiting.xlsx', waiting.bytes);
    const filings = (await openWorkbook(waiting.bytes)).worksheets[0] as ExcelJS.Worksheet;
    expect(rowText(filings, 2)).toEqual([
      '序号',
      '企业名称',
      '统一社会信用代码',
      '市州',
      '备案类型',
      '报送路径',
      '状态',
      '提交日期',
    ]);
    const f = await count(city, '{ filings(status: SUBMITTED, first: 100) { edges { node { id } } } }');
    const submitted = f.filings.edges.length as number;
    expect(rowText(filings, 3 + submitted)).toEqual([]);
    for (let i = 0; i < submitted; i++) {
      const row = rowText(filings, 3 + i);
      expect(row[1]).not.toBe('');
      expect(row[2]).toMatch(/^[0-9A-Z]{18}$/);
    }
  });

  it('are for the centres: an enterprise 403, the public 401, an unknown list 404', async () => {
    const ent = await fetchPaper(hub.url, '/lists/plans-overdue.xlsx', await institution());
    expect([ent.status, refusalCode(ent)]).toEqual([403, 'LIST_FOR_CENTRES']);
    const anonymous = await fetchPaper(hub.url, '/lists/plans-overdue.xlsx');
    expect([anonymous.status, refusalCode(anonymous)]).toEqual([401, 'UNAUTHENTICATED']);
    const unknown = await fetchPaper(hub.url, '/lists/everything.xlsx', await province());
    expect([unknown.status, refusalCode(unknown)]).toEqual([404, 'LIST_NOT_FOUND']);
  });
});
