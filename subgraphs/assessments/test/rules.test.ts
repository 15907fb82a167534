import { describe, expect, it } from 'vitest';
import { calendarOf, packageNotices } from '../src/calendar.ts';
import { appointmentProblems } from '../src/rules/appointment.ts';
import { destructionProblems, retainedUntil } from '../src/rules/archive.ts';
import {
  certificateNumber,
  issueProblems,
  parseCertificateNumber,
  revocationProblems,
} from '../src/rules/certificate.ts';
import { type EligibilityFacts, eligibilityProblems } from '../src/rules/eligibility.ts';
import {
  announcementProblems,
  candidateEntryProblems,
  reportTimingProblems,
  staffingProblems,
} from '../src/rules/plan.ts';
import { daysLate, objectionWindowProblems, publicityProblems, submissionProblems } from '../src/rules/publicity.ts';
import { assess, requiredParts, reviewProblems, scoreEntryProblems } from '../src/rules/scoring.ts';

const cal = calendarOf(packageNotices());
const codes = (ps: { code: string }[]) => ps.map((p) => p.code).sort();

describe('plan reporting (评价计划报备)', () => {
  it('refuses a plan reported 4 working days ahead across the National Day holiday', () => {
    // Evaluation Mon 10-12: deadline 09-29. On 09-30 only 4 working days remain (09-30 itself not counted: 10-08, 10-09, 10-10).
    expect(codes(reportTimingProblems(cal, '2026-10-12', '2026-09-30'))).toEqual(['PLAN_REPORTED_LATE']);
    expect(reportTimingProblems(cal, '2026-10-12', '2026-09-29')).toEqual([]);
  });

  it('refuses a plan reported 4 working days ahead across the Spring Festival holiday', () => {
    expect(codes(reportTimingProblems(cal, '2026-02-24', '2026-02-11'))).toEqual(['PLAN_REPORTED_LATE']);
    expect(reportTimingProblems(cal, '2026-02-24', '2026-02-10')).toEqual([]);
  });

  it('refuses a plan for a day already past', () => {
    expect(codes(reportTimingProblems(cal, '2026-12-01', '2026-12-01'))).toEqual(['PLAN_EVALUATION_DATE_PAST']);
  });

  it('needs the assessors the method needs, a 高级考评员 for 二级/一级 and a 内部质量督导员', () => {
    const a = { role: 'ASSESSOR' as const };
    const s = { role: 'SENIOR_ASSESSOR' as const };
    const q = { role: 'QUALITY_SUPERVISOR' as const };
    expect(staffingProblems('THEORY_EXAM', 4, [a, a, q])).toEqual([]);
    expect(codes(staffingProblems('SKILL_OPERATION', 4, [a, a, q]))).toEqual(['PLAN_TOO_FEW_ASSESSORS']);
    expect(codes(staffingProblems('DIRECT_RECOGNITION', 2, [a, a, a, q]))).toEqual(['PLAN_NEEDS_SENIOR_ASSESSOR']);
    expect(staffingProblems('DIRECT_RECOGNITION', 2, [s, a, a, q])).toEqual([]);
    expect(codes(staffingProblems('INTEGRATED', 3, [s, a, a]))).toEqual(['PLAN_NEEDS_SUPERVISOR']);
  });

  it('comes under a published announcement that opens its occupation and level for its period', () => {
    const a = {
      institutionId: 'i',
      publishedOn: '2026-10-01',
      period: 'QUARTERLY' as const,
      year: 2026,
      quarter: 4,
      openings: [{ occupationCode: '6-18-01-01', workTypeCode: null, levels: [4, 3] }],
    };
    const plan = {
      institutionId: 'i',
      occupationCode: '6-18-01-01',
      workTypeCode: null,
      level: 3,
      evaluationDate: '2026-12-14',
    };
    expect(announcementProblems(a, plan, '2026-12-01')).toEqual([]);
    expect(codes(announcementProblems(a, { ...plan, level: 2 }, '2026-12-01'))).toEqual(['ANNOUNCEMENT_DOES_NOT_OPEN']);
    expect(codes(announcementProblems(a, { ...plan, evaluationDate: '2027-01-11' }, '2026-12-01'))).toEqual([
      'ANNOUNCEMENT_PERIOD_MISMATCH',
    ]);
    expect(codes(announcementProblems({ ...a, publishedOn: '2026-12-02' }, plan, '2026-12-01'))).toEqual([
      'ANNOUNCEMENT_NOT_PUBLISHED',
    ]);
    expect(codes(announcementProblems({ ...a, institutionId: 'other' }, plan, '2026-12-01'))).toEqual([
      'ANNOUNCEMENT_NOT_FOUND',
    ]);
  });

  it('takes candidates up to the report deadline only', () => {
    expect(candidateEntryProblems('2026-12-07', '2026-12-14', '2026-12-07')).toEqual([]);
    expect(codes(candidateEntryProblems('2026-12-07', '2026-12-14', '2026-12-08'))).toEqual([
      'CANDIDATES_AFTER_REPORT_DEADLINE',
    ]);
  });
});

describe('candidate eligibility (申报资格)', () => {
  const base: EligibilityFacts = {
    institution: { creditCode: '91430100MA4L000001' },
    worker: { employerCreditCode: '91430100MA4L000001', employedSince: '2020-01-01', dispatched: false },
    employerServed: false,
    plan: {
      qualification: 'ENTERPRISE_SELF_EVALUATION',
      method: 'SKILL_OPERATION',
      level: 3,
      evaluationDate: '2026-12-14',
    },
    heldLevels: [],
    exceptional: null,
  };
  const other = { ...base.worker, employerCreditCode: '91430200MA4L000002' };

  it('admits the enterprise’s own worker and refuses another employer’s', () => {
    expect(eligibilityProblems(base)).toEqual([]);
    expect(codes(eligibilityProblems({ ...base, worker: other }))).toEqual(['CANDIDATE_NOT_OWN_WORKER']);
  });

  it('lets a 社会评价组织 evaluate workers of a party it serves, and no one else’s', () => {
    const org = { ...base, plan: { ...base.plan, qualification: 'SOCIAL_EVALUATION_ORGANIZATION' as const } };
    expect(eligibilityProblems({ ...org, worker: other, employerServed: true })).toEqual([]);
    expect(codes(eligibilityProblems({ ...org, worker: other, employerServed: false }))).toEqual([
      'CANDIDATE_EMPLOYER_NOT_SERVED',
    ]);
  });

  it('admits a dispatched worker to 直接认定 only after a full year with the employer by the evaluation date', () => {
    const direct = { ...base, plan: { ...base.plan, method: 'DIRECT_RECOGNITION' as const } };
    const dispatched = { ...base.worker, dispatched: true, employedSince: '2025-12-15' };
    expect(codes(eligibilityProblems({ ...direct, worker: dispatched }))).toEqual(['DISPATCHED_UNDER_ONE_YEAR']);
    expect(eligibilityProblems({ ...direct, worker: { ...dispatched, employedSince: '2025-12-14' } })).toEqual([]);
    // Not dispatched: no one-year rule.
    expect(eligibilityProblems({ ...direct, worker: { ...dispatched, dispatched: false } })).toEqual([]);
  });

  it('applies the 劳务派遣 one-year rule to 直接认定 only: every other method takes a dispatched worker of 90 days', () => {
    const dispatched = { ...base.worker, dispatched: true, employedSince: '2026-09-15' };
    const methods = [
      'THEORY_EXAM',
      'SKILL_OPERATION',
      'INTEGRATED',
      'SIMULATION',
      'ON_JOB_TRAINING',
      'TECHNICAL_CONTEST',
      'COMPETITION',
      'PROCESS_ASSESSMENT',
      'MODULAR_ASSESSMENT',
      'PERFORMANCE_REVIEW',
    ] as const;
    for (const method of methods) {
      expect(eligibilityProblems({ ...base, worker: dispatched, plan: { ...base.plan, method } })).toEqual([]);
    }
  });

  it('refuses a worker who joins after the evaluation date', () => {
    expect(codes(eligibilityProblems({ ...base, worker: { ...base.worker, employedSince: '2027-01-01' } }))).toEqual([
      'CANDIDATE_NOT_EMPLOYED_YET',
    ]);
  });

  it('needs the level below for 直接认定二级/一级, unless 破格 grounds are recorded with particulars', () => {
    const direct2 = { ...base, plan: { ...base.plan, method: 'DIRECT_RECOGNITION' as const, level: 2 } };
    expect(codes(eligibilityProblems(direct2))).toEqual(['DIRECT_RECOGNITION_NEEDS_LOWER_LEVEL']);
    expect(codes(eligibilityProblems({ ...direct2, heldLevels: [4] }))).toEqual([
      'DIRECT_RECOGNITION_NEEDS_LOWER_LEVEL',
    ]);
    expect(eligibilityProblems({ ...direct2, heldLevels: [3] })).toEqual([]);
    const grounds = { ground: 'OUTSTANDING_MENTORING' as const, detail: '近三年带徒12名，其中5名取得高级工证书' };
    expect(eligibilityProblems({ ...direct2, exceptional: grounds })).toEqual([]);
    expect(codes(eligibilityProblems({ ...direct2, exceptional: { ...grounds, detail: '带徒' } }))).toEqual([
      'EXCEPTIONAL_GROUNDS_UNSUPPORTED',
    ]);
    const direct1 = { ...direct2, plan: { ...direct2.plan, level: 1 } };
    expect(codes(eligibilityProblems({ ...direct1, heldLevels: [3] }))).toEqual([
      'DIRECT_RECOGNITION_NEEDS_LOWER_LEVEL',
    ]);
    expect(eligibilityProblems({ ...direct1, heldLevels: [2] })).toEqual([]);
    // 直接认定三级 needs no lower certificate.
    expect(eligibilityProblems({ ...direct2, plan: { ...direct2.plan, level: 3 } })).toEqual([]);
  });
});

describe('scores and the pass rule', () => {
  it('passes 理论技能一体化 only when theory and skill each reach 60', () => {
    expect(
      assess('INTEGRATED', 4, [
        { part: 'THEORY', score: 60 },
        { part: 'SKILL', score: 95 },
      ]),
    ).toMatchObject({ result: 'PASSED', total: 77.5 });
    expect(
      assess('INTEGRATED', 4, [
        { part: 'THEORY', score: 59.5 },
        { part: 'SKILL', score: 100 },
      ]).result,
    ).toBe('FAILED');
  });

  it('averages each part over its assessors', () => {
    const a = assess('SKILL_OPERATION', 3, [
      { part: 'SKILL', score: 55 },
      { part: 'SKILL', score: 65 },
      { part: 'SKILL', score: 62 },
    ]);
    expect(a).toMatchObject({ parts: { SKILL: 60.67 }, result: 'PASSED' });
  });

  it('needs a 现场评审/答辩 result for 直接认定二级/一级, not for 三级', () => {
    expect(requiredParts('DIRECT_RECOGNITION', 2)).toContain('REVIEW_DEFENCE');
    expect(requiredParts('DIRECT_RECOGNITION', 3)).not.toContain('REVIEW_DEFENCE');
    const a = assess('DIRECT_RECOGNITION', 1, [
      { part: 'ABILITY', score: 90 },
      { part: 'PERFORMANCE', score: 90 },
    ]);
    expect(a).toMatchObject({ missing: ['REVIEW_DEFENCE'], result: null });
    expect(codes(reviewProblems('DIRECT_RECOGNITION', 1, [{ name: '甲', missing: a.missing }]))).toEqual([
      'DIRECT_RECOGNITION_NEEDS_REVIEW_DEFENCE',
    ]);
    expect(codes(reviewProblems('THEORY_EXAM', 4, []))).toEqual(['REVIEW_NO_CANDIDATES']);
  });

  it('takes scores only for the method’s parts, from the plan’s assessors, within 0–100', () => {
    expect(scoreEntryProblems('THEORY_EXAM', 4, { part: 'THEORY', score: 88, assessorOnPlan: true })).toEqual([]);
    expect(codes(scoreEntryProblems('THEORY_EXAM', 4, { part: 'SKILL', score: 101, assessorOnPlan: false }))).toEqual([
      'SCORE_ASSESSOR_NOT_ON_PLAN',
      'SCORE_OUT_OF_RANGE',
      'SCORE_PART_NOT_IN_METHOD',
    ]);
  });
});

describe('publicity, objections and submission (公示、异议、提交)', () => {
  it('refuses a publicity of 4 natural days and accepts 5, both ends counted', () => {
    expect(
      codes(publicityProblems({ startsOn: '2026-12-15', endsOn: '2026-12-18', reviewedOn: '2026-12-14' })),
    ).toEqual(['PUBLICITY_TOO_SHORT']);
    expect(publicityProblems({ startsOn: '2026-12-15', endsOn: '2026-12-19', reviewedOn: '2026-12-14' })).toEqual([]);
  });

  it('refuses publicity before the committee review', () => {
    expect(
      codes(publicityProblems({ startsOn: '2026-12-13', endsOn: '2026-12-20', reviewedOn: '2026-12-14' })),
    ).toEqual(['PUBLICITY_BEFORE_REVIEW']);
  });

  it('takes objections during publicity only', () => {
    const p = { startsOn: '2026-12-15', endsOn: '2026-12-19' };
    expect(objectionWindowProblems(p, '2026-12-19')).toEqual([]);
    expect(codes(objectionWindowProblems(p, '2026-12-20'))).toEqual(['OBJECTION_OUTSIDE_PUBLICITY']);
    expect(codes(objectionWindowProblems(p, '2026-12-14'))).toEqual(['OBJECTION_OUTSIDE_PUBLICITY']);
  });

  it('submits results after publicity ends with every objection resolved, and measures lateness', () => {
    expect(codes(submissionProblems({ endsOn: '2026-12-19' }, 0, '2026-12-19'))).toEqual([
      'RESULTS_BEFORE_PUBLICITY_ENDS',
    ]);
    expect(codes(submissionProblems({ endsOn: '2026-12-19' }, 1, '2026-12-21'))).toEqual(['OPEN_OBJECTIONS']);
    expect(submissionProblems({ endsOn: '2026-12-19' }, 0, '2026-12-21')).toEqual([]);
    expect(daysLate('2026-11-03', '2026-11-03')).toBe(0);
    expect(daysLate('2026-11-05', '2026-11-03')).toBe(2);
  });
});

describe('certificates (证书)', () => {
  it('numbers Y|S 0000 43 + institution code + year + level + 6-digit serial: 22 characters', () => {
    const n = certificateNumber({
      kind: 'ENTERPRISE_SELF_EVALUATION',
      institutionCode: '430123',
      year: 2026,
      level: 3,
      serial: 42,
    });
    expect(n).toBe('Y000043430123263000042');
    expect(n).toHaveLength(22);
    expect(
      certificateNumber({
        kind: 'SOCIAL_EVALUATION_ORGANIZATION',
        institutionCode: '430999',
        year: 2027,
        level: 1,
        serial: 1,
      }),
    ).toBe('S000043430999271000001');
    expect(parseCertificateNumber(n)).toEqual({
      kind: 'ENTERPRISE_SELF_EVALUATION',
      institutionCode: '430123',
      year: 2026,
      level: 3,
      serial: 42,
    });
    expect(() =>
      certificateNumber({
        kind: 'ENTERPRISE_SELF_EVALUATION',
        institutionCode: '430123',
        year: 2026,
        level: 3,
        serial: 1_000_000,
      }),
    ).toThrow(RangeError);
    expect(parseCertificateNumber('Y00004343012326300004')).toBeNull();
  });

  it('issues only for passed, reviewed, publicised results past publicity with no open objection, in scope', () => {
    const ok = {
      candidateName: '甲',
      result: 'PASSED' as const,
      planReviewed: true,
      publicityEndsOn: '2026-12-19',
      openObjections: 0,
      alreadyIssued: false,
      institutionCode: '430123',
      inScope: true,
      level: 3,
      today: '2026-12-20',
    };
    expect(issueProblems(ok)).toEqual([]);
    expect(codes(issueProblems({ ...ok, result: 'FAILED' }))).toEqual(['CANDIDATE_NOT_PASSED']);
    expect(codes(issueProblems({ ...ok, result: 'WITHHELD' }))).toEqual(['CANDIDATE_NOT_PASSED']);
    expect(codes(issueProblems({ ...ok, planReviewed: false }))).toEqual(['RESULTS_NOT_REVIEWED']);
    expect(codes(issueProblems({ ...ok, publicityEndsOn: null }))).toEqual(['RESULTS_NOT_PUBLICISED']);
    expect(codes(issueProblems({ ...ok, today: '2026-12-19' }))).toEqual(['PUBLICITY_NOT_OVER']);
    expect(codes(issueProblems({ ...ok, openObjections: 1 }))).toEqual(['OPEN_OBJECTIONS']);
    expect(codes(issueProblems({ ...ok, alreadyIssued: true }))).toEqual(['CERTIFICATE_ALREADY_ISSUED']);
    expect(codes(issueProblems({ ...ok, inScope: false }))).toEqual(['OUT_OF_SCOPE']);
    // Suspended: told so, not called out of scope (a suspension empties the scope too).
    expect(codes(issueProblems({ ...ok, inScope: false, suspended: true }))).toEqual(['INSTITUTION_SUSPENDED']);
    expect(codes(issueProblems({ ...ok, institutionCode: null }))).toEqual(['INSTITUTION_NOT_CONFIRMED']);
  });

  it('revokes a valid certificate with a reason only', () => {
    expect(revocationProblems({ status: 'VALID' }, '考评过程存在替考行为')).toEqual([]);
    expect(codes(revocationProblems({ status: 'REVOKED' }, '替考'))).toEqual([
      'CERTIFICATE_ALREADY_REVOKED',
      'REVOCATION_REASON_MISSING',
    ]);
  });
});

describe('特级技师/首席技师 appointments and the archive', () => {
  it('appoints only an own worker holding 一级 in the occupation, for a term', () => {
    const a = { heldLevels: [1, 2], termStartsOn: '2027-01-01', termEndsOn: '2029-12-31', ownWorker: true };
    expect(appointmentProblems(a)).toEqual([]);
    expect(codes(appointmentProblems({ ...a, heldLevels: [2] }))).toEqual(['APPOINTMENT_NEEDS_LEVEL_1']);
    expect(codes(appointmentProblems({ ...a, termEndsOn: '2027-01-01' }))).toEqual(['APPOINTMENT_TERM']);
    expect(codes(appointmentProblems({ ...a, ownWorker: false }))).toEqual(['APPOINTMENT_NOT_OWN_WORKER']);
  });

  it('destroys records only after the retention period, and only with a ledger entry', () => {
    expect(retainedUntil('2026-12-21', 5)).toBe('2031-12-21');
    const p = {
      resultsSubmittedOn: '2026-12-21',
      retentionYears: 5,
      alreadyDestroyed: false,
      entry: '评分表等过程资料共3卷，经档案管理员与纪检人员监督销毁',
      today: '2031-12-21',
    };
    expect(destructionProblems(p)).toEqual([]);
    expect(codes(destructionProblems({ ...p, today: '2031-12-20' }))).toEqual(['ARCHIVE_RETENTION_NOT_OVER']);
    expect(codes(destructionProblems({ ...p, entry: '销毁' }))).toEqual(['ARCHIVE_LEDGER_ENTRY_MISSING']);
    expect(codes(destructionProblems({ ...p, resultsSubmittedOn: null }))).toEqual(['ARCHIVE_PLAN_OPEN']);
    expect(codes(destructionProblems({ ...p, alreadyDestroyed: true }))).toEqual(['ARCHIVE_ALREADY_DESTROYED']);
  });
});
