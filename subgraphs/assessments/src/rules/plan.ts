import { dayNumber, yearOf } from './dates.ts';
import { ruleDefaults } from './defaults.ts';
import { inScopeUnder, QUALIFICATION_NAMES } from './qualification.ts';
import {
  type InstitutionKind,
  LEVEL_NAMES,
  METHOD_NAMES,
  type Method,
  problem,
  type Refusal,
  type StaffRole,
} from './types.ts';
import { type OfficialCalendar, planReportDeadline } from './working-days.ts';

/**
 * 考评人员 a plan needs: the 考评员 its method needs and a 高级考评员 on the panel where the level
 * asks for one (the institution's 工作方案 when it states them, otherwise the defaults,
 * rules/defaults.ts: two or three, and 二级/一级), and a 内部质量督导员 on every plan (评价实施
 * 要接受内部质量督导员的督导检查) — that one the notice requires.
 */
export const MIN_ASSESSORS: Readonly<Record<Method, number>> = ruleDefaults.assessors;

export function staffingProblems(
  method: Method,
  level: number,
  staff: readonly { role: StaffRole }[],
  required: { count: number; source: string } = { count: MIN_ASSESSORS[method], source: '默认值' },
  senior: { required: boolean; source: string } = {
    required: level <= ruleDefaults.seniorAssessorFromLevel,
    source: '默认值',
  },
): Refusal[] {
  const out: Refusal[] = [];
  const assessors = staff.filter((s) => s.role === 'ASSESSOR' || s.role === 'SENIOR_ASSESSOR').length;
  if (assessors < required.count) {
    out.push(
      problem(
        'PLAN_TOO_FEW_ASSESSORS',
        `${METHOD_NAMES[method]}须至少安排${required.count}名考评员（${required.source}）；现安排${assessors}名`,
        'assessorIds',
      ),
    );
  }
  if (senior.required && !staff.some((s) => s.role === 'SENIOR_ASSESSOR')) {
    out.push(
      problem(
        'PLAN_NEEDS_SENIOR_ASSESSOR',
        `评价${LEVEL_NAMES[level]}须有高级考评员参加（${senior.source}）`,
        'assessorIds',
      ),
    );
  }
  if (!staff.some((s) => s.role === 'QUALITY_SUPERVISOR')) {
    out.push(problem('PLAN_NEEDS_SUPERVISOR', '每个评价计划须至少安排一名内部质量督导员', 'supervisorIds'));
  }
  return out;
}

/** 提前5个工作日报备: a plan reported after the deadline (or for a day already past) is refused. */
export function reportTimingProblems(cal: OfficialCalendar, evaluationDate: string, today: string): Refusal[] {
  if (evaluationDate <= today) {
    return [
      problem(
        'PLAN_EVALUATION_DATE_PAST',
        `评价日期${evaluationDate}不晚于今日（${today}）；评价计划须在评价前报备`,
        'evaluationDate',
      ),
    ];
  }
  const deadline = planReportDeadline(cal, evaluationDate);
  if (today > deadline.date) {
    return [
      problem(
        'PLAN_REPORTED_LATE',
        `评价计划须提前5个工作日报备: an evaluation on ${evaluationDate} had to be reported by ${deadline.date}; today is ${today}`,
        'evaluationDate',
      ),
    ];
  }
  return [];
}

export interface AnnouncementFacts {
  institutionId: string;
  publishedOn: string;
  period: 'YEARLY' | 'QUARTERLY';
  year: number;
  quarter: number | null;
  openings: readonly { occupationCode: string; workTypeCode: string | null; levels: readonly number[] }[];
}

/**
 * A plan is made under a published 评价公告 that opens its occupation (工种) and level, and — unless
 * the institution's 工作方案 says otherwise (`withinPeriod` false) — covers its date's year or quarter.
 */
export function announcementProblems(
  a: AnnouncementFacts,
  plan: {
    institutionId: string;
    occupationCode: string;
    workTypeCode: string | null;
    level: number;
    evaluationDate: string;
  },
  today: string,
  withinPeriod: boolean = ruleDefaults.plansWithinAnnouncementPeriod,
): Refusal[] {
  if (a.institutionId !== plan.institutionId) {
    return [problem('ANNOUNCEMENT_NOT_FOUND', '本机构没有该评价公告', 'announcementId')];
  }
  const out: Refusal[] = [];
  if (a.publishedOn > today) {
    out.push(
      problem('ANNOUNCEMENT_NOT_PUBLISHED', `该公告于${a.publishedOn}发布；评价计划须在公告发布之后`, 'announcementId'),
    );
  }
  const y = yearOf(plan.evaluationDate);
  const q = Math.floor((Number(plan.evaluationDate.slice(5, 7)) - 1) / 3) + 1;
  if (withinPeriod && (y !== a.year || (a.period === 'QUARTERLY' && q !== a.quarter))) {
    out.push(
      problem(
        'ANNOUNCEMENT_PERIOD_MISMATCH',
        `该公告适用于${a.year}年${a.period === 'QUARTERLY' ? `第${a.quarter}季度` : ''}，不含${plan.evaluationDate}的评价`,
        'evaluationDate',
      ),
    );
  }
  const opened = a.openings.some(
    (o) =>
      o.occupationCode === plan.occupationCode &&
      (o.workTypeCode == null || o.workTypeCode === plan.workTypeCode) &&
      o.levels.includes(plan.level),
  );
  if (!opened) {
    out.push(
      problem(
        'ANNOUNCEMENT_DOES_NOT_OPEN',
        `该公告未开放${plan.occupationCode}${plan.workTypeCode ? `（${plan.workTypeCode}）` : ''}${LEVEL_NAMES[plan.level] ?? plan.level}`,
        'occupationCode',
      ),
    );
  }
  return out;
}

/** Announcement input: a quarter for quarterly ones only; every opening names levels 1–5. */
export function announcementInputProblems(a: {
  period: 'YEARLY' | 'QUARTERLY';
  quarter: number | null;
  openings: readonly { levels: readonly number[] }[];
}): Refusal[] {
  const out: Refusal[] = [];
  if (a.period === 'QUARTERLY' && !(a.quarter && a.quarter >= 1 && a.quarter <= 4)) {
    out.push(problem('ANNOUNCEMENT_QUARTER', '季度公告须注明季度（1至4）', 'quarter'));
  }
  if (a.period === 'YEARLY' && a.quarter != null) {
    out.push(problem('ANNOUNCEMENT_QUARTER', '年度公告不注明季度', 'quarter'));
  }
  if (!a.openings.length) {
    out.push(problem('ANNOUNCEMENT_NO_OPENINGS', '评价公告须列明开放的职业和等级', 'openings'));
  }
  for (const o of a.openings) {
    if (!o.levels.length || o.levels.some((l) => !Number.isInteger(l) || l < 1 || l > 5)) {
      out.push(problem('ANNOUNCEMENT_LEVELS', '等级为1（一级）至5（五级）', 'openings'));
      break;
    }
  }
  return out;
}

/** Candidates are entered with the plan: no later than its report deadline (录入参评人员信息 with the 报备). */
export function candidateEntryProblems(
  reportDeadline: string | null,
  evaluationDate: string,
  today: string,
): Refusal[] {
  const last = reportDeadline ?? evaluationDate;
  if (dayNumber(today) > dayNumber(last)) {
    return [
      problem(
        'CANDIDATES_AFTER_REPORT_DEADLINE',
        `参评人员须随评价计划报备，最迟${last}（评价前5个工作日）；今日为${today}`,
        'planId',
      ),
    ];
  }
  return [];
}

/** A person of the institution's team as the plan's staff check sees them. */
export interface TeamMember {
  id: string;
  institutionId: string;
  role: StaffRole;
}

/**
 * 考评人员 and 内部质量督导员 named on a plan: each must be on the institution's own team in the
 * role the list asks for (an assessor list takes 考评员/高级考评员, the supervisor list 督导员);
 * each person counts once.
 */
export function resolvePlanStaff(
  institutionId: string,
  assessorIds: readonly string[],
  supervisorIds: readonly string[],
  team: readonly TeamMember[],
): { staff: { assessorId: string; role: StaffRole }[]; problems: Refusal[] } {
  const own = new Map(team.filter((p) => p.institutionId === institutionId).map((p) => [p.id, p]));
  const staff: { assessorId: string; role: StaffRole }[] = [];
  const problems: Refusal[] = [];
  for (const id of assessorIds) {
    const p = own.get(id);
    if (!p || p.role === 'QUALITY_SUPERVISOR') {
      problems.push(problem('PLAN_STAFF_UNKNOWN', `${id}不是本机构的考评员`, 'assessorIds'));
    } else if (!staff.some((s) => s.assessorId === id)) staff.push({ assessorId: id, role: p.role });
  }
  for (const id of supervisorIds) {
    const p = own.get(id);
    if (p?.role !== 'QUALITY_SUPERVISOR') {
      problems.push(problem('PLAN_STAFF_UNKNOWN', `${id}不是本机构的内部质量督导员`, 'supervisorIds'));
    } else if (!staff.some((s) => s.assessorId === id)) staff.push({ assessorId: id, role: p.role });
  }
  return { staff, problems };
}

/** A plan names its site and keeps its records 1 to 100 years (5 unless it says). */
export function planDetailProblems(site: string, retentionYears: number): Refusal[] {
  const out: Refusal[] = [];
  if (!site.trim()) out.push(problem('PLAN_SITE_MISSING', '评价计划须写明评价地点', 'site'));
  if (retentionYears < 1 || retentionYears > 100) {
    out.push(problem('PLAN_RETENTION', '档案保存年限为1至100年', 'retentionYears'));
  }
  return out;
}

/**
 * 超范围认定: a plan outside the confirmed scope of the qualification it runs under on its evaluation
 * date. `covering` are the qualifications whose scope covers the occupation and level that day
 * (none while suspended); the other qualification's scope does not count for this plan. An
 * institution suspended today (资质暂停) is told so (INSTITUTION_SUSPENDED), not called out of scope.
 */
export function scopeProblems(
  covering: readonly InstitutionKind[],
  plan: {
    qualification: InstitutionKind | null;
    occupationCode: string;
    workTypeCode: string | null;
    level: number;
    evaluationDate: string;
  },
  suspended = false,
): Refusal[] {
  if (suspended) {
    return [problem('INSTITUTION_SUSPENDED', '本机构资质暂停期间不得报备评价计划；恢复后方可报备', 'occupationCode')];
  }
  if (inScopeUnder(covering, plan.qualification)) return [];
  const what = `${plan.occupationCode}${plan.workTypeCode ? `（${plan.workTypeCode}）` : ''}${LEVEL_NAMES[plan.level]}`;
  const under = plan.qualification ? QUALIFICATION_NAMES[plan.qualification] : '';
  const elsewhere = covering.find((k) => k !== plan.qualification);
  return [
    problem(
      'PLAN_OUT_OF_SCOPE',
      `超范围认定：${what}不在本机构${under}已备案范围内（${plan.evaluationDate}）${
        elsewhere ? `；它在${QUALIFICATION_NAMES[elsewhere]}的备案范围内，须按该资质报备计划` : ''
      }`,
      'occupationCode',
    ),
  ];
}
