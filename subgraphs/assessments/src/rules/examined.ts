import { requiredParts } from '@hub/vocabulary';
import { LEVEL_NAMES, METHOD_NAMES, type Method, problem, type Refusal, type ScorePart } from './types.ts';

/**
 * 评价内容 (五(二) of the 工作指引): 「采用考核方式…自行开发试题后实施」, 「采取直接认定方式的，由企业制定
 * 相应级别的评价表后实施」. A plan records what it examined — the paper (试卷) or item bank (题库),
 * with its version, of each part an exam scores, or the 评价表 of its level — and the records go
 * into its archive (档案, 可追溯). The committee reviews an exam or a direct recognition only once
 * they are recorded; after the review they are fixed.
 */

export type ExaminedKind = 'EXAM_PAPER' | 'ITEM_BANK' | 'EVALUATION_FORM';
type Status = 'REPORTED' | 'REVIEWED' | 'PUBLICISED' | 'SUBMITTED' | 'CANCELLED';

/** 考核方式: the methods examined with papers or item banks, whose review needs them recorded. */
export const EXAM_METHODS: readonly Method[] = ['THEORY_EXAM', 'SKILL_OPERATION', 'INTEGRATED', 'SIMULATION'];

/** Parts a paper or item bank examines (the others are scored on the job, from evidence or at a defence). */
const EXAMINED_PARTS: readonly ScorePart[] = ['THEORY', 'SKILL'];

const PART_NAMES: Partial<Record<ScorePart, string>> = { THEORY: '理论知识', SKILL: '技能操作' };

/** The parts of a plan a paper or item bank may be recorded for. */
export const examinableParts = (method: Method, level: number): ScorePart[] =>
  method === 'DIRECT_RECOGNITION' ? [] : requiredParts(method, level).filter((p) => EXAMINED_PARTS.includes(p));

/**
 * What the archive must hold before the committee review: for an exam, the paper or item bank of
 * each part it scores; for a direct recognition, the 评价表 (part null); nothing for the other methods
 * (岗位练兵, 技术比武, 竞赛 follow their own 竞赛方案), which may still record papers.
 */
export function examinedNeeded(method: Method, level: number): (ScorePart | null)[] {
  if (method === 'DIRECT_RECOGNITION') return [null];
  return EXAM_METHODS.includes(method) ? examinableParts(method, level) : [];
}

/** Recording what a plan examined: the right kind for its method, a part it scores, a reference and a version; before the review. */
export function examinedMaterialProblems(
  plan: { method: Method; level: number; status: Status },
  input: { kind: ExaminedKind; part?: ScorePart | null; reference: string; version: string },
): Refusal[] {
  if (plan.status === 'CANCELLED') return [problem('PLAN_CANCELLED', '评价计划已取消', 'planId')];
  if (plan.status !== 'REPORTED') {
    return [
      problem('EXAMINED_AFTER_REVIEW', '评价工作委员会已审核评价结果，所用试卷、题库或评价表不能再更改', 'planId'),
    ];
  }
  const out: Refusal[] = [];
  const direct = plan.method === 'DIRECT_RECOGNITION';
  if (direct && input.kind !== 'EVALUATION_FORM') {
    out.push(problem('EXAMINED_KIND_NOT_FOR_METHOD', '直接认定按评价表实施，不登记试卷或题库', 'kind'));
  } else if (!direct && input.kind === 'EVALUATION_FORM') {
    out.push(
      problem(
        'EXAMINED_KIND_NOT_FOR_METHOD',
        `评价表用于直接认定；${METHOD_NAMES[plan.method]}登记所用试卷或题库`,
        'kind',
      ),
    );
  } else if (input.kind === 'EVALUATION_FORM') {
    if (input.part) {
      out.push(problem('EXAMINED_PART_NOT_IN_METHOD', '评价表按等级制定，不分评分项目，不填 part', 'part'));
    }
  } else if (!input.part) {
    out.push(problem('EXAMINED_PART_MISSING', '须注明试卷或题库考核的评分项目（理论知识或技能操作）', 'part'));
  } else if (!examinableParts(plan.method, plan.level).includes(input.part)) {
    out.push(
      problem(
        'EXAMINED_PART_NOT_IN_METHOD',
        `${METHOD_NAMES[plan.method]}${LEVEL_NAMES[plan.level]}不考核${PART_NAMES[input.part] ?? input.part}，不登记其试卷或题库`,
        'part',
      ),
    );
  }
  if (!input.reference.trim()) {
    out.push(problem('EXAMINED_REFERENCE_MISSING', '须填写试卷编号、题库名称或评价表编号', 'reference'));
  }
  if (!input.version.trim()) out.push(problem('EXAMINED_VERSION_MISSING', '须填写所用版本', 'version'));
  return out;
}

/** 评价工作委员会审核: an exam's papers or item banks and a direct recognition's 评价表 are on record. */
export function reviewExaminedProblems(
  method: Method,
  level: number,
  recorded: readonly { part: ScorePart | null }[],
): Refusal[] {
  return examinedNeeded(method, level)
    .filter((part) => !recorded.some((r) => r.part === part))
    .map((part) =>
      problem(
        'REVIEW_EXAMINED_MISSING',
        part
          ? `审核前须登记${PART_NAMES[part] ?? part}所用的试卷或题库（编号与版本）`
          : `审核前须登记直接认定${LEVEL_NAMES[level]}所用的评价表（编号与版本）`,
        'planId',
      ),
    );
}
