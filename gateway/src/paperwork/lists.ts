/**
 * A centre's lists (工作台名单) as workbooks: filings waiting for its review, plans whose results
 * are overdue, certificates not uploaded to the national query system. Each is the GraphQL list
 * the centre's 工作台 reads (web/src/workbench-*.tsx), page after page, as the centre itself:
 * a city centre gets its 市州, the province centre the province.
 */
import { prefectureName } from '@hub/vocabulary';
import {
  chineseDate,
  FILING_KIND_NAMES,
  FILING_ROUTE_NAMES,
  FILING_STATUS_NAMES,
  levelName,
  METHOD_NAMES,
  named,
  PLAN_STATUS_NAMES,
  UPLOAD_STATE_NAMES,
} from './layout.ts';
import { type Paper, type PaperRefusal, type RouteContext, refusalOf } from './paper.ts';
import { type Answer, allPages } from './run.ts';
import { type SheetColumn, type SheetSpec, workbookBytes, XLSX_TYPE } from './xlsx.ts';

/** Who asks: the gate verifies the token; no data is read. */
const CALLER_QUERY = 'query PaperworkCaller { __typename }';

const FILINGS_QUERY = /* GraphQL */ `
  query WaitingFilingsPaper($status: FilingStatus!, $after: String) {
    filings(status: $status, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { id enterpriseId kind status route submittedAt } }
    }
  }
`;

const OVERDUE_QUERY = /* GraphQL */ `
  query OverduePlansPaper($overdueOn: Date!, $after: String) {
    evaluationPlans(overdueOn: $overdueOn, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id level method evaluationDate status daysLate
          institution { id name }
          prefecture { code name }
          occupation { code name }
          publicity { endsOn }
          resultDeadline { date }
        }
      }
    }
  }
`;

const NOT_UPLOADED_QUERY = /* GraphQL */ `
  query NotUploadedPaper($after: String) {
    certificates(nationalUpload: NOT_UPLOADED, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          number level issuedOn nationalUploadDueOn nationalUpload
          occupation { code name }
          issuer { id name }
          prefecture { code name }
        }
      }
    }
  }
`;

/** The most rows a list holds; past it the sheet says so. */
export const MAX_LIST_ROWS = 10_000;

/** The gateway's limit of root fields per operation: enterprise names are asked this many at a time. */
const NAMES_PER_QUERY = 10;

type Row = Record<string, string | number | null>;

interface ListDefinition {
  /** The file name, and the name in the route: /lists/<name>.xlsx. */
  name: string;
  title: string;
  columns: SheetColumn[];
  /** The rows as the caller reads them, or the refusal of one of the queries. */
  rows(ctx: RouteContext, role: string): Promise<{ rows: Row[]; truncated: boolean } | PaperRefusal>;
}

interface FilingNode {
  id: string;
  enterpriseId: string;
  kind: string;
  status: string;
  route: string;
  submittedAt: string | null;
}

/** 2026-12-07T01:02:03Z → the China date, 2026年12月07日. */
const chinaDay = (iso: string | null) =>
  iso ? chineseDate(new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10)) : '';

const filingsWaiting: ListDefinition = {
  name: 'filings-waiting',
  title: '待审核备案名单',
  columns: [
    { header: '序号', key: 'n', width: 6 },
    { header: '企业名称', key: 'enterprise', width: 36 },
    { header: '统一社会信用代码', key: 'creditCode', width: 22 },
    { header: '市州', key: 'prefecture', width: 14 },
    { header: '备案类型', key: 'kind', width: 18 },
    { header: '报送路径', key: 'route', width: 16 },
    { header: '状态', key: 'status', width: 22 },
    { header: '提交日期', key: 'submitted', width: 16 },
  ],
  async rows(ctx, role) {
    // The province reviews what its city centres passed and what was filed straight with it; a
    // city centre what was submitted in its 市州 (the API keeps the others from it), as the 工作台 lists them.
    const wanted: { status: string; route?: string }[] =
      role === 'province_center'
        ? [{ status: 'CITY_REVIEWED' }, { status: 'SUBMITTED', route: 'PROVINCE' }]
        : [{ status: 'SUBMITTED' }];
    const filings: FilingNode[] = [];
    let truncated = false;
    for (const w of wanted) {
      const paged = await allPages<{ filings: unknown }, FilingNode>(
        ctx.run,
        ctx.req,
        FILINGS_QUERY,
        { status: w.status },
        (d) => d.filings as never,
        MAX_LIST_ROWS,
      );
      const refused = refusalOf(paged.answer);
      if (refused) return refused;
      filings.push(...paged.nodes.filter((f) => !w.route || f.route === w.route));
      truncated ||= paged.truncated;
    }
    const names = await enterpriseNames(ctx, [...new Set(filings.map((f) => f.enterpriseId))]);
    if ('code' in names) return names;
    const rows = filings.map((f, i) => {
      const e = names.get(f.enterpriseId);
      return {
        n: i + 1,
        enterprise: e?.name ?? f.enterpriseId,
        creditCode: e?.creditCode ?? '',
        prefecture: e?.prefecture.name ?? '',
        kind: named(FILING_KIND_NAMES, f.kind),
        route: named(FILING_ROUTE_NAMES, f.route),
        status: named(FILING_STATUS_NAMES, f.status),
        submitted: chinaDay(f.submittedAt),
      };
    });
    return { rows, truncated };
  },
};

interface EnterpriseName {
  id: string;
  name: string;
  creditCode: string;
  prefecture: { code: string; name: string };
}

/** The names of these enterprises as the caller may read them, ten to a query (aliases). */
async function enterpriseNames(ctx: RouteContext, ids: string[]): Promise<Map<string, EnterpriseName> | PaperRefusal> {
  const out = new Map<string, EnterpriseName>();
  for (let at = 0; at < ids.length; at += NAMES_PER_QUERY) {
    const chunk = ids.slice(at, at + NAMES_PER_QUERY);
    const vars = chunk.map((_, i) => `$e${i}: ID!`).join(', ');
    const fields = chunk
      .map((_, i) => `e${i}: enterprise(id: $e${i}) { id name creditCode prefecture { code name } }`)
      .join('\n');
    const answer: Answer<Record<string, EnterpriseName | null>> = await ctx.run(
      ctx.req,
      `query FilingEnterprisesPaper(${vars}) {\n${fields}\n}`,
      Object.fromEntries(chunk.map((id, i) => [`e${i}`, id])),
    );
    const refused = refusalOf(answer);
    if (refused) return refused;
    for (const e of Object.values(answer.data ?? {})) if (e) out.set(e.id, e);
  }
  return out;
}

interface PlanNode {
  id: string;
  level: string;
  method: string;
  evaluationDate: string;
  status: string;
  daysLate: number | null;
  institution: { id: string; name: string };
  prefecture: { code: string; name: string };
  occupation: { code: string; name: string };
  publicity: { endsOn: string } | null;
  resultDeadline: { date: string } | null;
}

const plansOverdue: ListDefinition = {
  name: 'plans-overdue',
  title: '评价结果逾期未提交名单',
  columns: [
    { header: '序号', key: 'n', width: 6 },
    { header: '评价机构', key: 'institution', width: 36 },
    { header: '市州', key: 'prefecture', width: 14 },
    { header: '职业', key: 'occupation', width: 22 },
    { header: '等级', key: 'level', width: 14 },
    { header: '评价方式', key: 'method', width: 18 },
    { header: '评价日期', key: 'evaluated', width: 16 },
    { header: '公示结束', key: 'publicityEnds', width: 16 },
    { header: '提交期限', key: 'deadline', width: 16 },
    { header: '逾期天数', key: 'daysLate', width: 10 },
    { header: '状态', key: 'status', width: 10 },
    { header: '计划编号', key: 'id', width: 38 },
  ],
  async rows(ctx) {
    const paged = await allPages<{ evaluationPlans: unknown }, PlanNode>(
      ctx.run,
      ctx.req,
      OVERDUE_QUERY,
      { overdueOn: ctx.clock.today() },
      (d) => d.evaluationPlans as never,
      MAX_LIST_ROWS,
    );
    const refused = refusalOf(paged.answer);
    if (refused) return refused;
    const rows = paged.nodes.map((p, i) => ({
      n: i + 1,
      institution: p.institution.name,
      prefecture: p.prefecture.name,
      occupation: p.occupation.name,
      level: levelName(p.level),
      method: named(METHOD_NAMES, p.method),
      evaluated: chineseDate(p.evaluationDate),
      publicityEnds: p.publicity ? chineseDate(p.publicity.endsOn) : '',
      deadline: p.resultDeadline ? chineseDate(p.resultDeadline.date) : '',
      daysLate: p.daysLate,
      status: named(PLAN_STATUS_NAMES, p.status),
      id: p.id,
    }));
    return { rows, truncated: paged.truncated };
  },
};

interface CertificateNode {
  number: string;
  level: string;
  issuedOn: string;
  nationalUploadDueOn: string;
  nationalUpload: string;
  occupation: { code: string; name: string };
  issuer: { id: string; name: string };
  prefecture: { code: string; name: string };
}

const certificatesNotUploaded: ListDefinition = {
  name: 'certificates-not-uploaded',
  title: '证书数据未上报名单',
  columns: [
    { header: '序号', key: 'n', width: 6 },
    { header: '证书编号', key: 'number', width: 26 },
    { header: '发证机构', key: 'issuer', width: 36 },
    { header: '市州', key: 'prefecture', width: 14 },
    { header: '职业', key: 'occupation', width: 22 },
    { header: '等级', key: 'level', width: 14 },
    { header: '发证日期', key: 'issued', width: 16 },
    { header: '上报期限', key: 'due', width: 16 },
    { header: '上报状态', key: 'state', width: 14 },
  ],
  async rows(ctx) {
    const paged = await allPages<{ certificates: unknown }, CertificateNode>(
      ctx.run,
      ctx.req,
      NOT_UPLOADED_QUERY,
      {},
      (d) => d.certificates as never,
      MAX_LIST_ROWS,
    );
    const refused = refusalOf(paged.answer);
    if (refused) return refused;
    const rows = paged.nodes.map((c, i) => ({
      n: i + 1,
      number: c.number,
      issuer: c.issuer.name,
      prefecture: c.prefecture.name,
      occupation: c.occupation.name,
      level: levelName(c.level),
      issued: chineseDate(c.issuedOn),
      due: chineseDate(c.nationalUploadDueOn),
      state: named(UPLOAD_STATE_NAMES, c.nationalUpload),
    }));
    return { rows, truncated: paged.truncated };
  },
};

export const CENTRE_LISTS: readonly ListDefinition[] = [filingsWaiting, plansOverdue, certificatesNotUploaded];

/** The roles a centre's lists are for. */
const CENTRES = ['city_center', 'province_center'];

/** /lists/<name>.xlsx for a centre: the list as the centre reads it through the API. */
export async function centreList(ctx: RouteContext, name: string): Promise<Paper | PaperRefusal> {
  const list = CENTRE_LISTS.find((l) => l.name === name);
  if (!list) {
    return {
      status: 404,
      code: 'LIST_NOT_FOUND',
      message: `没有这份名单：可下载 ${CENTRE_LISTS.map((l) => `${l.name}.xlsx`).join('、')}`,
    };
  }
  const who = await ctx.run<{ __typename: string }>(ctx.req, CALLER_QUERY);
  const refused = refusalOf(who);
  if (refused) return refused;
  const caller = who.caller;
  if (!caller || caller.role === 'public') return refusalOf({ ...who, status: 401 }) as PaperRefusal;
  if (!CENTRES.includes(caller.role)) {
    return {
      status: 403,
      code: 'LIST_FOR_CENTRES',
      message: `名单只提供给市州和省职业技能鉴定中心（city_center、province_center），不提供给 ${caller.role}`,
    };
  }
  const got = await list.rows(ctx, caller.role);
  if ('code' in got) return got;
  const today = ctx.clock.today();
  const centre =
    caller.role === 'province_center'
      ? '湖南省职业技能鉴定中心'
      : `${prefectureName(caller.prefecture ?? '') ?? ''}职业技能鉴定中心`;
  const sheet: SheetSpec = {
    name: list.title,
    title: `${centre}${list.title}（${chineseDate(today)}）`,
    columns: list.columns,
    rows: got.rows,
    notes: [
      `共 ${got.rows.length} 条${got.truncated ? `，仅列出前 ${MAX_LIST_ROWS} 条` : ''}。数据截至${chineseDate(today)}，来自平台 GraphQL 接口。`,
    ],
  };
  return {
    type: XLSX_TYPE,
    fileName: `${list.name}-${today}.xlsx`,
    utf8Name: `${list.title}-${today}.xlsx`,
    bytes: await workbookBytes([sheet], { created: ctx.clock.now() }),
    disposition: 'attachment',
  };
}
