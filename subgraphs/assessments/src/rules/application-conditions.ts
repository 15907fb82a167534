import { addYears } from './dates.ts';
import { LEVEL_NAMES, problem, type Refusal } from './types.ts';

/**
 * 申报条件 of an institution's 工作方案 (「企业…自主确定职业技能等级认定标准、内容、方式、时间…」):
 * per occupation (and work type) and level, what a candidate must have — years in the trade, years
 * in the post, a level already held (and for how long), and other typed conditions (training
 * hours, 文化程度). Every requirement an entry states must be met; several entries for the same
 * occupation and level are alternatives (满足其一即可), as the national standards write them.
 */

/** 文化程度, lowest first: a condition is met by the level it names or any above it. */
export const EDUCATION_LEVELS = ['JUNIOR_HIGH', 'SECONDARY', 'JUNIOR_COLLEGE', 'BACHELOR', 'POSTGRADUATE'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export const EDUCATION_NAMES: Readonly<Record<EducationLevel, string>> = {
  JUNIOR_HIGH: '初中',
  SECONDARY: '高中、中专、技工学校',
  JUNIOR_COLLEGE: '大专（含高级技工学校、技师学院）',
  BACHELOR: '本科',
  POSTGRADUATE: '研究生',
};

export type OtherCondition =
  | { kind: 'TRAINING_HOURS'; hours: number }
  | { kind: 'EDUCATION'; education: EducationLevel };

export interface ApplicationCondition {
  occupationCode: string;
  /** Null: every work type of the occupation (an entry naming the plan's work type wins over these). */
  workTypeCode: string | null;
  level: number;
  /** 从事本职业（工种）工作满 N 年, as the candidate declares it. */
  yearsInTrade: number | null;
  /** 在本单位（岗位）工作满 N 年, from the worker's record (入职日期) to the evaluation date. */
  yearsInPost: number | null;
  /** 已取得本职业此等级（或更高等级）证书. */
  levelHeld: number | null;
  /** …and held it at least N years by the evaluation date. */
  yearsSinceLevelHeld: number | null;
  others: readonly OtherCondition[];
}

/** What a candidate declares when applying (申报信息); each may be missing. */
export interface CandidateApplication {
  tradeYears: number | null;
  trainingHours: number | null;
  education: EducationLevel | null;
}

export const NO_APPLICATION: CandidateApplication = { tradeYears: null, trainingHours: null, education: null };

export interface ConditionFacts {
  evaluationDate: string;
  /** 入职日期 from the worker's record. */
  employedSince: string;
  /** Certificates held in the plan's occupation: ours (valid) and those declared, with their issue day. */
  held: readonly { level: number; since: string }[];
  application: CandidateApplication;
}

/** The condition a refusal names (its `field`). */
export type ConditionName = 'yearsInTrade' | 'yearsInPost' | 'levelHeld' | 'trainingHours' | 'education';

export interface Unmet {
  condition: ConditionName;
  message: string;
}

/** Whole years from `from` to `to`. */
export function fullYears(from: string, to: string): number {
  if (to < from) return 0;
  let n = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  while (n > 0 && addYears(from, n) > to) n--;
  return n;
}

/**
 * The entries that apply to a plan: those naming its work type, else those of its occupation that
 * name none; at its level. Empty when the 方案 is silent about it.
 */
export function conditionsFor(
  conditions: readonly ApplicationCondition[],
  plan: { occupationCode: string; workTypeCode: string | null; level: number },
): ApplicationCondition[] {
  const here = conditions.filter((c) => c.occupationCode === plan.occupationCode && c.level === plan.level);
  const own = plan.workTypeCode ? here.filter((c) => c.workTypeCode === plan.workTypeCode) : [];
  return own.length ? own : here.filter((c) => c.workTypeCode == null);
}

/** The requirements of one entry a candidate does not meet. */
export function unmetConditions(c: ApplicationCondition, f: ConditionFacts): Unmet[] {
  const out: Unmet[] = [];
  const declared = f.application;
  if (c.yearsInTrade != null && !((declared.tradeYears ?? -1) >= c.yearsInTrade)) {
    out.push({
      condition: 'yearsInTrade',
      message:
        declared.tradeYears == null
          ? `从事本职业（工种）工作须满${c.yearsInTrade}年，未申报工作年限`
          : `从事本职业（工种）工作须满${c.yearsInTrade}年，申报${declared.tradeYears}年`,
    });
  }
  if (c.yearsInPost != null) {
    const years = fullYears(f.employedSince, f.evaluationDate);
    if (years < c.yearsInPost) {
      out.push({
        condition: 'yearsInPost',
        message: `在本单位（岗位）工作须满${c.yearsInPost}年，自${f.employedSince}入职至评价日期${f.evaluationDate}满${years}年`,
      });
    }
  }
  if (c.levelHeld != null) {
    const levelHeld = c.levelHeld;
    const years = c.yearsSinceLevelHeld ?? 0;
    const long = f.held.filter((h) => h.level <= levelHeld && addYears(h.since, years) <= f.evaluationDate);
    if (!long.length) {
      const any = f.held.filter((h) => h.level <= levelHeld);
      const earliest = any.map((h) => h.since).sort()[0];
      out.push({
        condition: 'levelHeld',
        message: earliest
          ? `须取得本职业${LEVEL_NAMES[levelHeld]}（或更高等级）证书满${years}年，${earliest}取得，至评价日期${f.evaluationDate}满${fullYears(earliest, f.evaluationDate)}年`
          : `须取得本职业${LEVEL_NAMES[levelHeld]}（或更高等级）证书${years ? `满${years}年` : ''}，未见此等级证书`,
      });
    }
  }
  for (const o of c.others) {
    if (o.kind === 'TRAINING_HOURS' && !((declared.trainingHours ?? -1) >= o.hours)) {
      out.push({
        condition: 'trainingHours',
        message:
          declared.trainingHours == null
            ? `须经本职业培训达${o.hours}标准学时，未申报培训学时`
            : `须经本职业培训达${o.hours}标准学时，申报${declared.trainingHours}学时`,
      });
    }
    if (o.kind === 'EDUCATION') {
      const rank = declared.education ? EDUCATION_LEVELS.indexOf(declared.education) : -1;
      if (rank < EDUCATION_LEVELS.indexOf(o.education)) {
        out.push({
          condition: 'education',
          message: declared.education
            ? `文化程度须为${EDUCATION_NAMES[o.education]}及以上，申报${EDUCATION_NAMES[declared.education]}`
            : `文化程度须为${EDUCATION_NAMES[o.education]}及以上，未申报文化程度`,
        });
      }
    }
  }
  return out;
}

/**
 * The unmet 申报条件 of the entries that apply, each with the 方案 version and, among
 * alternatives, which one: empty when none applies or one of them is met in full.
 */
export function unmetApplicable(
  schemeVersion: number,
  applicable: readonly ApplicationCondition[],
  f: ConditionFacts,
): Unmet[] {
  if (!applicable.length) return [];
  const each = applicable.map((c) => unmetConditions(c, f));
  if (each.some((u) => u.length === 0)) return [];
  const of = applicable.length > 1 ? (i: number) => `（条件${i + 1}，${applicable.length}项满足其一即可）` : () => '';
  return each.flatMap((u, i) =>
    u.map((x) => ({ ...x, message: `工作方案第${schemeVersion}版申报条件${of(i)}：${x.message}` })),
  );
}

/** The shortest reason that admits a candidate who does not meet the 申报条件. */
export const MIN_OVERRIDE_REASON = 10;

/**
 * 申报条件 at entry: refused by each unmet condition (CANDIDATE_CONDITION_NOT_MET, `field` naming
 * the condition), unless an override reason of at least 10 characters is given — then admitted,
 * and the reason and what was unmet are recorded on the candidate. A reason with every condition
 * met records nothing.
 */
export function conditionEntry(
  unmet: readonly Unmet[],
  overrideReason: string | null | undefined,
): { problems: Refusal[]; override: { reason: string; unmet: string[] } | null } {
  const reason = overrideReason?.trim() ?? '';
  if (!unmet.length) return { problems: [], override: null };
  if (!reason) {
    return {
      problems: unmet.map((u) => problem('CANDIDATE_CONDITION_NOT_MET', u.message, u.condition)),
      override: null,
    };
  }
  if (reason.length < MIN_OVERRIDE_REASON) {
    return {
      problems: [
        problem(
          'CONDITION_OVERRIDE_REASON_TOO_SHORT',
          `未满足申报条件而参评，须写明理由（至少${MIN_OVERRIDE_REASON}字）`,
          'overrideReason',
        ),
      ],
      override: null,
    };
  }
  return { problems: [], override: { reason, unmet: unmet.map((u) => u.message) } };
}

const YEARS = { from: 1, to: 50 } as const;
const HOURS = { from: 1, to: 5000 } as const;
const within = (n: number, r: { from: number; to: number }) => Number.isInteger(n) && n >= r.from && n <= r.to;

/** An entry as the 方案 is adopted: other conditions as typed entries, each with the value its kind needs. */
export interface ConditionStatement {
  occupationCode: string;
  workTypeCode?: string | null;
  level: number;
  yearsInTrade?: number | null;
  yearsInPost?: number | null;
  levelHeld?: number | null;
  yearsSinceLevelHeld?: number | null;
  others?: readonly { kind: OtherCondition['kind']; hours?: number | null; education?: EducationLevel | null }[] | null;
}

/** The stored entry of a statement without problems. */
export function toCondition(c: ConditionStatement): ApplicationCondition {
  return {
    occupationCode: c.occupationCode,
    workTypeCode: c.workTypeCode ?? null,
    level: c.level,
    yearsInTrade: c.yearsInTrade ?? null,
    yearsInPost: c.yearsInPost ?? null,
    levelHeld: c.levelHeld ?? null,
    yearsSinceLevelHeld: c.yearsSinceLevelHeld ?? null,
    others: (c.others ?? []).map((o) =>
      o.kind === 'TRAINING_HOURS'
        ? { kind: o.kind, hours: o.hours as number }
        : { kind: o.kind, education: o.education as EducationLevel },
    ),
  };
}

/** 申报条件 as a 方案 states them: each entry requires something, in whole years and hours within reason. */
export function conditionStatementProblems(conditions: readonly ConditionStatement[]): Refusal[] {
  const out: Refusal[] = [];
  const bad = (code: string, message: string) => out.push(problem(code, message, 'conditions'));
  conditions.forEach((c, i) => {
    const at = `申报条件第${i + 1}项（${c.occupationCode} ${LEVEL_NAMES[c.level] ?? c.level}）`;
    const others = c.others ?? [];
    const stated = [c.yearsInTrade, c.yearsInPost, c.levelHeld].some((x) => x != null) || others.length > 0;
    if (!stated) bad('WORK_SCHEME_CONDITION_EMPTY', `${at}未列明任何条件`);
    for (const [years, what] of [
      [c.yearsInTrade, '从事本职业工作年限'],
      [c.yearsInPost, '本单位（岗位）工作年限'],
      [c.yearsSinceLevelHeld, '取得证书后年限'],
    ] as const) {
      if (years != null && !within(years, YEARS)) {
        bad('WORK_SCHEME_CONDITION_YEARS', `${at}的${what}须为${YEARS.from}至${YEARS.to}的整年数`);
      }
    }
    if (c.yearsSinceLevelHeld != null && c.levelHeld == null) {
      bad('WORK_SCHEME_CONDITION_LEVEL_HELD', `${at}列明了取得证书后年限，须同时列明已取得的等级`);
    }
    if (c.levelHeld != null && c.levelHeld <= c.level) {
      bad('WORK_SCHEME_CONDITION_LEVEL_HELD', `${at}要求已取得的等级须低于申报等级`);
    }
    const kinds = new Set<string>();
    for (const o of others) {
      if (kinds.has(o.kind)) bad('WORK_SCHEME_CONDITION_OTHER', `${at}的同类条件重复列出`);
      kinds.add(o.kind);
      if (o.kind === 'TRAINING_HOURS' && !within(o.hours ?? 0, HOURS)) {
        bad('WORK_SCHEME_CONDITION_OTHER', `${at}的培训学时须为${HOURS.from}至${HOURS.to}的整数`);
      }
      if (o.kind === 'EDUCATION' && !(o.education && EDUCATION_LEVELS.includes(o.education))) {
        bad('WORK_SCHEME_CONDITION_OTHER', `${at}须列明要求的文化程度`);
      }
    }
  });
  return out;
}

/**
 * A candidate's entry against the 申报条件 of the plan's 工作方案 (null: none in force): what refuses
 * it, or the override to record.
 */
export function schemeConditionEntry(
  scheme: { version: number; conditions?: readonly ApplicationCondition[] } | null,
  plan: { occupationCode: string; workTypeCode: string | null; level: number },
  facts: ConditionFacts,
  overrideReason: string | null | undefined,
): { problems: Refusal[]; override: { reason: string; unmet: string[]; schemeVersion: number } | null } {
  if (!scheme) return { problems: [], override: null };
  const entry = conditionEntry(
    unmetApplicable(scheme.version, conditionsFor(scheme.conditions ?? [], plan), facts),
    overrideReason,
  );
  return { problems: entry.problems, override: entry.override && { ...entry.override, schemeVersion: scheme.version } };
}

const DECLARED_YEARS = 60;
const DECLARED_HOURS = 10_000;

/** 申报信息 as declared: whole years (0–60) and training hours (0–10,000). */
export function applicationProblems(a: Partial<CandidateApplication> | null | undefined): Refusal[] {
  const out: Refusal[] = [];
  if (
    a?.tradeYears != null &&
    !(Number.isInteger(a.tradeYears) && a.tradeYears >= 0 && a.tradeYears <= DECLARED_YEARS)
  ) {
    out.push(
      problem(
        'CANDIDATE_APPLICATION_YEARS',
        `从事本职业工作年限须为0至${DECLARED_YEARS}的整年数`,
        'application.tradeYears',
      ),
    );
  }
  if (
    a?.trainingHours != null &&
    !(Number.isInteger(a.trainingHours) && a.trainingHours >= 0 && a.trainingHours <= DECLARED_HOURS)
  ) {
    out.push(
      problem('CANDIDATE_APPLICATION_HOURS', `培训学时须为0至${DECLARED_HOURS}的整数`, 'application.trainingHours'),
    );
  }
  return out;
}

/** The application as stored: null when nothing was declared. */
export function declaredApplication(a: Partial<CandidateApplication> | null | undefined): CandidateApplication | null {
  const out = {
    tradeYears: a?.tradeYears ?? null,
    trainingHours: a?.trainingHours ?? null,
    education: a?.education ?? null,
  };
  return out.tradeYears == null && out.trainingHours == null && out.education == null ? null : out;
}
