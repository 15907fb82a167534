import { access, type Refusal } from '@hub/platform';
import { builder } from '../builder.ts';
import { adoptWorkScheme } from '../commands/adopt-work-scheme.ts';
import { institutionOwner, mayReadInstitution } from '../facts.ts';
import { schemeFacts, schemeVersions, type WorkSchemeRow } from '../queries/work-scheme.ts';
import type { ApplicationCondition, OtherCondition } from '../rules/application-conditions.ts';
import { ruleDefaults } from '../rules/defaults.ts';
import { partsOfMethod } from '../rules/plan-standard.ts';
import type { Method, ScorePart as ScorePartValue } from '../rules/types.ts';
import { EducationLevel, EvaluationMethod, OtherConditionKind, ScorePart, SkillLevel } from './enums.ts';
import { PlanModuleInput } from './module-input.ts';
import { payloadType } from './payload.ts';
import { objects } from './reach.ts';
import { EnterpriseRef } from './refs.ts';

type Level = 1 | 2 | 3 | 4 | 5;
const METHODS = Object.keys(ruleDefaults.assessors) as Method[];

const AssessorCount = builder
  .objectRef<{ method: Method; assessors: number; stated: boolean }>('MethodAssessorCount')
  .implement({
    description: '考评员人数 a plan of one 评价方式 needs.',
    fields: (t) => ({
      method: t.field({ type: EvaluationMethod, description: '评价方式', resolve: (c) => c.method }),
      assessors: t.exposeInt('assessors', { description: '考评员人数 (at least)' }),
      stated: t.exposeBoolean('stated', {
        description: 'True when the 工作方案 states it; false for the hub’s default (the 方案 is silent).',
      }),
    }),
  });

const SchemeNumber = builder.objectRef<{ value: number; stated: boolean }>('SchemeNumber').implement({
  description: 'A number of the 工作方案: as it states it, or the hub’s default where it is silent.',
  fields: (t) => ({
    value: t.exposeInt('value', { description: 'The number in force' }),
    stated: t.exposeBoolean('stated', { description: 'True when the 方案 states it; false for the default.' }),
  }),
});

const SchemeFlag = builder.objectRef<{ value: boolean; stated: boolean }>('SchemeFlag').implement({
  description: 'A yes-or-no rule of the 工作方案: as it states it, or the hub’s default where it is silent.',
  fields: (t) => ({
    value: t.exposeBoolean('value', { description: 'The rule in force' }),
    stated: t.exposeBoolean('stated', { description: 'True when the 方案 states it; false for the default.' }),
  }),
});

const OtherConditionRef = builder.objectRef<OtherCondition>('OtherCondition').implement({
  description: '申报条件 of another kind: training hours or 文化程度.',
  fields: (t) => ({
    kind: t.field({ type: OtherConditionKind, description: '条件类别', resolve: (o) => o.kind }),
    hours: t.int({
      nullable: true,
      description: '标准学时 at least (TRAINING_HOURS)',
      resolve: (o) => (o.kind === 'TRAINING_HOURS' ? o.hours : null),
    }),
    education: t.field({
      type: EducationLevel,
      nullable: true,
      description: '文化程度 at least (EDUCATION)',
      resolve: (o) => (o.kind === 'EDUCATION' ? o.education : null),
    }),
  }),
});

const ApplicationConditionRef = builder.objectRef<ApplicationCondition>('ApplicationCondition').implement({
  description:
    '申报条件 of the 工作方案 for one occupation (or work type) and level: every requirement stated must be met; several entries for the same occupation and level are alternatives (满足其一即可).',
  fields: (t) => ({
    occupationCode: t.field({ type: 'OccupationCode', description: '职业编码', resolve: (c) => c.occupationCode }),
    workTypeCode: t.field({
      type: 'OccupationCode',
      nullable: true,
      description: '工种编码; null for every work type of the occupation',
      resolve: (c) => c.workTypeCode,
    }),
    level: t.field({ type: SkillLevel, description: '申报等级', resolve: (c) => c.level as Level }),
    yearsInTrade: t.exposeInt('yearsInTrade', {
      nullable: true,
      description: '从事本职业（工种）工作年限 at least, as the candidate declares it',
    }),
    yearsInPost: t.exposeInt('yearsInPost', {
      nullable: true,
      description: '在本单位（岗位）工作年限 at least, from the worker’s 入职日期 to the evaluation date',
    }),
    levelHeld: t.field({
      type: SkillLevel,
      nullable: true,
      description: '已取得本职业此等级（或更高等级）证书 (ours, or one the worker declared)',
      resolve: (c) => c.levelHeld as Level | null,
    }),
    yearsSinceLevelHeld: t.exposeInt('yearsSinceLevelHeld', {
      nullable: true,
      description: '取得该证书后年限 at least, by the evaluation date',
    }),
    others: t.field({ type: [OtherConditionRef], description: '其他条件', resolve: (c) => [...c.others] }),
  }),
});

interface PartView {
  part: ScorePartValue;
  weight: number;
  passMark: number;
  stated: boolean;
}

const PartStandard = builder.objectRef<PartView>('PartStandard').implement({
  description: '成绩构成 of one part: its weight in the total and its own 合格线.',
  fields: (t) => ({
    part: t.field({ type: ScorePart, description: '评分项目', resolve: (p) => p.part }),
    weight: t.exposeInt('weight', { description: '权重 (relative to the method’s other parts; default equal)' }),
    passMark: t.exposeInt('passMark', { description: '单项合格线 (default 60)' }),
    stated: t.exposeBoolean('stated', { description: 'True when the 方案 states the weight or pass mark.' }),
  }),
});

const ModuleStandard = builder
  .objectRef<{ name: string; weight: number; passMark: number }>('ModuleStandard')
  .implement({
    description: '考核模块 the 工作方案 states for a 过程化/模块化考核.',
    fields: (t) => ({
      name: t.exposeString('name', { description: '模块名称' }),
      weight: t.exposeInt('weight', { description: '权重 (relative; default equal)' }),
      passMark: t.exposeInt('passMark', { description: '模块合格线 (default 60)' }),
    }),
  });

const MethodStandardRef = builder
  .objectRef<{
    method: Method;
    passMark: SchemeNumberShape;
    parts: PartView[];
    modules: { name: string; weight: number; passMark: number }[];
  }>('MethodStandard')
  .implement({
    description:
      '成绩构成 and 合格线 of one 评价方式 in the 工作方案: a candidate passes with every part at least its pass mark and the weighted total at least the overall one.',
    fields: (t) => ({
      method: t.field({ type: EvaluationMethod, description: '评价方式', resolve: (m) => m.method }),
      passMark: t.field({ type: SchemeNumber, description: '总成绩合格线 (default 60)', resolve: (m) => m.passMark }),
      parts: t.field({
        type: [PartStandard],
        description: 'Every part the method scores (现场评审/答辩: 直接认定二级/一级 only)',
        resolve: (m) => m.parts,
      }),
      modules: t.field({
        type: [ModuleStandard],
        description:
          '过程化/模块化考核: the modules the 方案 states for its plans (defaults filled in); empty otherwise',
        resolve: (m) => m.modules,
      }),
    }),
  });
type SchemeNumberShape = { value: number; stated: boolean };

const number = (stated: number | null | undefined, fallback: number): SchemeNumberShape =>
  stated != null ? { value: stated, stated: true } : { value: fallback, stated: false };

const WorkScheme = builder.objectRef<WorkSchemeRow>('WorkScheme').implement({
  description: '工作方案: one version of the institution’s own evaluation scheme.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: '版本, from 1' }),
    title: t.exposeString('title', { description: '方案名称' }),
    adoptedOn: t.field({ type: 'Date', description: '施行日期', resolve: (s) => s.adoptedOn }),
    assessorCounts: t.field({
      type: [AssessorCount],
      description: '考评员人数 per 评价方式: stated by the 方案, or the default where it is silent',
      resolve: (s) =>
        METHODS.map((method) => {
          const stated = s.assessorCounts[method];
          return stated != null
            ? { method, assessors: stated, stated: true }
            : { method, assessors: ruleDefaults.assessors[method], stated: false };
        }),
    }),
    conditions: t.field({
      type: [ApplicationConditionRef],
      description: '申报条件 per occupation and level; none: the hub’s eligibility rules only',
      resolve: (s) => schemeFacts(s).conditions ?? [],
    }),
    methods: t.field({
      type: [MethodStandardRef],
      description:
        '成绩构成 and 合格线 per 评价方式: stated by the 方案, or the defaults (equal weights, 60) where it is silent',
      resolve: (s) =>
        METHODS.map((method) => {
          const stated = schemeFacts(s).methodStandards?.find((m) => m.method === method);
          return {
            method,
            passMark: number(stated?.passMark, ruleDefaults.passMark),
            parts: partsOfMethod(method).map((part) => {
              const own = stated?.parts?.find((p) => p.part === part);
              return {
                part,
                weight: own?.weight ?? ruleDefaults.partWeight,
                passMark: own?.passMark ?? ruleDefaults.passMark,
                stated: own?.weight != null || own?.passMark != null,
              };
            }),
            modules: (stated?.modules ?? []).map((x) => ({
              name: x.name,
              weight: x.weight ?? ruleDefaults.partWeight,
              passMark: x.passMark ?? ruleDefaults.passMark,
            })),
          };
        }),
    }),
    committeeMinMembers: t.field({
      type: SchemeNumber,
      description: '评价工作委员会: members serving at least, to sign results off (default 3)',
      resolve: (s) => number(s.committeeMinMembers, ruleDefaults.committeeMinMembers),
    }),
    reviewDefencePanelMin: t.field({
      type: SchemeNumber,
      description: '现场评审/答辩小组 of a 直接认定二级/一级: the plan’s assessors on it at least (default 2)',
      resolve: (s) => number(s.reviewDefencePanelMin, ruleDefaults.reviewDefencePanelMin),
    }),
    seniorAssessorFromLevel: t.field({
      type: SchemeNumber,
      description:
        '高级考评员: a plan of this level or higher (1 一级 … 5 五级) has one on its panel; 0: none required (default 2, 二级/一级)',
      resolve: (s) => number(s.seniorAssessorFromLevel, ruleDefaults.seniorAssessorFromLevel),
    }),
    plansWithinAnnouncementPeriod: t.field({
      type: SchemeFlag,
      description:
        '评价公告: each plan falls in its announcement’s year (or quarter); false: any published announcement that opens the occupation and level serves (default true)',
      resolve: (s) =>
        s.plansWithinAnnouncementPeriod != null
          ? { value: s.plansWithinAnnouncementPeriod, stated: true }
          : { value: ruleDefaults.plansWithinAnnouncementPeriod, stated: false },
    }),
  }),
});

/** The institution's standing record: it and the authorities over its 市州 today. */
objects.rule(WorkScheme, { owner: (s, ctx) => institutionOwner(ctx, s.institutionId) });

const AssessorCountInput = builder.inputType('MethodAssessorCountInput', {
  description: '考评员人数 the 方案 states for one 评价方式.',
  fields: (t) => ({
    method: t.field({ type: EvaluationMethod, required: true, description: '评价方式' }),
    assessors: t.int({ required: true, description: '考评员人数 (2–15)' }),
  }),
});

const OtherConditionInput = builder.inputType('OtherConditionInput', {
  description: '申报条件 of another kind, with the value its kind needs.',
  fields: (t) => ({
    kind: t.field({ type: OtherConditionKind, required: true, description: '条件类别' }),
    hours: t.int({ required: false, description: '标准学时 at least (TRAINING_HOURS: 1–5000)' }),
    education: t.field({ type: EducationLevel, required: false, description: '文化程度 at least (EDUCATION)' }),
  }),
});

const ApplicationConditionInput = builder.inputType('ApplicationConditionInput', {
  description:
    '申报条件 for one occupation (or work type) and level: at least one requirement; entries for the same occupation and level are alternatives.',
  fields: (t) => ({
    occupationCode: t.field({ type: 'OccupationCode', required: true, description: '职业编码' }),
    workTypeCode: t.field({
      type: 'OccupationCode',
      required: false,
      description: '工种编码; omit for every work type of the occupation',
    }),
    level: t.field({ type: SkillLevel, required: true, description: '申报等级' }),
    yearsInTrade: t.int({ required: false, description: '从事本职业（工种）工作年限 at least (1–50)' }),
    yearsInPost: t.int({ required: false, description: '在本单位（岗位）工作年限 at least (1–50)' }),
    levelHeld: t.field({
      type: SkillLevel,
      required: false,
      description: '已取得本职业此等级（或更高等级）证书 (a level below the one applied for)',
    }),
    yearsSinceLevelHeld: t.int({ required: false, description: '取得该证书后年限 at least (1–50; with levelHeld)' }),
    others: t.field({ type: [OtherConditionInput], required: false, description: '其他条件, each kind once' }),
  }),
});

const PartStandardInput = builder.inputType('PartStandardInput', {
  description: '成绩构成 of one part as the 方案 states it.',
  fields: (t) => ({
    part: t.field({ type: ScorePart, required: true, description: '评分项目 (one the method scores)' }),
    weight: t.int({
      required: false,
      description: '权重 (1–100, relative): on every part of the method or on none (equal weights)',
    }),
    passMark: t.int({ required: false, description: '单项合格线 (1–100; default 60)' }),
  }),
});

const MethodStandardInput = builder.inputType('MethodStandardInput', {
  description: '成绩构成 and 合格线 the 方案 states for one 评价方式.',
  fields: (t) => ({
    method: t.field({ type: EvaluationMethod, required: true, description: '评价方式' }),
    passMark: t.int({ required: false, description: '总成绩合格线 (1–100; default 60)' }),
    parts: t.field({ type: [PartStandardInput], required: false, description: 'Its parts, each once' }),
    modules: t.field({
      type: [PlanModuleInput],
      required: false,
      description: '过程化/模块化考核: the modules its plans run unless a plan states its own (2–20)',
    }),
  }),
});

const AdoptWorkSchemeInput = builder.inputType('AdoptWorkSchemeInput', {
  description:
    'A new version of the institution’s 工作方案, in force from today for plans reported from then on; whatever it leaves out takes the hub’s documented default.',
  fields: (t) => ({
    title: t.string({ required: true, description: '方案名称' }),
    assessorCounts: t.field({
      type: [AssessorCountInput],
      required: false,
      description: '考评员人数 per 评价方式; methods left out keep the default',
    }),
    conditions: t.field({
      type: [ApplicationConditionInput],
      required: false,
      description: '申报条件 per occupation and level; candidates are checked against them when added',
    }),
    methods: t.field({
      type: [MethodStandardInput],
      required: false,
      description: '成绩构成 and 合格线 per 评价方式; methods left out: equal weights, 60',
    }),
    committeeMinMembers: t.int({
      required: false,
      description: '评价工作委员会: members serving at least to sign results off (3–50; default 3)',
    }),
    reviewDefencePanelMin: t.int({
      required: false,
      description: '现场评审/答辩小组: members at least (2–15; default 2)',
    }),
    seniorAssessorFromLevel: t.int({
      required: false,
      description:
        '高级考评员 on the panel of plans of this level or higher (1–5); 0: none required (default 2: 二级/一级)',
    }),
    plansWithinAnnouncementPeriod: t.boolean({
      required: false,
      description:
        'Each plan within its announcement’s year or quarter (default true); false: any published announcement that opens it',
    }),
  }),
});

const AdoptPayload = payloadType<{ scheme?: WorkSchemeRow; errors: Refusal[] }>(
  'AdoptWorkSchemePayload',
  'The 工作方案 version adopted, or why not.',
  (t) => ({
    scheme: t.field({
      type: WorkScheme,
      nullable: true,
      description: 'The version.',
      resolve: (p) => p.scheme ?? null,
    }),
  }),
);

builder.mutationFields((t) => ({
  adoptWorkScheme: t.field({
    type: AdoptPayload,
    description:
      '工作方案: adopts a new version, in force from today for plans reported from then on (earlier versions stay on record). A plan needs the 考评员 the 方案 states for its method; its candidates are checked against the 方案’s 申报条件 (CANDIDATE_CONDITION_NOT_MET, or admitted with an override reason); its results are computed with the 方案’s weights and pass marks, fixed on the plan when it is reported — the defaults where the 方案 is silent.',
    authScopes: access('Mutation.adoptWorkScheme'),
    args: { input: t.arg({ type: AdoptWorkSchemeInput, required: true, description: 'The 方案' }) },
    resolve: (_r, { input }, ctx) => adoptWorkScheme(ctx, input),
  }),
}));

builder.objectFields(EnterpriseRef, (t) => ({
  workSchemes: t.field({
    type: [WorkScheme],
    description: '工作方案 versions of this institution, newest first (the institution and the authorities).',
    authScopes: async (e, _a, ctx) => mayReadInstitution(ctx, e.id),
    resolve: (e, _a, ctx) => schemeVersions(ctx.db, e.id),
  }),
}));
