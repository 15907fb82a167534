import { builder } from '../builder.ts';
import { conditionOverridesOf } from '../queries/work-scheme.ts';
import type { CandidateApplication } from '../rules/application-conditions.ts';
import { standardOf } from '../rules/plan-standard.ts';
import type { ScorePart as ScorePartValue } from '../rules/types.ts';
import { EducationLevel, ScorePart } from './enums.ts';
import { PlanArchive } from './plan.ts';
import { Candidate, EvaluationPlan } from './plan-refs.ts';

/**
 * The 工作方案 on a plan and its candidates: what a candidate declared (申报信息), an admission over
 * unmet 申报条件 and its reason (also in the plan's archive), and the pass marks and weights the
 * plan's results are computed with.
 */

export const CandidateApplicationInput = builder.inputType('CandidateApplicationInput', {
  description: '申报信息: what the candidate declares, checked against the 工作方案’s 申报条件.',
  fields: (t) => ({
    tradeYears: t.int({ required: false, description: '从事本职业（工种）工作年限 (whole years, 0–60)' }),
    trainingHours: t.int({ required: false, description: '本职业培训学时 (0–10000)' }),
    education: t.field({ type: EducationLevel, required: false, description: '文化程度' }),
  }),
});

const CandidateApplicationRef = builder.objectRef<CandidateApplication>('CandidateApplication').implement({
  description: '申报信息 the candidate declared.',
  fields: (t) => ({
    tradeYears: t.exposeInt('tradeYears', { nullable: true, description: '从事本职业（工种）工作年限' }),
    trainingHours: t.exposeInt('trainingHours', { nullable: true, description: '本职业培训学时' }),
    education: t.field({
      type: EducationLevel,
      nullable: true,
      description: '文化程度',
      resolve: (a) => a.education,
    }),
  }),
});

interface Override {
  reason: string;
  schemeVersion: number;
  unmet: string[];
  recordedOn: string;
  recordedBy: string;
}

const ConditionOverride = builder.objectRef<Override>('ConditionOverride').implement({
  description: '破例参评: a candidate admitted though the 工作方案’s 申报条件 were not met, and why.',
  fields: (t) => ({
    reason: t.exposeString('reason', { description: '理由' }),
    schemeVersion: t.exposeInt('schemeVersion', { description: '工作方案 version whose conditions were not met' }),
    unmet: t.exposeStringList('unmet', { description: '未满足的申报条件, as the refusal would have named them' }),
    recordedOn: t.field({ type: 'Date', description: '登记日期', resolve: (o) => o.recordedOn }),
    recordedBy: t.exposeString('recordedBy', { description: '登记人 (role and account)' }),
  }),
});

builder.objectFields(Candidate, (t) => ({
  application: t.field({
    type: CandidateApplicationRef,
    nullable: true,
    description: '申报信息 declared when the candidate was added; null when none was',
    resolve: (c) => (c.application as CandidateApplication | null) ?? null,
  }),
  conditionOverride: t.field({
    type: ConditionOverride,
    nullable: true,
    description: 'Admitted over unmet 申报条件: the reason and what was unmet; null when the conditions were met',
    resolve: (c) => c.conditionOverride ?? null,
  }),
}));

builder.objectFields(PlanArchive, (t) => ({
  conditionOverrides: t.field({
    type: [Candidate],
    description:
      '破例参评: candidates admitted though the 工作方案’s 申报条件 were not met (each’s conditionOverride says why)',
    resolve: (p, _a, ctx) => conditionOverridesOf(ctx.db, p.id),
  }),
}));

const PlanPartStandard = builder
  .objectRef<{ part: ScorePartValue; weight: number; passMark: number }>('PlanPartStandard')
  .implement({
    description: 'A required part of the plan: its weight in the total and its 合格线.',
    fields: (t) => ({
      part: t.field({ type: ScorePart, description: '评分项目', resolve: (p) => p.part }),
      weight: t.exposeInt('weight', { description: '权重' }),
      passMark: t.exposeInt('passMark', { description: '单项合格线' }),
    }),
  });

const PlanStandard = builder.objectRef<ReturnType<typeof standardOf>>('PlanStandard').implement({
  description:
    '合格标准 of a plan: from the 工作方案 in force when it was reported (defaults where it was silent), fixed then — a later 方案 version does not change the plan’s results.',
  fields: (t) => ({
    schemeVersion: t.exposeInt('schemeVersion', {
      nullable: true,
      description: '工作方案 version; null when none was in force (the defaults)',
    }),
    passMark: t.exposeInt('passMark', { description: '总成绩合格线' }),
    parts: t.field({
      type: [PlanPartStandard],
      description: 'Each required part’s weight and pass mark',
      resolve: (s) =>
        Object.entries(s.parts).map(([part, v]) => ({
          part: part as ScorePartValue,
          weight: v.weight,
          passMark: v.passMark,
        })),
    }),
    committeeMinMembers: t.exposeInt('committeeMinMembers', {
      description: '评价工作委员会: members serving at least, to sign the results off',
    }),
    reviewDefencePanelMin: t.exposeInt('reviewDefencePanelMin', {
      description: '现场评审/答辩小组: members at least (直接认定二级/一级)',
    }),
  }),
});

builder.objectFields(EvaluationPlan, (t) => ({
  standard: t.field({
    type: PlanStandard,
    description: '合格标准: the pass marks, weights and minimums the plan’s results are computed with',
    resolve: (p) => standardOf(p),
  }),
}));
