import { dateRefusal, textRefusal } from '@hub/platform/rules/bounds';
import { creditCodeProblem, residentIdProblem } from '@hub/vocabulary';
import { INPUT_BOUNDS } from './input-bounds.ts';
import { problem, type Refusal } from './types.ts';
import { workerEntryProblems } from './workers.ts';

/**
 * 批量导入 (Excel 导入 and the bulk mutations behind it): the rules of one row of a worker, candidate
 * or score sheet, before anything is looked up. A row's values come as typed into a sheet — every
 * field may be missing, resident IDs, credit codes and dates are text — so that each problem is
 * reported on its row rather than refusing the whole request. The single-row commands' own rules
 * (workerEntryProblems, eligibilityProblems, scoreEntryProblems, the input bounds) are applied
 * to every row as they are; the codes here are those a single-row command does not need (its
 * scalars check IDs and dates) and the ones about the file itself (duplicates, size).
 */

/** Rows one import takes at most (a 10,000-row sheet in one transaction). */
export const MAX_IMPORT_ROWS = 10_000;

/** A problem of one row: the row's number, the row field at fault, the rule's code and words. */
export interface RowProblem {
  row: number;
  field: string | null;
  code: string;
  message: string;
}

/** Row numbers: as the caller gives them (the sheet's), else the row's place in the list from 1. */
export const rowNumbers = (rows: readonly { row?: number | null }[]) => rows.map((r, i) => r.row ?? i + 1);

/** The import as a whole: at least one row, at most MAX_IMPORT_ROWS. */
export function importSizeProblems(count: number): Refusal[] {
  if (count === 0) return [problem('IMPORT_EMPTY', '没有可导入的行（表中除列名外没有数据）', 'rows')];
  if (count > MAX_IMPORT_ROWS) {
    return [
      problem('IMPORT_TOO_MANY_ROWS', `一次至多导入 ${MAX_IMPORT_ROWS} 行（本次 ${count} 行），请分批导入`, 'rows'),
    ];
  }
  return [];
}

/** Why nothing was written: every refused row, counted, in one refusal for the payload's `errors`. */
export function importRefusal(problems: readonly RowProblem[]): Refusal {
  const rows = new Set(problems.map((p) => p.row)).size;
  return problem(
    'IMPORT_REFUSED',
    `${rows} 行有误（共 ${problems.length} 处），未写入任何一行：改正后重新导入整个文件`,
    'rows',
  );
}

/** Refusals of one row as its problems; `fields` renames a rule's field to the row's (workerId → residentId). */
export function rowProblems(
  row: number,
  refusals: readonly Refusal[],
  fields: Readonly<Record<string, string>> = {},
): RowProblem[] {
  return refusals.map((r) => ({
    row,
    field: r.field ? (fields[r.field] ?? r.field) : null,
    code: r.code,
    message: r.message,
  }));
}

/** Text as typed: trimmed; null when empty. */
export const typed = (v: string | null | undefined) => {
  const t = v?.trim();
  return t ? t : null;
};

/** A resident ID as the hub stores it (upper-case X), when given. */
export const normalisedResidentId = (v: string | null | undefined) => typed(v)?.toUpperCase() ?? null;

/** 公民身份号码: given, 18 characters, a possible birth date, the GB 11643 check character. */
export function residentIdRefusal(value: string | null | undefined, field = 'residentId'): Refusal | null {
  const id = normalisedResidentId(value);
  if (!id) return problem('RESIDENT_ID_MISSING', '公民身份号码未填写', field);
  const why = residentIdProblem(id);
  if (!why) return null;
  const words = {
    SHAPE: '须为 17 位数字加 1 位校验码（数字或 X）',
    BIRTH_DATE: '其中的出生日期不存在',
    CHECK_DIGIT: '校验码不符（GB 11643），请核对是否录错',
  }[why];
  return problem('RESIDENT_ID_INVALID', `公民身份号码${words}`, field);
}

/** 统一社会信用代码, when given: 18 characters of its alphabet and the GB 32100 check character. */
export function creditCodeRefusal(value: string | null | undefined, field: string): Refusal | null {
  const code = typed(value)?.toUpperCase();
  if (!code) return null;
  const why = creditCodeProblem(code);
  if (!why) return null;
  return problem(
    'CREDIT_CODE_INVALID',
    why === 'SHAPE'
      ? '统一社会信用代码须为 18 位（数字和大写字母，不含 I、O、S、V、Z）'
      : '统一社会信用代码校验码不符（GB 32100），请核对是否录错',
    field,
  );
}

/**
 * A calendar day as people type it into a sheet: 2020-03-01, 2020/3/1, 2020.3.1 or 2020年3月1日
 * (Excel's own dates reach the API as YYYY-MM-DD); null when it is none or no real day.
 */
export function calendarDay(text: string | null | undefined): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text?.trim() ?? '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return day.toISOString().slice(0, 10);
}

/** A free text against the bound the single-row input has for it (the same TOO_LONG refusal). */
function boundRefusal(key: string, field: string, value: string | null): Refusal | null {
  const bound = INPUT_BOUNDS[key];
  if (!value || bound?.kind !== 'text') return null;
  return textRefusal(field, value, bound);
}

/**
 * Rows that repeat an earlier row's key (the same person twice, the same score twice): each
 * such row with the number of the first row it repeats. Rows without a key are not compared.
 */
export function repeatedRows(items: readonly { row: number; key: string | null }[]): Map<number, number> {
  const first = new Map<string, number>();
  const out = new Map<number, number>();
  for (const { row, key } of items) {
    if (key === null) continue;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, row);
    else out.set(row, seen);
  }
  return out;
}

// ── 职工名单 ──

export interface WorkerRow {
  name?: string | null;
  residentId?: string | null;
  employedSince?: string | null;
  dispatched?: boolean | null;
  employerCreditCode?: string | null;
  employerName?: string | null;
}

/**
 * One worker row on its own: registerWorker's rules (a name; employer whole or not at all) and
 * its bounds (姓名 ≤ 50, 用人单位名称 ≤ 100, 入职日期 from 1950 to today), the resident ID and the
 * employer's credit code by their check characters, the date as a real day.
 */
export function workerRowProblems(w: WorkerRow, today: string): Refusal[] {
  const out: Refusal[] = [...workerEntryProblems(w)];
  const name = typed(w.name);
  const employerName = typed(w.employerName);
  for (const r of [
    boundRefusal('RegisterWorkerInput.name', 'name', name),
    boundRefusal('RegisterWorkerInput.employerName', 'employerName', employerName),
    residentIdRefusal(w.residentId),
    creditCodeRefusal(w.employerCreditCode, 'employerCreditCode'),
  ]) {
    if (r) out.push(r);
  }
  const since = typed(w.employedSince);
  if (!since) out.push(problem('EMPLOYED_SINCE_MISSING', '入职日期未填写', 'employedSince'));
  else {
    const day = calendarDay(since);
    if (!day)
      out.push(
        problem('DATE_INVALID', `入职日期须为日期，如 2020-03-01（填的是「${since.slice(0, 20)}」）`, 'employedSince'),
      );
    else {
      const bound = INPUT_BOUNDS['RegisterWorkerInput.employedSince'];
      const refusal = bound?.kind === 'date' ? dateRefusal('employedSince', day, bound, today) : null;
      if (refusal) out.push(refusal);
    }
  }
  return out;
}

// ── 参评人员 ──

export interface CandidateRow {
  residentId?: string | null;
  name?: string | null;
  exceptionalGround?: string | null;
  exceptionalDetail?: string | null;
  /** 申报信息 (application-conditions.ts). */
  tradeYears?: number | null;
  trainingHours?: number | null;
  education?: string | null;
  /** Admits a worker who does not meet the 工作方案's 申报条件, with this reason. */
  overrideReason?: string | null;
}

/**
 * Fields of addCandidate's refusals as a candidate row names them: the worker is its resident ID;
 * an unmet 申报条件 is the column it was declared in, or the resident ID for what the records say.
 */
export const CANDIDATE_FIELDS: Readonly<Record<string, string>> = {
  workerId: 'residentId',
  exceptional: 'exceptionalDetail',
  planId: 'planId',
  yearsInTrade: 'tradeYears',
  yearsInPost: 'residentId',
  levelHeld: 'residentId',
  'application.tradeYears': 'tradeYears',
  'application.trainingHours': 'trainingHours',
};

/**
 * One candidate row on its own: the worker's resident ID and name (the name is checked against
 * the record), 破格 grounds whole — a ground with its particulars (eligibilityProblems then wants
 * at least 10 characters of them), never particulars without a ground — within their bound.
 */
export function candidateRowProblems(c: CandidateRow): Refusal[] {
  const out: Refusal[] = [];
  const rid = residentIdRefusal(c.residentId);
  if (rid) out.push(rid);
  if (!typed(c.name)) out.push(problem('WORKER_NAME_MISSING', '姓名未填写（用于核对职工记录）', 'name'));
  const detail = typed(c.exceptionalDetail);
  if (detail && !c.exceptionalGround) {
    out.push(problem('EXCEPTIONAL_GROUND_MISSING', '填写了破格理由，须同时选择破格条件', 'exceptionalGround'));
  }
  const long = boundRefusal('ExceptionalPromotionInput.detail', 'exceptionalDetail', detail);
  if (long) out.push(long);
  const reason = boundRefusal('AddCandidateInput.overrideReason', 'overrideReason', typed(c.overrideReason));
  if (reason) out.push(reason);
  return out;
}

/** The name on the row against the worker's record (spaces apart). */
export function nameMismatch(rowName: string | null | undefined, recorded: string): Refusal | null {
  const given = typed(rowName)?.replace(/\s+/g, '');
  if (!given || given === recorded.replace(/\s+/g, '')) return null;
  return problem('WORKER_NAME_MISMATCH', '姓名与该公民身份号码登记的职工姓名不一致，请核对', 'name');
}

// ── 评分 ──

export interface ScoreRow {
  residentId?: string | null;
  name?: string | null;
  /** The plan's 考评员 by name (or by id when two share the name). */
  assessorName?: string | null;
  part?: string | null;
  score?: number | null;
}

/** Fields of recordScores' refusals as a score row names them. */
export const SCORE_FIELDS: Readonly<Record<string, string>> = { assessorId: 'assessorName', candidateId: 'residentId' };

/** One score row on its own: the candidate's resident ID, an assessor, a part and a score. */
export function scoreRowProblems(s: ScoreRow): Refusal[] {
  const out: Refusal[] = [];
  const rid = residentIdRefusal(s.residentId);
  if (rid) out.push(rid);
  if (!typed(s.assessorName)) {
    out.push(problem('ASSESSOR_MISSING', '考评员未填写（本计划考评员的姓名或 id）', 'assessorName'));
  }
  if (!s.part) out.push(problem('SCORE_PART_MISSING', '评分项目未选择', 'part'));
  if (s.score == null) out.push(problem('SCORE_MISSING', '分数未填写', 'score'));
  return out;
}

/** A plan's 考评员 as a score row names them: by id, else by name when exactly one has it. */
export function assessorOf(
  given: string,
  staff: readonly { assessorId: string; name: string }[],
): { assessorId: string } | { problem: Refusal } {
  const text = given.trim();
  const byId = staff.find((s) => s.assessorId === text.toLowerCase());
  if (byId) return { assessorId: byId.assessorId };
  const named = staff.filter((s) => s.name.replace(/\s+/g, '') === text.replace(/\s+/g, ''));
  if (named.length === 1) return { assessorId: (named[0] as { assessorId: string }).assessorId };
  if (named.length > 1) {
    return {
      problem: problem(
        'ASSESSOR_NAME_AMBIGUOUS',
        `本计划有 ${named.length} 位考评人员同名「${text.slice(0, 20)}」，请改填其 id`,
        'assessorName',
      ),
    };
  }
  return {
    problem: problem(
      'SCORE_ASSESSOR_NOT_ON_PLAN',
      `「${text.slice(0, 20)}」不是本计划的考评员（只有本计划的考评员可以评分）`,
      'assessorName',
    ),
  };
}
