import { STATISTICS_DIMENSIONS, type StatisticsDimension } from '@hub/db';
import { access } from '@hub/platform';
import { builder } from '../builder.ts';
import { statisticsRows } from '../queries/statistics.ts';
import { NATURE_LABEL, passRate } from '../rules/statistics.ts';
import { EvaluationMethod, SkillLevel } from './enums.ts';

const DIMENSION_DESCRIPTIONS: Record<StatisticsDimension, string> = {
  PREFECTURE: '市州 (of the institution on the day of the plan or the issue)',
  OCCUPATION: '职业 (职业编码)',
  OCCUPATION_MAJOR_GROUP: '职业大类 (e.g. 6-00-00-00 生产制造及有关人员)',
  LEVEL: '职业技能等级',
  ENTERPRISE_NATURE: '企业性质 (国有/民营/外资/混合所有制/其他)',
  METHOD: '评价方式',
  MONTH: '月份 (YYYY-MM): evaluation month for candidates, issue month for certificates',
};

export const StatisticsDimensionEnum = builder.enumType('StatisticsDimension', {
  description: '统计维度: what dashboard figures can be grouped by.',
  values: Object.fromEntries(STATISTICS_DIMENSIONS.map((d) => [d, { description: DIMENSION_DESCRIPTIONS[d] }])) as {
    [K in StatisticsDimension]: { description: string };
  },
});

const EnterpriseNatureFilter = builder.enumType('StatisticsEnterpriseNature', {
  description: '企业性质, as a statistics filter',
  values: Object.fromEntries(Object.entries(NATURE_LABEL).map(([k, v]) => [k, { description: v }])) as Record<
    'STATE_OWNED' | 'PRIVATE' | 'FOREIGN' | 'MIXED' | 'OTHER',
    { description: string }
  >,
});

const StatisticsFilterInput = builder.inputType('StatisticsFilter', {
  description: '统计筛选条件: each list narrows to its values; an absent field does not narrow.',
  fields: (t) => ({
    prefectures: t.stringList({ required: false, description: '市州 codes (6 digits), e.g. 430100' }),
    occupationCodes: t.field({ type: ['OccupationCode'], required: false, description: '职业编码' }),
    levels: t.field({ type: [SkillLevel], required: false, description: '职业技能等级' }),
    enterpriseNatures: t.field({ type: [EnterpriseNatureFilter], required: false, description: '企业性质' }),
    methods: t.field({ type: [EvaluationMethod], required: false, description: '评价方式' }),
    from: t.field({
      type: 'Date',
      required: false,
      description: '起始日期 (inclusive): evaluation day for candidates, issue day for certificates',
    }),
    to: t.field({ type: 'Date', required: false, description: '截止日期 (inclusive)' }),
  }),
});

interface Key {
  dimension: StatisticsDimension;
  value: string | null;
  label: string | null;
}

const StatisticsKey = builder.objectRef<Key>('StatisticsKey').implement({
  description: '统计分组键: one grouped dimension of a row and its value.',
  fields: (t) => ({
    dimension: t.field({ type: StatisticsDimensionEnum, description: '维度', resolve: (k) => k.dimension }),
    value: t.string({
      nullable: true,
      description: '取值: a code (市州, 职业, 大类, SkillLevel, 企业性质, 评价方式) or YYYY-MM; null when unknown',
      resolve: (k) => k.value,
    }),
    label: t.string({ nullable: true, description: '名称, e.g. 长沙市, 四级/中级工, 民营', resolve: (k) => k.label }),
  }),
});

interface Row {
  keys: Key[];
  candidates: number;
  passed: number;
  issued: number;
  revoked: number;
}

const StatisticsRow = builder.objectRef<Row>('StatisticsRow').implement({
  description: '统计行: the figures of one group.',
  fields: (t) => ({
    keys: t.field({ type: [StatisticsKey], description: '分组键, in the order of groupBy', resolve: (r) => r.keys }),
    candidates: t.int({ description: '参评人数 (by evaluation day)', resolve: (r) => r.candidates }),
    passed: t.int({ description: '合格人数', resolve: (r) => r.passed }),
    passRate: t.float({
      nullable: true,
      description: '合格率 (passed / candidates, 0–1); null without candidates',
      resolve: (r) => passRate(r.passed, r.candidates),
    }),
    certificatesIssued: t.int({ description: '发证数 (by issue day)', resolve: (r) => r.issued }),
    certificatesRevoked: t.int({
      description: '撤销数: certificates issued in the period that stand revoked',
      resolve: (r) => r.revoked,
    }),
  }),
});

builder.queryFields((t) => ({
  assessmentStatistics: t.field({
    type: [StatisticsRow],
    description:
      '评价统计 for dashboards: candidates, passes, certificates issued and revoked, grouped by the dimensions asked (none = one total row). A city centre sees its own 市州 (属地).',
    authScopes: access('Query.assessmentStatistics'),
    args: {
      filter: t.arg({ type: StatisticsFilterInput, required: false, description: '筛选条件' }),
      groupBy: t.arg({
        type: [StatisticsDimensionEnum],
        required: false,
        description: '分组维度 (at most 4); left out or empty: no grouping, one total row',
      }),
    },
    resolve: (_root, args, ctx) => statisticsRows(ctx, args),
  }),
}));
