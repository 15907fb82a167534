/**
 * `pnpm --filter @hub/bench excel-import`: Excel 导入 at full size, through the real gateway.
 *
 * Three 10,000-row sheets, each filled from the template the gateway serves and uploaded as an
 * institution would: 职工名单 (10,000 workers), 参评人员 (the 10,000 onto one plan) and 评分
 * (one score each, on the evaluation day). For each: a dry run (`?dryRun=1`: every row checked,
 * nothing written) and the import itself, timed from the first byte sent to the report. Prints
 * the figures; on PGlite unless DATABASE_URL is set. BENCH_ROWS changes the size.
 */

import { createDb, enterprises, filingScopes, filings, isInConfirmedScope, migrate, seed } from '@hub/db';
import { startHub } from '@hub/dev';
import { signUserToken } from '@hub/platform';
import { addCalendarDays, HubClock, residentIdCheckChar } from '@hub/vocabulary';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { benchDatabaseUrl, benchNumber } from '../config.ts';

const ROWS = benchNumber('BENCH_ROWS', 10_000);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const clock = new HubClock({ production: false });
const db = await createDb(benchDatabaseUrl ? {} : { dataDir: 'memory' });
await migrate(db);
await seed(db, { size: 1000, today: clock.today() });
const hub = await startHub({ db, port: 0, subgraphPort: () => 0, prepare: false, clock });
const base = hub.url.replace(/\/graphql$/, '');
const evaluationDate = addCalendarDays(clock.today(), 21);

// A confirmed 企业自主评价 institution with 四级 in its scope on the evaluation date.
const scopes = await db.db
  .select({ id: enterprises.id, occupationCode: filingScopes.occupationCode, levels: filingScopes.levels })
  .from(enterprises)
  .innerJoin(filings, eq(filings.enterpriseId, enterprises.id))
  .innerJoin(filingScopes, eq(filingScopes.filingId, filings.id))
  .where(
    and(
      isNotNull(filings.confirmedAt),
      eq(filings.kind, 'ENTERPRISE_SELF_EVALUATION'),
      isNull(filingScopes.workTypeCode),
    ),
  )
  .orderBy(asc(enterprises.id));
let inst: { id: string; occupationCode: string } | undefined;
for (const s of scopes) {
  const q = { enterpriseId: s.id, occupationCode: s.occupationCode, level: 4, onDate: evaluationDate };
  if (s.levels.includes(4) && (await isInConfirmedScope(db.db, q))) {
    inst = s;
    break;
  }
}
if (!inst) throw new Error('the seed has no confirmed institution with 四级 in scope');
const token = await signUserToken({ role: 'enterprise', enterpriseId: inst.id, sub: 'bench' });

async function gql(query: string, variables: Record<string, unknown>) {
  const res = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const out = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (out.errors) throw new Error(JSON.stringify(out.errors));
  return out.data as Record<string, any>;
}

const residentId = (i: number) => {
  const first17 = `4301021985${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}${String(Math.floor(i / 336)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};
const name = (i: number) => `职工${String(i).padStart(5, '0')}`;

async function filled(kind: string, rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const res = await fetch(`${base}/templates/${kind}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  rows.forEach((values, i) => {
    ws.getRow(i + 2).values = values;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const figures: {
  sheet: string;
  step: string;
  rows: number;
  kb: number;
  ms: number;
  status: number;
  imported: number;
}[] = [];
async function upload(kind: string, path: string, body: Buffer) {
  for (const dry of [true, false]) {
    const started = performance.now();
    const res = await fetch(`${base}${path}${path.includes('?') ? '&' : '?'}dryRun=${dry ? 1 : 0}`, {
      method: 'POST',
      headers: { 'content-type': XLSX, authorization: `Bearer ${token}` },
      body,
    });
    const report = (await res.json()) as { imported?: number; rows?: number; problems?: unknown[]; errors?: unknown[] };
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${kind}: ${res.status} ${JSON.stringify(report).slice(0, 500)}`);
    figures.push({
      sheet: kind,
      step: dry ? 'dry run (check only)' : 'import',
      rows: report.rows ?? 0,
      kb: Math.round(body.length / 1024),
      ms: Math.round(ms),
      status: res.status,
      imported: report.imported ?? 0,
    });
  }
}

const all = Array.from({ length: ROWS }, (_, i) => i);
await upload(
  'workers',
  '/uploads/workers',
  await filled(
    'workers',
    all.map((i) => [name(i), residentId(i), new Date(Date.UTC(2015, 2, 1)), '否']),
  ),
);

const team: string[] = [];
for (const [n, role] of [
  ['王考评', 'SENIOR_ASSESSOR'],
  ['赵考评', 'ASSESSOR'],
  ['钱考评', 'ASSESSOR'],
  ['孙督导', 'QUALITY_SUPERVISOR'],
] as const) {
  const d = await gql(
    'mutation($i: RegisterAssessorInput!) { registerAssessor(input: $i) { assessor { id } errors { code } } }',
    { i: { name: n, role } },
  );
  team.push(d.registerAssessor.assessor.id);
}
const a = await gql(
  'mutation($i: PublishAnnouncementInput!) { publishAnnouncement(input: $i) { announcement { id } errors { code } } }',
  {
    i: {
      title: '年度评价公告',
      period: 'YEARLY',
      year: Number(evaluationDate.slice(0, 4)),
      conditions: '本企业在岗职工',
      process: '个人申报、资格审核',
      useOfResults: '岗位聘任参考',
      openings: [{ occupationCode: inst.occupationCode, levels: ['LEVEL_4'] }],
    },
  },
);
const p = await gql(
  'mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message } } }',
  {
    i: {
      announcementId: a.publishAnnouncement.announcement.id,
      occupationCode: inst.occupationCode,
      level: 'LEVEL_4',
      method: 'SKILL_OPERATION',
      evaluationDate,
      site: '实训中心',
      assessorIds: team.slice(0, 3),
      supervisorIds: [team[3]],
    },
  },
);
const planId = p.reportEvaluationPlan.plan.id as string;
await upload(
  'candidates',
  `/uploads/candidates?planId=${planId}`,
  await filled(
    'candidates',
    all.map((i) => [residentId(i), name(i)]),
  ),
);
clock.set(evaluationDate, 'bench');
await upload(
  'scores',
  `/uploads/scores?planId=${planId}`,
  await filled(
    'scores',
    all.map((i) => [residentId(i), name(i), '王考评', '技能操作', 60 + (i % 40)]),
  ),
);

console.log(
  `Excel 导入, ${ROWS} rows per sheet, ${benchDatabaseUrl ? 'PostgreSQL' : 'PGlite'}, through the gateway (upload → report)`,
);
console.log('| sheet | step | rows | file KB | ms | rows/s |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const f of figures) {
  console.log(`| ${f.sheet} | ${f.step} | ${f.rows} | ${f.kb} | ${f.ms} | ${Math.round((f.rows / f.ms) * 1000)} |`);
}
await hub.close();
await db.close();
process.exit(0);
