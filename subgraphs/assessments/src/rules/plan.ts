import { dayNumber, yearOf } from './dates.ts';
import { ruleDefaults } from './defaults.ts';
import { LEVEL_NAMES, METHOD_NAMES, type Method, problem, type Refusal, type StaffRole } from './types.ts';
import { type OfficialCalendar, planReportDeadline } from './working-days.ts';

/**
 * 考评人员 a plan needs: the 考评员 its method needs (the institution's 工作方案 when it states a
 * number, otherwise the default, rules/defaults.ts), a 高级考评员 on the panel for 二级/一级, and a
 * 内部质量督导员 on every plan (评价实施 要接受内部质量督导员的督导检查).
 */
export const MIN_ASSESSORS: Readonly<Record<Method, number>> = ruleDefaults.assessors;

export function staffingProblems(
  method: Method,
  level: number,
  staff: readonly { role: StaffRole }[],
  required: { count: number; source: string } = { count: MIN_ASSESSORS[method], source: '默认值' },
): Refusal[] {
  const out: Refusal[] = [];
  const assessors = staff.filter((s) => s.role === 'ASSESSOR' || s.role === 'SENIOR_ASSESSOR').length;
  if (assessors < required.count) {
    out.push(
      problem(
        'PLAN_TOO_FEW_ASSESSORS',
        `${METHOD_NAMES[method]} needs at least ${required.count} 考评员 on the plan (${required.source}); ${assessors} assigned`,
        'assessorIds',
      ),
    );
  }
  if (level <= ruleDefaults.seniorAssessorFromLevel && !staff.some((s) => s.role === 'SENIOR_ASSESSOR')) {
    out.push(
      problem(
        'PLAN_NEEDS_SENIOR_ASSESSOR',
        `evaluating ${LEVEL_NAMES[level]} needs a 高级考评员 among the assessors`,
        'assessorIds',
      ),
    );
  }
  if (!staff.some((s) => s.role === 'QUALITY_SUPERVISOR')) {
    out.push(problem('PLAN_NEEDS_SUPERVISOR', 'every plan needs at least one 内部质量督导员', 'supervisorIds'));
  }
  return out;
}

/** 提前5个工作日报备: a plan reported after the deadline (or for a day already past) is refused. */
export function reportTimingProblems(cal: OfficialCalendar, evaluationDate: string, today: string): Refusal[] {
  if (evaluationDate <= today) {
    return [
      problem(
        'PLAN_EVALUATION_DATE_PAST',
        `the evaluation date ${evaluationDate} is not after today (${today}); plans are reported before the evaluation`,
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

/** A plan is made under a published 评价公告 that opens its occupation (工种) and level for its date. */
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
): Refusal[] {
  if (a.institutionId !== plan.institutionId) {
    return [problem('ANNOUNCEMENT_NOT_FOUND', 'no announcement of this institution has that id', 'announcementId')];
  }
  const out: Refusal[] = [];
  if (a.publishedOn > today) {
    out.push(
      problem(
        'ANNOUNCEMENT_NOT_PUBLISHED',
        `the announcement is published on ${a.publishedOn}; plans come after it`,
        'announcementId',
      ),
    );
  }
  const y = yearOf(plan.evaluationDate);
  const q = Math.floor((Number(plan.evaluationDate.slice(5, 7)) - 1) / 3) + 1;
  if (y !== a.year || (a.period === 'QUARTERLY' && q !== a.quarter)) {
    out.push(
      problem(
        'ANNOUNCEMENT_PERIOD_MISMATCH',
        `the announcement covers ${a.year}${a.period === 'QUARTERLY' ? ` Q${a.quarter}` : ''}, not an evaluation on ${plan.evaluationDate}`,
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
        `the announcement does not open ${plan.occupationCode}${plan.workTypeCode ? ` (${plan.workTypeCode})` : ''} at ${LEVEL_NAMES[plan.level] ?? plan.level}`,
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
    out.push(problem('ANNOUNCEMENT_QUARTER', 'a quarterly announcement names its quarter, 1–4', 'quarter'));
  }
  if (a.period === 'YEARLY' && a.quarter != null) {
    out.push(problem('ANNOUNCEMENT_QUARTER', 'a yearly announcement has no quarter', 'quarter'));
  }
  if (!a.openings.length) {
    out.push(
      problem('ANNOUNCEMENT_NO_OPENINGS', 'an announcement lists the occupations and levels it opens', 'openings'),
    );
  }
  for (const o of a.openings) {
    if (!o.levels.length || o.levels.some((l) => !Number.isInteger(l) || l < 1 || l > 5)) {
      out.push(problem('ANNOUNCEMENT_LEVELS', 'levels are 1 (一级) to 5 (五级)', 'openings'));
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
        `参评人员 are reported with the plan, by ${last} (5 working days before the evaluation); today is ${today}`,
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
      problems.push(problem('PLAN_STAFF_UNKNOWN', `${id} is not a 考评员 of this institution`, 'assessorIds'));
    } else if (!staff.some((s) => s.assessorId === id)) staff.push({ assessorId: id, role: p.role });
  }
  for (const id of supervisorIds) {
    const p = own.get(id);
    if (p?.role !== 'QUALITY_SUPERVISOR') {
      problems.push(
        problem('PLAN_STAFF_UNKNOWN', `${id} is not a 内部质量督导员 of this institution`, 'supervisorIds'),
      );
    } else if (!staff.some((s) => s.assessorId === id)) staff.push({ assessorId: id, role: p.role });
  }
  return { staff, problems };
}

/** A plan names its site and keeps its records 1 to 100 years (5 unless it says). */
export function planDetailProblems(site: string, retentionYears: number): Refusal[] {
  const out: Refusal[] = [];
  if (!site.trim()) out.push(problem('PLAN_SITE_MISSING', 'a plan names its site', 'site'));
  if (retentionYears < 1 || retentionYears > 100) {
    out.push(problem('PLAN_RETENTION', 'records are kept 1 to 100 years', 'retentionYears'));
  }
  return out;
}

/** 超范围认定: a plan outside the institution's confirmed scope on its evaluation date. */
export function scopeProblems(
  inScope: boolean,
  plan: { occupationCode: string; workTypeCode: string | null; level: number; evaluationDate: string },
): Refusal[] {
  if (inScope) return [];
  return [
    problem(
      'PLAN_OUT_OF_SCOPE',
      `超范围认定: ${plan.occupationCode}${plan.workTypeCode ? ` (${plan.workTypeCode})` : ''} at ${LEVEL_NAMES[plan.level]} is not in the institution’s confirmed scope on ${plan.evaluationDate}`,
      'occupationCode',
    ),
  ];
}
