/**
 * Demo assessments (评价计划 → 证书), as the assessments domain's commands would have written them:
 * every confirmed institution has its team (考评员, 高级考评员, 内部质量督导员) and a yearly 评价公告
 * opening its filed scope; each plan inside that scope is reported 11–20 working days ahead with its
 * staff and candidates (the institution's own workers, or a served party's for a 社会评价组织), scored
 * part by part on the evaluation day, reviewed by the committee, publicised 5–10 days (now and then
 * with an objection), submitted well within 20 working days, and its passed candidates certified.
 *
 * A plan stands where its dates put it on "today": the older ones are submitted with certificates,
 * the latest are on their way (reported, scored, reviewed, in publicity, submitted). The story
 * institution (the first enterprise of 长沙) also has one plan at each step, so every next step can
 * be taken today through the API, one plan with results overdue, and the demo certificate (demo.ts).
 *
 * Deadlines: the seed counts working days as Monday–Friday and keeps margins wide enough for any
 * holiday (reported ≥ 11 working days ahead, submitted ≤ 22 days after publicity ends); the stored
 * report deadline is the weekend-only 5th working day before the evaluation, and the result deadline
 * is left to the hub, which fills it from the official calendar when it starts.
 */

import { requiredParts } from '@hub/vocabulary';
import { residentIdCheckChar } from '@hub/vocabulary/resident-id';
import { type PiiKeyring, piiKeyring, sealCertificateHolder, sealWorkerResidentId } from '../pii.ts';
import type {
  announcementOpenings,
  announcements,
  assessors,
  candidates,
  certificateSerials,
  certificates,
  evaluationPlans,
  objections,
  planStaff,
  scores,
  uploadBatches,
  workerCredentials,
  workers,
} from '../schema/assessment.ts';
import { DEMO_CERTIFICATE, DEMO_FROM, DEMO_NEXT_PLANS_FROM, DEMO_PLAN } from './demo.ts';
import type { EnterpriseFacts } from './enterprises.ts';
import { ALL_COUNTIES, PARTNER_SCHOOLS, personName, SITE_SUFFIXES } from './names.ts';
import type { ServedPartyRow } from './qualification.ts';
import {
  addDays,
  addWorkdays,
  addYears,
  apportion,
  dayNumber,
  maxDate,
  minDate,
  nextWorkday,
  officeTime,
  prevWorkday,
  type Rng,
} from './random.ts';

export type PlanRow = typeof evaluationPlans.$inferInsert;
export type AnnouncementRow = typeof announcements.$inferInsert;
export type OpeningRow = typeof announcementOpenings.$inferInsert;
export type AssessorRow = typeof assessors.$inferInsert;
export type PlanStaffRow = typeof planStaff.$inferInsert;
/** A generated worker, the resident ID in clear: `sealWorker` encrypts it on the way in. */
export type WorkerRow = Omit<typeof workers.$inferInsert, 'residentIdEnc' | 'residentIdHmac'> & { residentId: string };
export type CredentialRow = typeof workerCredentials.$inferInsert;
export type CandidateRow = typeof candidates.$inferInsert;
export type ScoreRow = typeof scores.$inferInsert;
export type ObjectionRow = typeof objections.$inferInsert;
/** A generated certificate, the holder's resident ID in clear: `sealCertificate` encrypts it on the way in. */
export type CertificateRow = Omit<typeof certificates.$inferInsert, 'holderResidentIdEnc' | 'holderResidentIdHmac'> & {
  holderResidentId: string;
};
export type SerialRow = typeof certificateSerials.$inferInsert;
export type UploadBatchRow = typeof uploadBatches.$inferInsert;
type Method = PlanRow['method'];
type PlanStatus = NonNullable<PlanRow['status']>;

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
const MIN_ASSESSORS = (method: Method) => (method === 'THEORY_EXAM' ? 2 : 3);

export { requiredParts };

const REVOCATION_REASONS = [
  '经核查，持证人不符合申报条件，证书予以撤销。',
  '考评过程存在替考行为，证书予以撤销。',
  '申报材料弄虚作假，证书予以撤销。',
  '超出备案范围认定，证书予以撤销。',
  '持证人工作年限不满足申报要求，证书予以撤销。',
];

const REVIEW_NOTES = [
  '评分记录完整，成绩汇总无误，同意公示。',
  '经评价工作委员会审核，考评程序规范，同意公示。',
  '成绩核对无误，内部质量督导员签字确认，同意公示。',
];

const OBJECTIONS = [
  '对技能操作考核评分有疑问，申请复核评分记录。',
  '反映该参评人员实际从事本职业工作年限不足。',
  '理论考试成绩与本人估分差距较大，申请复查。',
  '反映考核现场有人员离场后返回，请核实考场纪律。',
];
const DISMISSALS = [
  '经复核评分记录和现场视频，评分无误，异议不成立。',
  '经核查劳动合同和社保记录，参评人员符合申报条件，异议不成立。',
];
const UPHOLDINGS = ['经核查，参评人员申报材料与实际不符，异议成立，成绩不予认定。'];

const GROUNDS = [
  ['MAJOR_PROBLEM_SOLVED', '主持解决生产线关键设备频繁停机的重大工艺技术难题，年节约成本约120万元'],
  ['PROVINCIAL_AWARD', '技术创新成果获湖南省科学技术进步奖三等奖（本人为主要完成人）'],
  ['OUTSTANDING_MENTORING', '近三年以师带徒培养高级工8名、技师2名，所带徒弟获市级技能竞赛一等奖'],
] as const;

const CONDITIONS =
  '本企业在岗职工（含劳务派遣满一年的人员），遵守职业道德，符合相应国家职业技能标准或企业评价规范规定的申报条件。';
const PROCESS = '个人申报，所在部门推荐，评价工作委员会审核申报资格后报备评价计划，按计划参加评价。';
const USE_OF_RESULTS = '评价结果与岗位聘任、技能津贴和评优评先挂钩，取得技师、高级技师等级的按规定享受相应待遇。';

/** When a plan's steps happen; NEVER for steps still ahead of a plan that stops (results overdue). */
export interface Steps {
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

interface Draft {
  e: EnterpriseFacts;
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

function planStatus(s: Steps, today: string): PlanStatus {
  if (s.submittedOn <= today) return 'SUBMITTED';
  if (s.publicityStartsOn <= today) return 'PUBLICISED';
  if (s.reviewedOn <= today) return 'REVIEWED';
  return 'REPORTED';
}

function site(rng: Rng, e: EnterpriseFacts): string {
  return e.kind === 'SOCIAL_EVALUATION_ORGANIZATION' && rng.chance(0.3)
    ? `${rng.pick(PARTNER_SCHOOLS)}实训楼`
    : `${e.address}${rng.pick(SITE_SUFFIXES)}`;
}

function passRate(rng: Rng, level: number): number {
  return Math.min(0.98, (PASS_RATE[level] ?? 0.85) * (0.92 + rng.float() * 0.12));
}

function regularDrafts(rng: Rng, size: number, facts: readonly EnterpriseFacts[], today: string): Draft[] {
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
        occupationCode: scope.occupationCode,
        level,
        method,
        site: site(rng, e),
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
function storyDrafts(rng: Rng, e: EnterpriseFacts, today: string, withOverdue: boolean): Draft[] {
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
      occupationCode: scope.occupationCode,
      level,
      method: methods[k % methods.length] as Method,
      site: site(rng, e),
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
function demoDraft(rng: Rng, e: EnterpriseFacts): Draft {
  const scope = e.scopes.find((s) => s.levels.includes(DEMO_CERTIFICATE.level)) ?? e.scopes[0];
  return {
    e,
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

// ---- people ----

interface Team {
  assessors: AssessorRow[];
  supervisors: AssessorRow[];
}

/** An institution's team, formed while it filed: 2–3 高级考评员, 4–8 考评员, 1–3 内部质量督导员. */
function team(rng: Rng, e: EnterpriseFacts): Team {
  const formed = addDays(e.confirmedOn as string, -rng.int(5, 40));
  const member = (role: AssessorRow['role'], occupationCode: string | null): AssessorRow => ({
    id: rng.uuid(),
    institutionId: e.id,
    name: personName(rng),
    role,
    occupationCode,
    createdAt: officeTime(rng, formed),
  });
  const assessors: AssessorRow[] = [];
  for (let k = rng.int(2, 3); k > 0; k--) assessors.push(member('SENIOR_ASSESSOR', null));
  for (let k = 0, n = rng.int(4, 8); k < n; k++)
    assessors.push(member('ASSESSOR', k >= 3 && rng.chance(0.4) ? rng.pick(e.scopes).occupationCode : null));
  const supervisors: AssessorRow[] = [];
  for (let k = rng.int(1, 3); k > 0; k--) supervisors.push(member('QUALITY_SUPERVISOR', null));
  return { assessors, supervisors };
}

/** The plan's staff as reported: the method's minimum or one more, a 高级考评员 for 二级/一级, 1–2 supervisors. */
function staffFor(
  rng: Rng,
  t: Team,
  d: Draft,
): { scorers: AssessorRow[]; senior: AssessorRow; supervisors: AssessorRow[] } {
  const eligible = t.assessors.filter((a) => a.occupationCode == null || a.occupationCode === d.occupationCode);
  const seniors = eligible.filter((a) => a.role === 'SENIOR_ASSESSOR');
  const senior = rng.pick(seniors);
  const others = rng.sample(
    eligible.filter((a) => a !== senior),
    MIN_ASSESSORS(d.method) + rng.int(0, 1) - 1,
  );
  const scorers = d.level <= 2 || rng.chance(0.5) ? [senior, ...others] : rng.sample(eligible, others.length + 1);
  return {
    scorers,
    senior: scorers.find((a) => a.role === 'SENIOR_ASSESSOR') ?? (scorers[0] as AssessorRow),
    supervisors: rng.sample(t.supervisors, rng.chance(0.8) ? 1 : 2),
  };
}

/** A Hunan resident ID for someone born on `birth`; 430102 (芙蓉区) is left to the tests' made-up people. */
function residentId(rng: Rng, e: EnterpriseFacts, birth: string, male: boolean): string {
  let county = rng.chance(0.65) ? rng.pick(e.place.counties) : rng.pick(ALL_COUNTIES);
  if (county.code === '430102') county = ALL_COUNTIES[1] as (typeof ALL_COUNTIES)[number];
  const seq = rng.int(0, 99) * 10 + (male ? rng.pick([1, 3, 5, 7, 9]) : rng.pick([0, 2, 4, 6, 8]));
  const first17 = `${county.code}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

export interface AssessmentData {
  assessors: AssessorRow[];
  announcements: AnnouncementRow[];
  announcementOpenings: OpeningRow[];
  plans: PlanRow[];
  planStaff: PlanStaffRow[];
  workers: WorkerRow[];
  workerCredentials: CredentialRow[];
  candidates: CandidateRow[];
  scores: ScoreRow[];
  objections: ObjectionRow[];
  certificates: CertificateRow[];
  uploadBatches: UploadBatchRow[];
  /** The plan each story step stands at, by step (the story institution's). */
  story: Partial<Record<StoryStep, string>>;
}

interface Outcome {
  pass: boolean;
  certified: boolean;
  withheld: boolean;
  demo: boolean;
}

/**
 * Every assessment row for `size` certificates as of `today`. Exactly `size` certificates, all from
 * candidates of submitted plans; size 0 gives no certificates and only the story's plans in flight.
 */
export function generateAssessments(
  rng: Rng,
  opts: {
    size: number;
    today: string;
    facts: readonly EnterpriseFacts[];
    servedParties: Map<string, ServedPartyRow[]>;
  },
): AssessmentData {
  const { size, today, facts } = opts;
  const storyInstitution = facts.find((e) => e.story && e.institutionCode);
  const withDemo = size >= 1 && today >= DEMO_FROM && storyInstitution !== undefined;

  const drafts = [
    ...regularDrafts(rng.fork('plans'), size, facts, today),
    ...(storyInstitution ? storyDrafts(rng.fork('story'), storyInstitution, today, size > 0) : []),
    ...(withDemo && storyInstitution ? [demoDraft(rng.fork('demo'), storyInstitution)] : []),
  ]
    .map((d, i) => [d, i] as const)
    .sort(([a, ia], [b, ib]) =>
      a.steps.evaluationDate < b.steps.evaluationDate
        ? -1
        : a.steps.evaluationDate > b.steps.evaluationDate
          ? 1
          : ia - ib,
    )
    .map(([d]) => d);

  // Certificates: `size` in all, over the plans whose certificates are out by today.
  const done = drafts.filter((d) => !d.demo && d.story === null && d.steps.issuedOn <= today);
  const shares = apportion(
    Math.max(0, size - (withDemo ? 1 : 0)),
    done.map((d) => d.weight),
    1,
  );
  const certifiedOf = new Map(done.map((d, i) => [d, shares[i] ?? 0]));
  const doneWeight = done.reduce((s, d) => s + d.weight, 0);
  const perWeight = doneWeight > 0 ? (size - (withDemo ? 1 : 0)) / doneWeight : 0;

  const out: AssessmentData = {
    assessors: [],
    announcements: [],
    announcementOpenings: [],
    plans: [],
    planStaff: [],
    workers: [],
    workerCredentials: [],
    candidates: [],
    scores: [],
    objections: [],
    certificates: [],
    uploadBatches: [],
    story: {},
  };

  const rTeam = rng.fork('teams');
  const teams = new Map<string, Team>();
  for (const e of facts) {
    if (!e.institutionCode) continue;
    const t = team(rTeam, e);
    teams.set(e.id, t);
    out.assessors.push(...t.assessors, ...t.supervisors);
  }

  const rPlan = rng.fork('plan-rows');
  const rPeople = rng.fork('people');
  const rScores = rng.fork('scores');
  const ids = new Set<string>([DEMO_CERTIFICATE.holderResidentId]);
  const certified: { d: Draft; c: CandidateRow; w: WorkerRow }[] = [];
  const planIds = new Map<Draft, string>();

  for (const d of drafts) {
    const s = d.steps;
    const status = planStatus(s, today);
    const reviewed = s.reviewedOn <= today;
    const publicised = s.publicityStartsOn <= today;
    const reportDeadline = addWorkdays(s.evaluationDate, -5);
    const planId = rPlan.uuid();
    planIds.set(d, planId);
    if (d.story) out.story[d.story] = planId;
    out.plans.push({
      id: planId,
      enterpriseId: d.e.id,
      prefectureCode: d.e.place.code,
      announcementId: null, // below, once the year's plans are known
      occupationCode: d.occupationCode,
      workTypeCode: null,
      level: d.level,
      method: d.method,
      evaluationDate: s.evaluationDate,
      reportedOn: s.reportedOn,
      reportDeadline,
      site: d.site,
      status,
      reviewedOn: reviewed ? s.reviewedOn : null,
      reviewNote: reviewed ? rPlan.pick(REVIEW_NOTES) : null,
      publicityStartsOn: publicised ? s.publicityStartsOn : null,
      publicityEndsOn: publicised ? s.publicityEndsOn : null,
      resultDeadline: null, // the hub computes it from the official calendar (fillMissingResultDeadlines)
      resultDeadlineConfirmed: null,
      resultsSubmittedOn: status === 'SUBMITTED' ? s.submittedOn : null,
      createdAt: officeTime(rPlan, s.reportedOn),
    });
    const staff = staffFor(rPlan, teams.get(d.e.id) as Team, d);
    for (const a of staff.scorers)
      out.planStaff.push({ planId, assessorId: a.id as string, role: a.role as PlanStaffRow['role'] });
    for (const a of staff.supervisors)
      out.planStaff.push({ planId, assessorId: a.id as string, role: 'QUALITY_SUPERVISOR' });

    // Who takes part, and how they come out.
    const outcomes: Outcome[] = [];
    const certifiedCount = certifiedOf.get(d);
    if (d.demo) {
      outcomes.push({ pass: true, certified: true, withheld: false, demo: true });
      outcomes.push({ pass: false, certified: false, withheld: false, demo: false });
    } else if (certifiedCount !== undefined) {
      const failed = Math.max(
        certifiedCount === 0 ? 1 : 0,
        Math.round((certifiedCount * (1 - d.passRate)) / d.passRate + rPeople.float() - 0.5),
      );
      for (let k = 0; k < certifiedCount; k++)
        outcomes.push({ pass: true, certified: true, withheld: false, demo: false });
      for (let k = 0; k < failed; k++) outcomes.push({ pass: false, certified: false, withheld: false, demo: false });
      if (d.objection?.upheld) outcomes.push({ pass: true, certified: false, withheld: true, demo: false });
    } else {
      const n = d.story
        ? rPeople.int(4, 9)
        : Math.max(2, Math.round((perWeight * d.weight) / d.passRate + rPeople.float() - 0.5));
      for (let k = 0; k < n; k++)
        outcomes.push({ pass: rPeople.chance(d.passRate), certified: false, withheld: false, demo: false });
      // A story plan always has results to publish and certify: two pass at least.
      if (d.story) for (const o of outcomes.slice(0, 2)) o.pass = true;
      // An upheld objection withholds a passed result once the committee has decided.
      const upheld = d.objection?.upheld && d.objection.resolvedOn <= today;
      const target = upheld ? outcomes.find((o) => o.pass) : undefined;
      if (target) target.withheld = true;
      else if (d.objection) d.objection.upheld = false;
    }
    const shuffled = rPeople.shuffle(outcomes);

    const parts = requiredParts(d.method, d.level);
    const candidateIds: string[] = [];
    shuffled.forEach((o, k) => {
      const w = o.demo ? demoWorker(d) : worker(rPeople, d, ids, opts.servedParties.get(d.e.id) ?? []);
      out.workers.push(w);
      const exceptional = d.method === 'DIRECT_RECOGNITION' && d.level <= 2 && !o.demo && rPeople.chance(0.15);
      if (d.method === 'DIRECT_RECOGNITION' && d.level <= 2 && !exceptional)
        out.workerCredentials.push(credential(rPeople, d, w));
      const ground = exceptional ? rPeople.pick(GROUNDS) : null;
      const candidateId = rPeople.uuid();
      candidateIds.push(candidateId);
      const entered = rPeople.date(s.reportedOn, minDate(reportDeadline, today));

      // Part scores: one assessor each (the 高级考评员 takes the 现场评审/答辩), on the evaluation day or the next.
      const failing = o.pass ? -1 : rScores.int(0, parts.length - 1);
      const marks = parts.map((_, i) =>
        i === failing ? rScores.int(32, 59) : o.pass ? rScores.int(60, 97) : rScores.int(52, 92),
      );
      let recordedOn = rScores.chance(0.75) ? s.evaluationDate : addWorkdays(s.evaluationDate, 1);
      if (recordedOn >= s.reviewedOn) recordedOn = s.evaluationDate;
      if (d.story === 'BEING_SCORED') recordedOn = k < shuffled.length / 2 ? s.evaluationDate : addWorkdays(today, 1);
      if (recordedOn <= today) {
        parts.forEach((part, i) => {
          const scorer =
            part === 'REVIEW_DEFENCE' ? staff.senior : (staff.scorers[(k + i) % staff.scorers.length] as AssessorRow);
          out.scores.push({
            candidateId,
            assessorId: scorer.id as string,
            part,
            score: marks[i] as number,
            recordedOn,
          });
        });
      }
      const total = Math.round((marks.reduce((a, b) => a + b, 0) / marks.length) * 100) / 100;
      const c: CandidateRow = {
        id: candidateId,
        planId,
        workerId: w.id as string,
        exceptionalGround: ground?.[0] ?? null,
        exceptionalDetail: ground?.[1] ?? null,
        result: reviewed ? (o.withheld ? 'WITHHELD' : o.pass ? 'PASSED' : 'FAILED') : null,
        total: reviewed ? total : null,
        createdAt: officeTime(rPeople, entered),
      };
      out.candidates.push(c);
      if (o.certified) certified.push({ d, c, w });
    });

    // The objection, as far as it has gone today.
    const ob = d.objection;
    if (ob && publicised && ob.raisedOn <= today) {
      const targetIdx = shuffled.findIndex((o) => o.withheld);
      const candidateId = ob.planWide
        ? null
        : (candidateIds[targetIdx >= 0 ? targetIdx : rPeople.int(0, candidateIds.length - 1)] ?? null);
      const resolved = ob.resolvedOn <= today;
      out.objections.push({
        id: rPeople.uuid(),
        planId,
        candidateId,
        raisedOn: ob.raisedOn,
        raisedBy: rPeople.chance(0.5) ? `职工${personName(rPeople)}` : '匿名职工',
        content: rPeople.pick(OBJECTIONS),
        status: resolved ? (ob.upheld ? 'UPHELD' : 'DISMISSED') : 'OPEN',
        resolution: resolved ? rPeople.pick(ob.upheld ? UPHOLDINGS : DISMISSALS) : null,
        resolvedOn: resolved ? ob.resolvedOn : null,
      });
    }
  }

  announce(rng.fork('announcements'), drafts, planIds, out);
  const issued = issue(rng.fork('certificates'), certified, today);
  out.certificates = issued.certificates;
  out.uploadBatches = issued.batches;
  return out;
}

function worker(rng: Rng, d: Draft, ids: Set<string>, served: readonly ServedPartyRow[]): WorkerRow {
  const e = d.e;
  const on = d.steps.evaluationDate;
  const male = rng.chance(0.72);
  const birth =
    d.level <= 2 ? rng.date(addYears(on, -58), addYears(on, -30)) : rng.date(addYears(on, -55), addYears(on, -20));
  let id = residentId(rng, e, birth, male);
  while (ids.has(id)) id = residentId(rng, e, birth, male);
  ids.add(id);
  const party = served.length && rng.chance(0.35) ? rng.pick(served) : null;
  const employedSince = rng.date(maxDate(addYears(birth, 18), addYears(on, -20)), addDays(on, -400));
  return {
    id: rng.uuid(),
    institutionId: e.id,
    employerCreditCode: party?.creditCode ?? e.creditCode,
    employerName: party?.name ?? e.name,
    name: personName(rng, male),
    residentId: id,
    employedSince,
    dispatched: rng.chance(0.06),
    createdAt: officeTime(rng, addDays(d.steps.reportedOn, -rng.int(1, 30))),
  };
}

function demoWorker(d: Draft): WorkerRow {
  return {
    // Fixed like the certificate, so the demo reads the same on every seed.
    id: '7a3f0c2e-5b1d-4e6a-9c84-2d0b6e1f3a51',
    institutionId: d.e.id,
    employerCreditCode: d.e.creditCode,
    employerName: d.e.name,
    name: DEMO_CERTIFICATE.holderName,
    residentId: DEMO_CERTIFICATE.holderResidentId,
    employedSince: '2010-07-01',
    dispatched: false,
    createdAt: new Date('2024-11-08T02:30:00Z'),
  };
}

/** The level below, held from elsewhere (直接认定二级/一级 needs it unless promoted exceptionally). */
function credential(rng: Rng, d: Draft, w: WorkerRow): CredentialRow {
  const qualification = rng.chance(0.5);
  const birth = `${w.residentId.slice(6, 10)}-${w.residentId.slice(10, 12)}-${w.residentId.slice(12, 14)}`;
  const issuedOn = rng.date(addYears(birth, 22), addYears(d.steps.evaluationDate, -2));
  return {
    id: rng.uuid(),
    workerId: w.id as string,
    kind: qualification ? 'QUALIFICATION_CERTIFICATE' : 'SKILL_LEVEL_CERTIFICATE',
    occupationCode: d.occupationCode,
    level: d.level + 1,
    // Institution codes 99xxxx are never given to demo institutions.
    number: qualification
      ? `${issuedOn.slice(0, 4)}43${rng.digits(9)}`
      : `S00004399${rng.digits(4)}${issuedOn.slice(2, 4)}${d.level + 1}${rng.digits(6)}`,
    issuer: qualification ? '湖南省职业技能鉴定中心' : '湖南省技能人才评价服务中心',
    issuedOn,
  };
}

/** One yearly 评价公告 per institution and year of evaluation, opening its whole filed scope. */
function announce(rng: Rng, drafts: readonly Draft[], planIds: Map<Draft, string>, out: AssessmentData) {
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    const key = `${d.e.id}/${d.steps.evaluationDate.slice(0, 4)}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const byPlan = new Map(out.plans.map((p) => [p.id as string, p]));
  for (const [key, list] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const e = (list[0] as Draft).e;
    const year = Number(key.slice(-4));
    const firstReport = list.map((d) => d.steps.reportedOn).sort()[0] as string;
    const publishedOn = nextWorkday(
      maxDate(addDays(e.confirmedOn as string, 1), addDays(firstReport, -rng.int(3, 25))),
    );
    const id = rng.uuid();
    out.announcements.push({
      id,
      institutionId: e.id,
      title: `${e.name}${year}年度职业技能等级认定评价公告`,
      period: 'YEARLY',
      year,
      quarter: null,
      publishedOn,
      conditions: CONDITIONS,
      process: PROCESS,
      useOfResults: USE_OF_RESULTS,
      createdAt: officeTime(rng, publishedOn),
    });
    for (const s of e.scopes) {
      out.announcementOpenings.push({
        id: rng.uuid(),
        announcementId: id,
        occupationCode: s.occupationCode,
        workTypeCode: null,
        levels: s.levels,
      });
    }
    for (const d of list) {
      const plan = byPlan.get(planIds.get(d) as string);
      if (plan) plan.announcementId = id;
    }
  }
}

/**
 * Certificates for the certified candidates, on their plan's issue day. Numbers are Y|S + 0000 + 43 +
 * institution code + year + level + a serial per (institution, year, level), given in order of issue
 * (the demo certificate first on its day).
 */
function issue(
  rng: Rng,
  certified: { d: Draft; c: CandidateRow; w: WorkerRow }[],
  today: string,
): { certificates: CertificateRow[]; batches: UploadBatchRow[] } {
  const uploadLag = new Map<Draft, number>();
  const order = certified
    .map((x, i) => ({ ...x, i }))
    .sort((a, b) =>
      a.d.steps.issuedOn < b.d.steps.issuedOn
        ? -1
        : a.d.steps.issuedOn > b.d.steps.issuedOn
          ? 1
          : Number(b.d.demo) - Number(a.d.demo) || a.i - b.i,
    );
  const serials = new Map<string, number>();
  const out: CertificateRow[] = [];
  for (const { d, c, w } of order) {
    const e = d.e;
    const issuedOn = d.steps.issuedOn;
    const key = `${e.institutionCode}${issuedOn.slice(2, 4)}${d.level}`;
    const serial = (serials.get(key) ?? 0) + 1;
    serials.set(key, serial);
    if (!uploadLag.has(d)) uploadLag.set(d, rng.int(3, 30));
    const uploadedOn = d.demo ? DEMO_PLAN.uploadedOn : addDays(issuedOn, uploadLag.get(d) as number);
    out.push({
      number: `${e.kind === 'SOCIAL_EVALUATION_ORGANIZATION' ? 'S' : 'Y'}000043${key}${String(serial).padStart(6, '0')}`,
      planId: c.planId,
      candidateId: c.id as string,
      enterpriseId: e.id,
      prefectureCode: e.place.code,
      occupationCode: d.occupationCode,
      workTypeCode: null,
      level: d.level,
      holderName: w.name,
      holderResidentId: w.residentId,
      issuedOn,
      status: 'VALID',
      revokedOn: null,
      revocationReason: null,
      revokedBy: null,
      uploadBatchId: null,
      uploadedOn: uploadedOn <= today && (d.demo || rng.chance(0.91)) ? uploadedOn : null,
    });
  }

  // 证书数据上报: what one institution uploaded on one day went as one batch.
  const batches = new Map<string, UploadBatchRow>();
  for (const c of out) {
    if (!c.uploadedOn) continue;
    const key = `${c.enterpriseId}/${c.uploadedOn}`;
    let batch = batches.get(key);
    if (!batch) {
      batch = {
        id: rng.uuid(),
        institutionId: c.enterpriseId,
        uploadedOn: c.uploadedOn,
        reference: `JNDJ-${c.number.slice(7, 13)}-${c.uploadedOn.replaceAll('-', '')}`,
        count: 0,
      };
      batches.set(key, batch);
    }
    batch.count = (batch.count as number) + 1;
    c.uploadBatchId = batch.id as string;
  }

  // ~1% revoked, at least a month after issue (never the demo certificate).
  const revocable = out.filter((c) => addDays(c.issuedOn, 30) <= today && c.number !== DEMO_CERTIFICATE.number);
  for (const c of rng.sample(revocable, Math.round(out.length * 0.01))) {
    c.status = 'REVOKED';
    c.revokedOn = minDate(addDays(c.issuedOn, rng.int(30, 400)), today);
    c.revocationReason = rng.pick(REVOCATION_REASONS);
    c.revokedBy = 'city_center:seed';
  }
  return { certificates: out, batches: [...batches.values()] };
}

/** Sealed resident IDs by clear ID: a certificate carries its holder's worker ciphertext, as issuing does. */
export type SealedIds = Map<string, { enc: Buffer; hmac: Buffer }>;

/** The row as stored: the resident ID encrypted, with its lookup hash, never in clear. */
export function sealWorker({ residentId, ...row }: WorkerRow, ring: PiiKeyring = piiKeyring(), sealed?: SealedIds) {
  const cols = sealWorkerResidentId(residentId, ring);
  sealed?.set(residentId, { enc: cols.residentIdEnc, hmac: cols.residentIdHmac });
  return { ...row, ...cols };
}

/** The row as stored: the resident ID encrypted, with its lookup hash, never in clear. */
export function sealCertificate(
  { holderResidentId, ...row }: CertificateRow,
  ring: PiiKeyring = piiKeyring(),
  sealed?: SealedIds,
): typeof certificates.$inferInsert {
  const known = sealed?.get(holderResidentId);
  return known
    ? { ...row, holderResidentIdEnc: known.enc, holderResidentIdHmac: known.hmac }
    : { ...row, ...sealCertificateHolder(holderResidentId, ring) };
}

/** The last serial per (institution, year, level) of the seeded certificates, so issuing continues after them. */
export function certificateSerialRows(certs: readonly CertificateRow[]): SerialRow[] {
  const last = new Map<string, number>();
  for (const c of certs) {
    const key = c.number.slice(7, 16);
    last.set(key, Math.max(last.get(key) ?? 0, Number(c.number.slice(16))));
  }
  return [...last]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, serial]) => ({
      institutionCode: key.slice(0, 6),
      year: 2000 + Number(key.slice(6, 8)),
      level: Number(key.slice(8, 9)),
      last: serial,
    }));
}
