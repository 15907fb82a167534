/**
 * A plan's papers: the 公示名单 (what the institution posts during publicity: names masked, the
 * occupation, level and result of each person, the period and where to object) as a workbook
 * and as a printable PDF, and the 成绩汇总表 (the results that go to the centre) as a workbook.
 */
import {
  AWARD_NAMES,
  certificateIdMask,
  chineseDate,
  levelName,
  METHOD_NAMES,
  named,
  occupationWithWorkType,
  PART_NAMES,
  PLAN_STATUS_NAMES,
  publicityPeriod,
  publicName,
  RESULT_NAMES,
} from './layout.ts';
import type { Paper, PaperRefusal, RouteContext } from './paper.ts';
import { refusalOf } from './paper.ts';
import { pageNumbers, pdfBytes, pdfTable } from './pdf.ts';
import { allPages, type Connection } from './run.ts';
import { type SheetSpec, workbookBytes, XLSX_TYPE } from './xlsx.ts';

/** The plan's own fields, as both papers read them. */
const PLAN_FIELDS = `
  id level method evaluationDate status reviewedOn resultsSubmittedOn workTypeCode
  publicity { startsOn endsOn days }
  occupation { code name workTypes { code name } }
  institution { id name contactName contactPhone }
  prefecture { code name }
`;

/** 公示名单: each person's name (masked here, in the gateway) and result; nothing else of them. */
export const PUBLICITY_QUERY = /* GraphQL */ `
  query PublicityPaper($id: ID!, $after: String) {
    evaluationPlan(id: $id) {
      ${PLAN_FIELDS}
      candidates(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { id result withdrawal { on } worker { name } } }
      }
    }
  }
`;

/**
 * 成绩汇总表: the scores of each part (or of each module, 过程化/模块化考核), the placing of a
 * competition, the total, the result and the certificate issued.
 */
export const RESULTS_QUERY = /* GraphQL */ `
  query ResultsPaper($id: ID!, $after: String) {
    evaluationPlan(id: $id) {
      ${PLAN_FIELDS}
      candidates(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges {
          node {
            id result total withdrawal { on }
            worker { name residentId }
            partScores { part score }
            moduleResults { module { position name } score }
            contestPlacing { rank award earnedLevel }
            certificate { number }
          }
        }
      }
    }
  }
`;

interface PlanData<C> {
  id: string;
  level: string;
  method: string;
  evaluationDate: string;
  status: string;
  reviewedOn: string | null;
  resultsSubmittedOn: string | null;
  workTypeCode: string | null;
  publicity: { startsOn: string; endsOn: string; days: number } | null;
  occupation: { code: string; name: string; workTypes: { code: string; name: string }[] };
  institution: { id: string; name: string; contactName: string; contactPhone: string };
  prefecture: { code: string; name: string };
  candidates: Connection<C>;
}

interface PublicityCandidate {
  id: string;
  result: string | null;
  withdrawal: { on: string } | null;
  worker: { name: string };
}

interface ResultCandidate extends Omit<PublicityCandidate, 'worker'> {
  total: number | null;
  worker: { name: string; residentId: string };
  partScores: { part: string; score: number }[];
  moduleResults: { module: { position: number; name: string }; score: number | null }[];
  contestPlacing: { rank: number | null; award: string | null; earnedLevel: string | null } | null;
  certificate: { number: string } | null;
}

type PlanAnswer<C> = { evaluationPlan: PlanData<C> | null };

const PLAN_NOT_FOUND: PaperRefusal = {
  status: 404,
  code: 'PLAN_NOT_FOUND',
  message: '查无此评价计划：编号不存在，或计划不属于本机构、本辖区',
};

/** The plan and all its candidates as the caller may read them, or the refusal. */
async function planWithCandidates<C>(
  ctx: RouteContext,
  query: string,
  id: string,
): Promise<{ plan: PlanData<C>; candidates: C[]; truncated: boolean } | PaperRefusal> {
  const paged = await allPages<PlanAnswer<C>, C>(ctx.run, ctx.req, query, { id }, (d) => d.evaluationPlan?.candidates);
  const refused = refusalOf(paged.answer);
  if (refused) return refused;
  const plan = paged.answer.data?.evaluationPlan;
  if (!plan) return PLAN_NOT_FOUND;
  return { plan, candidates: paged.nodes, truncated: paged.truncated };
}

/** Who is on the 公示名单: everyone the committee gave a result, not those who withdrew. */
const publicised = <C extends { result: string | null; withdrawal: unknown }>(cs: C[]) =>
  cs.filter((c) => c.result !== null && c.withdrawal === null);

function publicityText<C>(plan: PlanData<C> & { publicity: NonNullable<PlanData<C>['publicity']> }) {
  const what = `${occupationWithWorkType(plan.occupation, plan.workTypeCode)}${levelName(plan.level)}`;
  return {
    title: `${plan.institution.name}职业技能等级认定结果公示`,
    intro: `经评价工作委员会审核，现将${chineseDate(plan.evaluationDate)}开展的${what}职业技能等级认定（${named(METHOD_NAMES, plan.method)}）结果予以公示。`,
    period: `公示期：${publicityPeriod(plan.publicity)}`,
    objection: `异议渠道：对公示结果有异议的，请于公示期内向${plan.institution.name}评价工作委员会反映（联系人：${plan.institution.contactName}，电话：${plan.institution.contactPhone}）；也可向${plan.prefecture.name}职业技能鉴定中心反映。`,
    privacy: '依《中华人民共和国个人信息保护法》，名单中的姓名已作去标识化处理。',
  };
}

const NOT_PUBLICISED: PaperRefusal = {
  status: 409,
  code: 'PLAN_NOT_PUBLICISED',
  message: '该计划的评价结果尚未公示：经评价工作委员会审核并设定公示期（startPublicity）后才有公示名单',
};

const PUBLICITY_COLUMNS = ['序号', '姓名', '职业（工种）', '等级', '评价结果'];

/** The 公示名单's rows: 序号, masked name, occupation, level, result. */
function publicityRows<C extends PublicityCandidate>(plan: PlanData<C>, candidates: C[]): string[][] {
  const occupation = occupationWithWorkType(plan.occupation, plan.workTypeCode);
  return publicised(candidates).map((c, i) => [
    String(i + 1),
    publicName(c.worker.name),
    occupation,
    levelName(plan.level),
    named(RESULT_NAMES, c.result),
  ]);
}

const fileStem = (planId: string) => `plan-${planId.replace(/[^\w-]/g, '')}`;

export async function publicityWorkbook(ctx: RouteContext, id: string): Promise<Paper | PaperRefusal> {
  const got = await planWithCandidates<PublicityCandidate>(ctx, PUBLICITY_QUERY, id);
  if ('code' in got) return got;
  const { plan, candidates } = got;
  if (!plan.publicity) return NOT_PUBLICISED;
  const text = publicityText({ ...plan, publicity: plan.publicity });
  const rows = publicityRows(plan, candidates);
  const sheet: SheetSpec = {
    name: '公示名单',
    title: text.title,
    columns: PUBLICITY_COLUMNS.map((header, i) => ({ header, key: String(i), width: [6, 12, 30, 16, 20][i] })),
    rows: rows.map((r) => Object.fromEntries(r.map((v, i) => [String(i), i === 0 ? Number(v) : v]))),
    notes: [text.intro, text.period, text.objection, text.privacy],
  };
  return {
    type: XLSX_TYPE,
    fileName: `${fileStem(plan.id)}-publicity.xlsx`,
    utf8Name: `公示名单-${plan.institution.name}-${plan.evaluationDate}.xlsx`,
    bytes: await workbookBytes([sheet], { created: ctx.clock.now() }),
    disposition: 'attachment',
  };
}

export async function publicityPdf(ctx: RouteContext, id: string): Promise<Paper | PaperRefusal> {
  const got = await planWithCandidates<PublicityCandidate>(ctx, PUBLICITY_QUERY, id);
  if ('code' in got) return got;
  const { plan, candidates } = got;
  if (!plan.publicity) return NOT_PUBLICISED;
  const text = publicityText({ ...plan, publicity: plan.publicity });
  const rows = publicityRows(plan, candidates);
  const bytes = await pdfBytes({ title: text.title, created: ctx.clock.now() }, (doc) => {
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.font('bold').fontSize(18).text(text.title, { align: 'center', width });
    doc.moveDown(0.8);
    doc.font('regular').fontSize(11).text(text.intro, { width, lineGap: 3 });
    doc.moveDown(0.3);
    doc.text(text.period, { width });
    doc.moveDown(0.8);
    pdfTable(
      doc,
      [
        { header: '序号', width: 6, align: 'center' },
        { header: '姓名', width: 12, align: 'center' },
        { header: '职业（工种）', width: 30 },
        { header: '等级', width: 16, align: 'center' },
        { header: '评价结果', width: 18, align: 'center' },
      ],
      rows,
    );
    doc.font('regular').fontSize(11).text(text.objection, { width, lineGap: 3 });
    doc.moveDown(0.3);
    doc.fontSize(9.5).fillColor('#555555').text(text.privacy, { width });
    doc.moveDown(1.5);
    doc.fontSize(11).fillColor('#000000');
    doc.text(`${plan.institution.name}评价工作委员会`, { width, align: 'right' });
    doc.text(chineseDate(plan.publicity?.startsOn ?? plan.evaluationDate), { width, align: 'right' });
    pageNumbers(doc);
  });
  return {
    type: 'application/pdf',
    fileName: `${fileStem(plan.id)}-publicity.pdf`,
    utf8Name: `公示名单-${plan.institution.name}-${plan.evaluationDate}.pdf`,
    bytes,
    disposition: 'inline',
  };
}

const NOT_REVIEWED: PaperRefusal = {
  status: 409,
  code: 'RESULTS_NOT_REVIEWED',
  message: '该计划的评价结果尚未经评价工作委员会审核（reviewResults），还没有成绩汇总表',
};

/** Scores as the sheet writes them: one decimal, none for a whole number. */
const score = (n: number | null | undefined) => (n == null ? null : Math.round(n * 10) / 10);

export async function resultsWorkbook(ctx: RouteContext, id: string): Promise<Paper | PaperRefusal> {
  const got = await planWithCandidates<ResultCandidate>(ctx, RESULTS_QUERY, id);
  if ('code' in got) return got;
  const { plan, candidates, truncated } = got;
  if (!plan.reviewedOn) return NOT_REVIEWED;
  const parts = [...new Set(candidates.flatMap((c) => c.partScores.map((p) => p.part)))].sort(
    (a, b) => Object.keys(PART_NAMES).indexOf(a) - Object.keys(PART_NAMES).indexOf(b),
  );
  // 过程化/模块化考核: one column per module, in the plan's order; a competition: its placing.
  const modules = new Map<number, string>();
  for (const c of candidates) for (const m of c.moduleResults) modules.set(m.module.position, m.module.name);
  const modulePositions = [...modules.keys()].sort((a, b) => a - b);
  const placed = candidates.some((c) => c.contestPlacing);
  const occupation = occupationWithWorkType(plan.occupation, plan.workTypeCode);
  const columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '姓名', key: 'name', width: 12 },
    { header: '证件号码', key: 'id', width: 22 },
    { header: '职业（工种）', key: 'occupation', width: 26 },
    { header: '等级', key: 'level', width: 14 },
    ...parts.map((p) => ({ header: `${named(PART_NAMES, p)}成绩`, key: `part:${p}`, width: 14 })),
    ...modulePositions.map((p) => ({ header: `模块：${modules.get(p)}`, key: `module:${p}`, width: 16 })),
    ...(placed
      ? [
          { header: '名次', key: 'rank', width: 8 },
          { header: '奖项', key: 'award', width: 10 },
          { header: '获得等级', key: 'earned', width: 14 },
        ]
      : []),
    { header: '总成绩', key: 'total', width: 10 },
    { header: '评价结果', key: 'result', width: 20 },
    { header: '证书编号', key: 'certificate', width: 26 },
    { header: '备注', key: 'note', width: 18 },
  ];
  const rows = candidates.map((c, i) => ({
    n: i + 1,
    name: c.worker.name,
    id: certificateIdMask(c.worker.residentId),
    occupation,
    level: levelName(plan.level),
    ...Object.fromEntries(c.partScores.map((p) => [`part:${p.part}`, score(p.score)])),
    ...Object.fromEntries(c.moduleResults.map((m) => [`module:${m.module.position}`, score(m.score)])),
    ...(placed
      ? {
          rank: c.contestPlacing?.rank ?? '',
          award: c.contestPlacing?.award ? named(AWARD_NAMES, c.contestPlacing.award) : '',
          earned: c.contestPlacing?.earnedLevel ? levelName(c.contestPlacing.earnedLevel) : '',
        }
      : {}),
    total: score(c.total),
    result: named(RESULT_NAMES, c.result),
    certificate: c.certificate?.number ?? '',
    note: c.withdrawal ? `${chineseDate(c.withdrawal.on)}退出` : '',
  }));
  const passed = candidates.filter((c) => c.result === 'PASSED' && !c.withdrawal).length;
  const sheet: SheetSpec = {
    name: '成绩汇总表',
    title: `${plan.institution.name}职业技能等级认定成绩汇总表`,
    columns,
    rows,
    notes: [
      `职业（工种）：${occupation}；等级：${levelName(plan.level)}；评价方式：${named(METHOD_NAMES, plan.method)}；评价日期：${chineseDate(plan.evaluationDate)}`,
      `评价工作委员会审核：${chineseDate(plan.reviewedOn)}；${plan.publicity ? `公示期：${publicityPeriod(plan.publicity)}；` : ''}状态：${named(PLAN_STATUS_NAMES, plan.status)}${plan.resultsSubmittedOn ? `（${chineseDate(plan.resultsSubmittedOn)}提交鉴定中心）` : ''}`,
      `参评 ${candidates.length} 人，合格 ${passed} 人。证件号码隐去出生日期（与证书一致），完整信息以平台数据为准。`,
      ...(truncated ? ['名单过长，仅列出前 10000 人。'] : []),
    ],
  };
  return {
    type: XLSX_TYPE,
    fileName: `${fileStem(plan.id)}-results.xlsx`,
    utf8Name: `成绩汇总表-${plan.institution.name}-${plan.evaluationDate}.xlsx`,
    bytes: await workbookBytes([sheet], { created: ctx.clock.now() }),
    disposition: 'attachment',
  };
}
