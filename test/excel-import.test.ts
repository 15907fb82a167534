import { auditEvents, candidates, enterprises, scores, workers } from '@hub/db';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  findInstitution,
  type Institution,
  institutionToken,
  publishYearlyAnnouncement,
  residentId,
} from './assessments-fixtures.ts';
import { dayFrom, partnerToken, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * Excel 导入 (#30 point 1), tried as a new user would: download a template from the gateway, fill
 * it with exceljs as a person fills it in Excel, upload it with the institution's token, read the
 * report. The acceptance: 200 candidates, 3 of them wrong — the report names the 3 rows and
 * nothing is written; fixed — 200 candidates added. Then workers and scores the same way, and the
 * door: another enterprise, a centre, the public, a read-only partner. On the hub's real date.
 */

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const BIRTH = '19920315';
const N = 200;

let hub: TestHub;
let base: string;
let inst: Institution;
let tok: string;
let run: ReturnType<typeof caller>;
let evaluationDate: string;
let planId: string;
const team: Record<string, string> = {};

beforeAll(async () => {
  hub = await startTestHub(400);
  base = hub.url.replace(/\/graphql$/, '');
  evaluationDate = dayFrom(hub, 21);
  inst = await findInstitution(hub, [4], { onDate: evaluationDate });
  tok = await institutionToken(inst.id);
  run = caller(hub.url, tok);
});
afterAll(async () => {
  await hub?.stop();
});

interface Report {
  kind: string;
  rows: number;
  imported: number;
  dryRun: boolean;
  problems: { row: number; column: string | null; cell: string | null; code: string; message: string }[];
  errors: { code: string; message: string }[];
}

/** The template as a person gets it: downloaded from the hub. */
async function template(kind: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(`${base}/templates/${kind}.xlsx`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

/** The template filled from row 2 on, saved as Excel saves it. */
async function filled(kind: string, rows: unknown[][]): Promise<Buffer> {
  const wb = await template(kind);
  const ws = wb.worksheets[0] as ExcelJS.Worksheet;
  rows.forEach((values, i) => {
    ws.getRow(i + 2).values = values as ExcelJS.CellValue[];
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(path: string, body: Buffer, auth: string | null = tok) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': XLSX, ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body,
  });
  return { status: res.status, body: (await res.json()) as Report & { errors: { extensions?: { code?: string } }[] } };
}

const count = async (table: typeof workers | typeof candidates, where: ReturnType<typeof eq>) =>
  (await hub.db.db.select({ n: sql<number>`count(*)::int` }).from(table).where(where))[0]?.n ?? 0;
const workersOf = () => count(workers, eq(workers.institutionId, inst.id));
const candidatesOf = () => count(candidates, eq(candidates.planId, planId));

const person = (i: number) => ({ name: `职工${String(i).padStart(3, '0')}`, residentId: residentId(i, BIRTH) });
/** The same ID with its last character changed: a typing slip the check character catches. */
const slipped = (id: string) => id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
const at = (r: Report) => r.problems.map((p) => `${p.row}:${p.column}:${p.code}`);

describe('the templates', () => {
  it('download for anyone, with the data sheet, 说明 and the Chinese headers', async () => {
    for (const [kind, sheet, first] of [
      ['workers', '职工名单', '姓名'],
      ['candidates', '参评人员', '公民身份号码'],
      ['scores', '评分', '公民身份号码'],
    ] as const) {
      const wb = await template(kind);
      expect(wb.worksheets.map((w) => w.name)).toEqual([sheet, '说明']);
      expect(wb.worksheets[0]?.getCell('A1').value).toBe(first);
    }
  });
});

describe('职工名单 → 参评人员 → 评分, by upload', () => {
  it('registers 203 workers: a file with 3 wrong rows writes none and names them; fixed, all are written', async () => {
    const rows: unknown[][] = [];
    for (let i = 1; i <= N + 3; i++) {
      const p = person(i);
      // Dates as Excel keeps them (a date cell), and one typed as text the way people type it.
      const since = i === 7 ? '2019/5/1' : new Date(Date.UTC(2018, 2, 1));
      rows.push([p.name, p.residentId, since, i % 50 === 0 ? '是' : '否']);
    }
    const wrong = rows.map((r) => [...r]);
    (wrong[4] as unknown[])[1] = slipped(person(5).residentId); // row 6: a slip of the check character
    (wrong[9] as unknown[])[1] = person(3).residentId; // row 11: the person of row 4 again
    (wrong[19] as unknown[])[4] = '91430100MA4L0K3D3H'; // row 21: employer's code, wrong and without its name
    const before = await workersOf();

    const refused = await upload('/uploads/workers', await filled('workers', wrong));
    expect(refused.status).toBe(422);
    expect(refused.body.imported).toBe(0);
    expect(at(refused.body)).toEqual([
      '6:公民身份号码:RESIDENT_ID_INVALID',
      '11:公民身份号码:WORKER_DUPLICATE_IN_FILE',
      '21:用人单位统一社会信用代码:CREDIT_CODE_INVALID',
      '21:用人单位名称:WORKER_EMPLOYER_INCOMPLETE',
    ]);
    expect(refused.body.problems.find((p) => p.row === 11)?.message).toContain('第 4 行');
    expect(refused.body.problems[0]?.cell).toBe('B6');
    expect(refused.body.errors[0]?.code).toBe('IMPORT_REFUSED');
    expect(await workersOf()).toBe(before);

    const done = await upload('/uploads/workers', await filled('workers', rows));
    expect(done.body.problems).toEqual([]);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ kind: 'workers', rows: N + 3, imported: N + 3, dryRun: false });
    expect(await workersOf()).toBe(before + N + 3);
    const [typed] = await hub.db.db
      .select({ since: workers.employedSince, dispatched: workers.dispatched })
      .from(workers)
      .where(and(eq(workers.institutionId, inst.id), eq(workers.name, person(7).name)));
    expect(typed).toEqual({ since: '2019-05-01', dispatched: false });

    // The same file again: every row is a person already recorded, and nothing more is written.
    const again = await upload('/uploads/workers', await filled('workers', rows.slice(0, 3)));
    expect(at(again.body)).toEqual([2, 3, 4].map((r) => `${r}:公民身份号码:WORKER_ALREADY_RECORDED`));
    expect(await workersOf()).toBe(before + N + 3);
  });

  it('reports a plan to take the candidates', async () => {
    for (const [name, role] of [
      ['王考评', 'SENIOR_ASSESSOR'],
      ['赵考评', 'ASSESSOR'],
      ['钱考评', 'ASSESSOR'],
      ['孙督导', 'QUALITY_SUPERVISOR'],
    ] as const) {
      const d = await run(
        'mutation($i: RegisterAssessorInput!) { registerAssessor(input: $i) { assessor { id } errors { code } } }',
        { i: { name, role } },
      );
      team[name] = d.registerAssessor.assessor.id;
    }
    const announcementId = await publishYearlyAnnouncement(run, inst.occupationCode, evaluationDate);
    const d = await run(
      'mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message } } }',
      {
        i: {
          announcementId,
          occupationCode: inst.occupationCode,
          level: 'LEVEL_4',
          method: 'SKILL_OPERATION',
          evaluationDate,
          site: '实训中心',
          assessorIds: [team.王考评, team.赵考评, team.钱考评],
          supervisorIds: [team.孙督导],
        },
      },
    );
    expect(d.reportEvaluationPlan.errors).toEqual([]);
    planId = d.reportEvaluationPlan.plan.id;
  });

  it('acceptance: 200 candidates with 3 wrong rows — the 3 rows named, nothing written; fixed — 200 added', async () => {
    const rows = Array.from({ length: N }, (_, i) => {
      const p = person(i + 1);
      return [p.residentId, p.name];
    });
    const wrong = rows.map((r) => [...r]);
    (wrong[16] as unknown[])[0] = slipped(person(17).residentId); // row 18: a slip
    (wrong[99] as unknown[])[0] = residentId(999, '19800101'); // row 101: nobody the institution recorded
    (wrong[149] as unknown[])[1] = '李四'; // row 151: the name is not the record's
    expect(await candidatesOf()).toBe(0);

    const refused = await upload(`/uploads/candidates?planId=${planId}`, await filled('candidates', wrong));
    expect(refused.status).toBe(422);
    expect(at(refused.body)).toEqual([
      '18:公民身份号码:RESIDENT_ID_INVALID',
      '101:公民身份号码:WORKER_NOT_FOUND',
      '151:姓名:WORKER_NAME_MISMATCH',
    ]);
    expect(refused.body.errors[0]?.message).toContain('3 行有误');
    expect(await candidatesOf()).toBe(0);

    const done = await upload(`/uploads/candidates?planId=${planId}`, await filled('candidates', rows));
    expect(done.body.problems).toEqual([]);
    expect(done.status).toBe(200);
    expect(done.body.imported).toBe(N);
    expect(await candidatesOf()).toBe(N);
    const plan = await run('query($id: ID!) { evaluationPlan(id: $id) { candidates { totalCount } } }', { id: planId });
    expect(plan.evaluationPlan.candidates.totalCount).toBe(N);

    // Once more: each is on the plan already, and 破格 particulars without a ground are refused by row.
    const again = await upload(
      `/uploads/candidates?planId=${planId}`,
      await filled('candidates', [
        [person(1).residentId, person(1).name],
        [person(N + 1).residentId, person(N + 1).name, '', '获湖南省技术能手称号'],
      ]),
    );
    expect(at(again.body)).toEqual([
      '2:公民身份号码:CANDIDATE_ALREADY_ON_PLAN',
      '3:破格条件:EXCEPTIONAL_GROUND_MISSING',
    ]);
    expect(await candidatesOf()).toBe(N);
  });

  it('takes scores from the evaluation day: wrong rows named, then every score recorded', async () => {
    const sheet = (marks: (i: number, a: number) => unknown) =>
      Array.from({ length: 10 }, (_, i) =>
        ['王考评', '赵考评', '钱考评'].map((a, k) => [
          person(i + 1).residentId,
          person(i + 1).name,
          a,
          '技能操作',
          marks(i, k),
        ]),
      ).flat();
    const early = await upload(
      `/uploads/scores?planId=${planId}`,
      await filled(
        'scores',
        sheet(() => 80),
      ),
    );
    expect(early.status).toBe(422);
    expect(early.body.errors.map((e) => e.code)).toEqual(['SCORES_BEFORE_EVALUATION']);

    hub.clock.set(evaluationDate, 'test');
    try {
      const wrong = sheet((i, k) => 70 + i + k);
      (wrong[3] as unknown[])[2] = '孙督导'; // row 5: the supervisor does not score
      (wrong[7] as unknown[])[3] = '理论知识'; // row 9: 技能操作考核 scores no theory
      (wrong[11] as unknown[])[4] = '八十'; // row 13: no number
      (wrong[20] as unknown[])[0] = person(150).residentId; // row 22: another candidate's ID under this one's name
      const refused = await upload(`/uploads/scores?planId=${planId}`, await filled('scores', wrong));
      expect(refused.status).toBe(422);
      expect(at(refused.body)).toEqual([
        '5:考评员:SCORE_ASSESSOR_NOT_ON_PLAN',
        '9:评分项目:SCORE_PART_NOT_IN_METHOD',
        '13:分数:CELL_NOT_A_NUMBER',
        '22:姓名:WORKER_NAME_MISMATCH',
      ]);
      const written = await hub.db.db
        .select({ n: sql<number>`count(*)::int` })
        .from(scores)
        .innerJoin(candidates, eq(candidates.id, scores.candidateId))
        .where(eq(candidates.planId, planId));
      expect(written[0]?.n).toBe(0);

      const done = await upload(
        `/uploads/scores?planId=${planId}`,
        await filled(
          'scores',
          sheet((i, k) => 70 + i + k),
        ),
      );
      expect(done.body.problems).toEqual([]);
      expect(done.body.imported).toBe(30);
      const recorded = await hub.db.db
        .select({ name: workers.name, part: scores.part, score: scores.score })
        .from(scores)
        .innerJoin(candidates, eq(candidates.id, scores.candidateId))
        .innerJoin(workers, eq(workers.id, candidates.workerId))
        .where(eq(candidates.planId, planId));
      expect(recorded).toHaveLength(30);
      expect(new Set(recorded.map((r) => r.name)).size).toBe(10);
      expect(
        recorded
          .filter((r) => r.name === person(1).name)
          .map((r) => `${r.part} ${r.score}`)
          .sort(),
      ).toEqual(['SKILL 70', 'SKILL 71', 'SKILL 72']);

      // The import is one audited mutation; its rows are summarised without names (of the
      // candidate or the assessor) and with resident IDs masked.
      const [event] = await hub.db.db
        .select({ outcome: auditEvents.outcome, args: auditEvents.args })
        .from(auditEvents)
        .where(eq(auditEvents.field, 'importScores'))
        .orderBy(desc(auditEvents.id))
        .limit(1);
      expect(event?.outcome).toBe('OK');
      const first = (event?.args as { rows: Record<string, unknown>[] } | undefined)?.rows[0];
      expect(first).toMatchObject({ name: '[removed]', assessorName: '[removed]', part: 'SKILL' });
      expect(String(first?.residentId)).toMatch(/^430\*+\w{2}$/);
    } finally {
      hub.clock.clear();
    }
  });
});

describe('who may upload', () => {
  it('another enterprise’s token: refused, the plan is not its own; a centre: 403 before the file is read; no token: 401', async () => {
    const [other] = await hub.db.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(ne(enterprises.id, inst.id))
      .limit(1);
    const file = await filled('candidates', [[person(N + 1).residentId, person(N + 1).name]]);
    const theirs = await upload(
      `/uploads/candidates?planId=${planId}`,
      file,
      await institutionToken(other?.id as string),
    );
    expect(theirs.status).toBe(422);
    expect(theirs.body.errors.map((e) => e.code)).toEqual(['PLAN_NOT_FOUND']);
    expect(await candidatesOf()).toBe(N);

    const centre = await upload(
      `/uploads/candidates?planId=${planId}`,
      file,
      await token({ role: 'city_center', prefecture: inst.prefectureCode, sub: 'import-centre' }),
    );
    expect(centre.status).toBe(403);
    expect(centre.body.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    const nobody = await upload(`/uploads/candidates?planId=${planId}`, file, null);
    expect(nobody.status).toBe(401);
  });

  it('a partner HR system: read-only refused by the API’s own door; write-enabled, for its institution, checks a file', async () => {
    const file = await filled('candidates', [[person(N + 1).residentId, person(N + 1).name]]);
    const readOnly = await upload(`/uploads/candidates?planId=${planId}`, file, await partnerToken(hub, inst.id));
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.errors[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PARTNER_READ_ONLY' });
    const writer = await partnerToken(hub, inst.id, { canWrite: true, name: 'HR sync' });
    const checked = await upload(`/uploads/candidates?planId=${planId}&dryRun=1`, file, writer);
    expect(checked.body).toMatchObject({ imported: 0, dryRun: true, problems: [], errors: [] });
    expect(checked.status).toBe(200);
    expect(await candidatesOf()).toBe(N);
  });

  it('refuses what is not a workbook of the template, by name', async () => {
    const junk = await upload('/uploads/workers', Buffer.from('姓名,公民身份号码\n张三,1'));
    expect(junk.status).toBe(400);
    expect(junk.body.errors[0]?.extensions?.code).toBe('UPLOAD_NOT_XLSX');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['姓名', '入职日期']);
    const columns = await upload('/uploads/workers', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(columns.status).toBe(400);
    expect(columns.body.errors[0]?.message).toContain('公民身份号码');
    const big = await upload('/uploads/workers', Buffer.alloc(11 * 1024 * 1024));
    expect(big.status).toBe(413);
    expect(big.body.errors[0]?.extensions?.code).toBe('UPLOAD_TOO_LARGE');
    const noPlan = await upload('/uploads/scores', await filled('scores', []));
    expect(noPlan.body.errors[0]?.extensions?.code).toBe('PLAN_ID_MISSING');
  });
});
