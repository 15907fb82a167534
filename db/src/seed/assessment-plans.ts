/**
 * The demo seed's evaluation plans (评价计划) before they get people: which plans each institution
 * holds and when, at what pace their steps follow, and the story institution's plans at each step
 * (assessments.ts turns these drafts into rows).
 */

import type { Method, PlanRow, PlanStatus } from './assessments.ts';
import { DEMO_CERTIFICATE, DEMO_FROM, DEMO_NEXT_PLANS_FROM, DEMO_PLAN } from './demo.ts';
import type { EnterpriseFacts } from './enterprises.ts';
import { PARTNER_SCHOOLS, SITE_SUFFIXES } from './names.ts';
import {
  addDays,
  addWorkdays,
  apportion,
  dayNumber,
  maxDate,
  minDate,
  nextWorkday,
  prevWorkday,
  type Rng,
} from './random.ts';

/** Evaluations from about 28 months before today to two weeks after it. */
const HISTORY_DAYS = 853;
const AHEAD_DAYS = 14;
const NEVER = '9999-12-31';

const METHODS: readonly (readonly [Method, number])[] = [
  ['INTEGRATED', 20],
  ['SKILL_OPERATION', 20],
  ['THEORY_EXAM', 14],
  ['DIRECT_RECOGNITION', 12],
  ['ON_JOB_TRAINING', 10],
  ['SIMULATION', 8],
  ['TECHNICAL_CONTEST', 9],
  ['COMPETITION', 7],
];

/** 五级 … 一级: most certificates are at the lower levels. */
const LEVEL_WEIGHT: Record<number, number> = { 5: 30, 4: 34, 3: 24, 2: 9, 1: 3 };
/** How many candidates a plan has, relative to a level-3 plan. */
const COHORT: Record<number, number> = { 5: 1.3, 4: 1.2, 3: 1, 2: 0.45, 1: 0.2 };
/** Share of candidates who pass, by level (each plan varies around it). */
const PASS_RATE: Record<number, number> = { 5: 0.92, 4: 0.9, 3: 0.87, 2: 0.82, 1: 0.76 };

/** The hub's staffing floor (subgraphs/assessments/src/rules/plan.ts). */
export const MIN_ASSESSORS = (method: Method) => (method === 'THEORY_EXAM' ? 2 : 3);

export const REVOCATION_REASONS = [
  '经核查，持证人不符合申报条件，证书予以撤销。',
  '考评过程存在替考行为，证书予以撤销。',
  '申报材料弄虚作假，证书予以撤销。',
  '超出备案范围认定，证书予以撤销。',
  '持证人工作年限不满足申报要求，证书予以撤销。',
];

export const REVIEW_NOTES = [
  '评分记录完整，成绩汇总无误，同意公示。',
  '经评价工作委员会审核，考评程序规范，同意公示。',
  '成绩核对无误，内部质量督导员签字确认，同意公示。',
];

export const OBJECTIONS = [
  '对技能操作考核评分有疑问，申请复核评分记录。',
  '反映该参评人员实际从事本职业工作年限不足。',
  '理论考试成绩与本人估分差距较大，申请复查。',
  '反映考核现场有人员离场后返回，请核实考场纪律。',
];
export const DISMISSALS = [
  '经复核评分记录和现场视频，评分无误，异议不成立。',
  '经核查劳动合同和社保记录，参评人员符合申报条件，异议不成立。',
];
export const UPHOLDINGS = ['经核查，参评人员申报材料与实际不符，异议成立，成绩不予认定。'];

export const GROUNDS = [
  ['MAJOR_PROBLEM_SOLVED', '主持解决生产线关键设备频繁停机的重大工艺技术难题，年节约成本约120万元'],
  ['PROVINCIAL_AWARD', '技术创新成果获湖南省科学技术进步奖三等奖（本人为主要完成人）'],
  ['OUTSTANDING_MENTORING', '近三年以师带徒培养高级工8名、技师2名，所带徒弟获市级技能竞赛一等奖'],
] as const;

export const CONDITIONS =
  '本企业在岗职工（含劳务派遣满一年的人员），遵守职业道德，符合相应国家职业技能标准或企业评价规范规定的申报条件。';
export const PROCESS = '个人申报，所在部门推荐，评价工作委员会审核申报资格后报备评价计划，按计划参加评价。';
export const USE_OF_RESULTS =
  '评价结果与岗位聘任、技能津贴和评优评先挂钩，取得技师、高级技师等级的按规定享受相应待遇。';

/** When a plan's steps happen; NEVER for steps still ahead of a plan that stops (results overdue). */
interface Steps {
  reportedOn: string;
  evaluationDate: string;
  reviewedOn: string;
  publicityStartsOn: string;
  publicityEndsOn: string;
  submittedOn: string;
  issuedOn: string;
}

interface ObjectionPlan {
  raisedOn: string;
  resolvedOn: string;
  upheld: boolean;
  /** Against the plan as a whole (never upheld here: that would withhold every result). */
  planWide: boolean;
}

/** What the story plans show: the step each stands at today. */
export type StoryStep =
  | 'UPCOMING'
  | 'BEING_SCORED'
  | 'SCORED'
  | 'REVIEWED'
  | 'IN_PUBLICITY'
  | 'PUBLICITY_ENDED'
  | 'SUBMITTED'
  | 'RESULTS_OVERDUE';

export interface Draft {
  e: EnterpriseFacts;
  /** The qualification the plan runs under (the seed's institutions hold one each): its candidates and Y/S numbers follow it. */
  qualification: PlanRow['qualification'];
  occupationCode: string;
  level: number;
  method: Method;
  site: string;
  steps: Steps;
  objection: ObjectionPlan | null;
  /** Relative cohort size. */
  weight: number;
  passRate: number;
  story: StoryStep | null;
  demo: boolean;
}

/** The days an enterprise may hold regular evaluations, or null. */
function window(e: EnterpriseFacts, today: string): [string, string] | null {
  if (!e.confirmedOn || !e.institutionCode) return null;
  let from = maxDate(addDays(e.confirmedOn, 45), addDays(today, -HISTORY_DAYS));
  if (e.story && today >= DEMO_FROM) from = maxDate(from, DEMO_NEXT_PLANS_FROM);
  const stop = e.suspendedOn ?? e.revokedOn;
  const to = stop ? minDate(addDays(stop, -70), addDays(today, AHEAD_DAYS)) : addDays(today, AHEAD_DAYS);
  return from <= to ? [from, to] : null;
}

/** The usual pace: reported 11–20 working days ahead, reviewed, publicised, submitted, certified. */
function regularSteps(rng: Rng, evaluationDate: string): Steps {
  const reviewedOn = addWorkdays(evaluationDate, rng.int(1, 4));
  const publicityStartsOn = addDays(reviewedOn, rng.int(0, 3));
  const publicityEndsOn = addDays(publicityStartsOn, rng.int(4, 9));
  const submittedOn = nextWorkday(addDays(publicityEndsOn, rng.int(1, 20)));
  return {
    reportedOn: addWorkdays(evaluationDate, -rng.int(11, 20)),
    evaluationDate,
    reviewedOn,
    publicityStartsOn,
    publicityEndsOn,
    submittedOn,
    issuedOn: nextWorkday(addDays(submittedOn, rng.int(0, 20))),
  };
}

/** About one plan in ten draws an objection during publicity, resolved within 3 days. */
function maybeObjection(rng: Rng, s: Steps): ObjectionPlan | null {
  if (!rng.chance(0.1)) return null;
  const raisedOn = rng.date(s.publicityStartsOn, s.publicityEndsOn);
  const planWide = rng.chance(0.15);
  const objection = {
    raisedOn,
    resolvedOn: addDays(raisedOn, rng.int(1, 3)),
    planWide,
    upheld: !planWide && rng.chance(0.25),
  };
  // Results go to the centre after the committee has decided.
  if (s.submittedOn <= objection.resolvedOn) {
    s.submittedOn = nextWorkday(addDays(objection.resolvedOn, 1));
    s.issuedOn = maxDate(s.issuedOn, s.submittedOn);
  }
  return objection;
}

export function planStatus(s: Steps, today: string): PlanStatus {
  if (s.submittedOn <= today) return 'SUBMITTED';
  if (s.publicityStartsOn <= today) return 'PUBLICISED';
  if (s.reviewedOn <= today) return 'REVIEWED';
  return 'REPORTED';
}

export function site(rng: Rng, e: EnterpriseFacts, qualification: Draft['qualification']): string {
  return qualification === 'SOCIAL_EVALUATION_ORGANIZATION' && rng.chance(0.3)
    ? `${rng.pick(PARTNER_SCHOOLS)}实训楼`
    : `${e.address}${rng.pick(SITE_SUFFIXES)}`;
}

export function passRate(rng: Rng, level: number): number {
  return Math.min(0.98, (PASS_RATE[level] ?? 0.85) * (0.92 + rng.float() * 0.12));
}

export function regularDrafts(rng: Rng, size: number, facts: readonly EnterpriseFacts[], today: string): Draft[] {
  if (size <= 0) return [];
  const active = facts.flatMap((e) => {
    const w = window(e, today);
    return w ? [{ e, w }] : [];
  });
  if (active.length === 0) return [];
  const total = Math.max(active.length, Math.round(size / 35));
  const counts = apportion(
    total,
    active.map(({ e, w }) => e.skilledWorkerCount ** 0.5 * Math.max(0.2, (dayNumber(w[1]) - dayNumber(w[0])) / 365)),
    1,
  );
  const out: Draft[] = [];
  active.forEach(({ e, w }, i) => {
    for (let k = 0; k < (counts[i] ?? 0); k++) {
      const scope = rng.pick(e.scopes);
      const level = rng.weighted(
        scope.levels,
        scope.levels.map((l) => LEVEL_WEIGHT[l] ?? 1),
      );
      const method = level <= 2 && rng.chance(0.4) ? 'DIRECT_RECOGNITION' : (rng.weightedPairs(METHODS) as Method);
      const steps = regularSteps(rng, minDate(nextWorkday(rng.date(w[0], w[1])), prevWorkday(w[1])));
      out.push({
        e,
        qualification: e.kind,
        occupationCode: scope.occupationCode,
        level,
        method,
        site: site(rng, e, e.kind),
        steps,
        objection: maybeObjection(rng, steps),
        weight: (COHORT[level] ?? 1) * (0.4 + rng.float() * 1.2),
        passRate: passRate(rng, level),
        story: null,
        demo: false,
      });
    }
  });
  return out;
}

/** A plan at each step today, at the story institution (results overdue only where certificates exist). */
export function storyDrafts(rng: Rng, e: EnterpriseFacts, today: string, withOverdue: boolean): Draft[] {
  const methods: Method[] = ['SKILL_OPERATION', 'INTEGRATED', 'THEORY_EXAM', 'ON_JOB_TRAINING', 'SIMULATION'];
  const back = (days: number) => addDays(today, -days);
  const ahead = (days: number) => addDays(today, days);
  const around = (publicityStartsOn: string, publicityEndsOn: string): Steps => {
    const reviewedOn = prevWorkday(addDays(publicityStartsOn, -1));
    const evaluationDate = addWorkdays(reviewedOn, -2);
    return {
      reportedOn: addWorkdays(evaluationDate, -rng.int(11, 20)),
      evaluationDate,
      reviewedOn,
      publicityStartsOn,
      publicityEndsOn,
      submittedOn: NEVER,
      issuedOn: NEVER,
    };
  };
  const fromEvaluation = (evaluationDate: string, reviewedOn: string): Steps => ({
    reportedOn: addWorkdays(evaluationDate, -rng.int(11, 20)),
    evaluationDate,
    reviewedOn,
    publicityStartsOn: NEVER,
    publicityEndsOn: NEVER,
    submittedOn: NEVER,
    issuedOn: NEVER,
  });
  const steps: [StoryStep, Steps, ObjectionPlan | null][] = [
    // Reported with staff and candidates; candidates may still be added until the report deadline.
    ['UPCOMING', { ...fromEvaluation(addWorkdays(today, 15), NEVER), reportedOn: addWorkdays(today, -2) }, null],
    // Evaluated yesterday: half the candidates scored, recordScores for the rest.
    ['BEING_SCORED', fromEvaluation(addWorkdays(today, -1), NEVER), null],
    // Everyone scored: reviewResults.
    ['SCORED', fromEvaluation(addWorkdays(today, -3), NEVER), null],
    // Reviewed: startPublicity from today on.
    ['REVIEWED', fromEvaluation(addWorkdays(prevWorkday(today), -2), prevWorkday(back(1))), null],
    // In publicity, an objection open: raiseObjection, resolveObjection.
    [
      'IN_PUBLICITY',
      around(back(2), ahead(4)),
      { raisedOn: back(1), resolvedOn: NEVER, upheld: false, planWide: false },
    ],
    // Publicity over, an objection dismissed: submitResults (on time), issueCertificates.
    [
      'PUBLICITY_ENDED',
      around(back(9), back(3)),
      { raisedOn: back(8), resolvedOn: back(6), upheld: false, planWide: false },
    ],
    // Submitted, an upheld objection withholding one result, certificates not yet issued: issueCertificates.
    [
      'SUBMITTED',
      { ...around(back(12), back(6)), submittedOn: prevWorkday(back(1)) },
      { raisedOn: back(11), resolvedOn: back(9), upheld: true, planWide: false },
    ],
  ];
  // Publicity ended 50 days ago and nothing submitted: past any 20-working-day deadline.
  if (withOverdue) steps.push(['RESULTS_OVERDUE', around(back(56), back(50)), null]);
  return steps.map(([story, s, objection], k) => {
    const scope = e.scopes[k % e.scopes.length] as EnterpriseFacts['scopes'][number];
    const levels = scope.levels.filter((l) => l >= 3);
    const level = levels.length ? rng.pick(levels) : (scope.levels[0] as number);
    return {
      e,
      qualification: e.kind,
      occupationCode: scope.occupationCode,
      level,
      method: methods[k % methods.length] as Method,
      site: site(rng, e, e.kind),
      steps: s,
      objection,
      weight: 1,
      passRate: passRate(rng, level),
      story,
      demo: false,
    };
  });
}

/** 张三's 三级 plan of December 2024 (demo.ts), at the story institution. */
export function demoDraft(rng: Rng, e: EnterpriseFacts): Draft {
  const scope = e.scopes.find((s) => s.levels.includes(DEMO_CERTIFICATE.level)) ?? e.scopes[0];
  return {
    e,
    qualification: e.kind,
    occupationCode: (scope as EnterpriseFacts['scopes'][number]).occupationCode,
    level: DEMO_CERTIFICATE.level,
    method: 'INTEGRATED',
    site: `${e.address}技能人才评价基地`,
    steps: { ...DEMO_PLAN, submittedOn: DEMO_PLAN.resultsSubmittedOn, issuedOn: DEMO_CERTIFICATE.issuedOn },
    objection: null,
    weight: 0,
    passRate: passRate(rng, DEMO_CERTIFICATE.level),
    story: null,
    demo: true,
  };
}
