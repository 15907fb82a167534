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
  institution: { creditCode: string; kind: InstitutionKind };
  worker: { employerCreditCode: string; employedSince: string; dispatched: boolean };
  /** For a 社会评价组织: is the worker's employer a party it serves under its confirmed filing? */
  employerServed: boolean;
  plan: { method: Method; level: number; evaluationDate: string };
  /** Levels the worker holds in the plan's occupation: our valid certificates and declared ones. */
  heldLevels: readonly number[];
  exceptional: { ground: ExceptionalGround; detail: string } | null;
}

/**
 * 申报资格: who may be a candidate of a plan. Each refusal names its rule.
 * - 评价对象: the institution's own worker; a 社会评价组织 also evaluates workers of
 *   the enterprises and schools it serves.
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
    if (f.institution.kind !== 'SOCIAL_EVALUATION_ORGANIZATION') {
      out.push(
        problem(
          'CANDIDATE_NOT_OWN_WORKER',
          '企业自主评价 evaluates the enterprise’s own workers (本企业职工) only',
          'workerId',
        ),
      );
    } else if (!f.employerServed) {
      out.push(
        problem(
          'CANDIDATE_EMPLOYER_NOT_SERVED',
          'a 社会评价组织 evaluates its own workers and those of the enterprises and schools its confirmed filing serves; this employer is not one',
          'workerId',
        ),
      );
    }
  }
  if (f.worker.employedSince > f.plan.evaluationDate) {
    out.push(
      problem(
        'CANDIDATE_NOT_EMPLOYED_YET',
        `the worker joins on ${f.worker.employedSince}, after the evaluation date`,
        'workerId',
      ),
    );
  } else if (
    f.plan.method === 'DIRECT_RECOGNITION' &&
    f.worker.dispatched &&
    addYears(f.worker.employedSince, 1) > f.plan.evaluationDate
  ) {
    out.push(
      problem(
        'DISPATCHED_UNDER_ONE_YEAR',
        `直接认定: 参评的劳务派遣人员应在参评单位工作满一年; employed since ${f.worker.employedSince}, a full year only on ${addYears(f.worker.employedSince, 1)}, after the evaluation on ${f.plan.evaluationDate}`,
        'workerId',
      ),
    );
  }
  if (f.exceptional && f.exceptional.detail.trim().length < 10) {
    out.push(
      problem(
        'EXCEPTIONAL_GROUNDS_UNSUPPORTED',
        '破格晋升 is recorded with its grounds: what problem was solved, which award, or which apprentices (at least 10 characters)',
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
          `直接认定${LEVEL_NAMES[level]} needs a ${LEVEL_NAMES[below]} certificate (职业技能等级证书 or 职业资格证书) in the same occupation, or recorded 破格晋升 grounds`,
          'workerId',
        ),
      );
    }
  }
  return out;
}
