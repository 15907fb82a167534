import { addYears } from './dates.ts';
import {
  type ExceptionalGround,
  type InstitutionKind,
  LEVEL_NAMES,
  type Method,
  problem,
  type Refusal,
} from './types.ts';

export interface EligibilityFacts {
  institution: { creditCode: string };
  worker: { employerCreditCode: string; employedSince: string; dispatched: boolean };
  /** Is the worker's employer a party the institution serves under its 社会评价组织 filing in force? */
  employerServed: boolean;
  /** `qualification`: the 资格类别 the plan runs under (an institution may hold both). */
  plan: { qualification: InstitutionKind; method: Method; level: number; evaluationDate: string };
  /** Levels the worker holds in the plan's occupation: our valid certificates and declared ones. */
  heldLevels: readonly number[];
  exceptional: { ground: ExceptionalGround; detail: string } | null;
}

/**
 * 申报资格: who may be a candidate of a plan. Each refusal names its rule.
 * - 评价对象, by the qualification the plan runs under (not whatever else the institution holds):
 *   under 企业自主评价 the institution's own workers only; under 社会评价组织 also workers of the
 *   enterprises and schools its 社会评价组织 filing serves.
 * - 直接认定: 劳务派遣人员 only after a full year with the employer by the evaluation date
 *   (「参评的劳务派遣人员应在参评单位工作满一年」 stands under 四(二) 直接认定; the other methods
 *   take a dispatched worker like any other).
 * - 直接认定 二级/一级: a certificate of the level below (职业技能等级证书 or 职业资格证书)
 *   in the same occupation, unless a 破格晋升 ground is recorded with its particulars.
 */
export function eligibilityProblems(f: EligibilityFacts): Refusal[] {
  const out: Refusal[] = [];
  const own = f.worker.employerCreditCode === f.institution.creditCode;
  if (!own) {
    if (f.plan.qualification !== 'SOCIAL_EVALUATION_ORGANIZATION') {
      out.push(
        problem(
          'CANDIDATE_NOT_OWN_WORKER',
          '本计划按企业自主评价资质开展，只评价本企业职工；服务对象的职工须参加按社会评价组织资质报备的计划',
          'workerId',
        ),
      );
    } else if (!f.employerServed) {
      out.push(
        problem(
          'CANDIDATE_EMPLOYER_NOT_SERVED',
          '社会评价组织评价本单位职工及其备案服务的产业链上下游企业、中小微企业和合作院校的人员；该职工的单位不在服务对象之列',
          'workerId',
        ),
      );
    }
  }
  if (f.worker.employedSince > f.plan.evaluationDate) {
    out.push(problem('CANDIDATE_NOT_EMPLOYED_YET', `该职工${f.worker.employedSince}入职，晚于评价日期`, 'workerId'));
  } else if (
    f.plan.method === 'DIRECT_RECOGNITION' &&
    f.worker.dispatched &&
    addYears(f.worker.employedSince, 1) > f.plan.evaluationDate
  ) {
    out.push(
      problem(
        'DISPATCHED_UNDER_ONE_YEAR',
        `直接认定：参评的劳务派遣人员应在参评单位工作满一年；该人员${f.worker.employedSince}入职，${addYears(f.worker.employedSince, 1)}方满一年，晚于评价日期${f.plan.evaluationDate}`,
        'workerId',
      ),
    );
  }
  if (f.exceptional && f.exceptional.detail.trim().length < 10) {
    out.push(
      problem(
        'EXCEPTIONAL_GROUNDS_UNSUPPORTED',
        '破格晋升须记录依据：解决的难题、所获奖项或所带徒弟（不少于10个字）',
        'exceptional',
      ),
    );
  }
  const { method, level } = f.plan;
  if (method === 'DIRECT_RECOGNITION' && level <= 2 && !f.exceptional) {
    const below = level + 1;
    if (!f.heldLevels.some((l) => l <= below)) {
      out.push(
        problem(
          'DIRECT_RECOGNITION_NEEDS_LOWER_LEVEL',
          `直接认定${LEVEL_NAMES[level]}须持有同职业${LEVEL_NAMES[below]}证书（职业技能等级证书或职业资格证书），或记录破格晋升依据`,
          'workerId',
        ),
      );
    }
  }
  return out;
}
