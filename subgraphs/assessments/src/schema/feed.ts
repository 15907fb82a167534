import type { FeedEventRow } from '@hub/db';
import { access } from '@hub/platform';
import { builder } from '../builder.ts';
import { feedConnection, feedCursor } from '../queries/feed.ts';
import { Certificate } from './certificate.ts';
import { CandidateResult, CertificateStatus, EvaluationMethod, PlanStatus, SkillLevel } from './enums.ts';
import { Candidate, EvaluationPlan } from './plan-refs.ts';
import { objects } from './reach.ts';

/**
 * 变更推送: the change feed of an institution's own records, for its partner HR systems. Each list
 * is read oldest first from a cursor the partner keeps; webhooks (schema/webhooks.ts) push the
 * same events, with the same cursors.
 */

export const FeedEventType = builder.enumType('FeedEventType', {
  description: '变更类型: what happened to the record.',
  values: {
    CERTIFICATE_ISSUED: { description: '颁发证书' },
    CERTIFICATE_REVOKED: { description: '撤销证书' },
    CERTIFICATE_UPLOADED: { description: '证书数据上传全国联网查询系统' },
    CERTIFICATE_CORRECTED: {
      description: '全国系统记录已更正: the revocation of an uploaded certificate has been uploaded',
    },
    PLAN_RESULTS_REVIEWED: { description: '评价工作委员会审核签署, results determined' },
    PLAN_PUBLICITY_STARTED: { description: '评价结果公示' },
    PLAN_RESULTS_SUBMITTED: { description: '评价结果提交鉴定中心' },
    PLAN_RESCHEDULED: { description: '改期: the plan’s evaluation date moved (evaluationDate is the new one)' },
    PLAN_CANCELLED: { description: '取消: the plan will not be held; its candidates are not evaluated' },
    CANDIDATE_RESULT_DETERMINED: { description: '评价结果: 合格 or 不合格, as the committee reviewed it' },
    CANDIDATE_RESULT_CORRECTED: { description: '评价结果更正: 异议成立，不予认定' },
    CANDIDATE_WITHDRAWN: { description: '参评人员退出: the candidate leaves the plan before the review; no result' },
  } as const,
});

type Data = Record<string, unknown>;
const str = (e: FeedEventRow, key: string) => ((e.data as Data)[key] ?? null) as string | null;
const num = (e: FeedEventRow, key: string) => ((e.data as Data)[key] ?? null) as number | null;
const level = (e: FeedEventRow) => num(e, 'level') as 1 | 2 | 3 | 4 | 5;

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** Fields every kind of event has. */
function common(t: PothosSchemaTypes.ObjectFieldBuilder<Types, FeedEventRow>) {
  return {
    id: t.field({
      type: 'ID',
      description: 'The event’s id: the idempotency key of its webhook deliveries (`Idempotency-Key`).',
      resolve: (e: FeedEventRow) => e.eventId,
    }),
    type: t.field({ type: FeedEventType, description: '变更类型', resolve: (e: FeedEventRow) => e.type }),
    cursor: t.string({
      description: 'Its place in the feed: pass as `after` to read on from here (a webhook body carries it too).',
      resolve: (e: FeedEventRow) => feedCursor(e.position),
    }),
    occurredAt: t.field({
      type: 'DateTime',
      description: 'When the change was made (the hub’s clock).',
      resolve: (e: FeedEventRow) => e.occurredAt,
    }),
  };
}

/** The occupation (工种) and level of the record an event is about: every kind of event has them. */
function occupationAndLevel(t: PothosSchemaTypes.ObjectFieldBuilder<Types, FeedEventRow>) {
  return {
    occupationCode: t.field({
      type: 'OccupationCode',
      description: '职业编码',
      resolve: (e: FeedEventRow) => str(e, 'occupationCode') as string,
    }),
    workTypeCode: t.field({
      type: 'OccupationCode',
      nullable: true,
      description: '工种编码, when the occupation has work types',
      resolve: (e: FeedEventRow) => str(e, 'workTypeCode'),
    }),
    level: t.field({ type: SkillLevel, description: '等级', resolve: level }),
  };
}

export const CertificateEvent = builder.objectRef<FeedEventRow>('CertificateEvent').implement({
  description: '证书变更: a certificate of the institution issued, revoked, uploaded or corrected, as it stood after.',
  fields: (t) => ({
    ...common(t),
    number: t.string({ description: '证书编号', resolve: (e) => e.subject }),
    status: t.field({
      type: CertificateStatus,
      description: '状态 after the change',
      resolve: (e) => str(e, 'status') as 'VALID' | 'REVOKED',
    }),
    workerId: t.id({
      nullable: true,
      description: 'The holder’s worker id (职工): no name or 证件号码 is sent.',
      resolve: (e) => str(e, 'workerId'),
    }),
    candidateId: t.id({
      nullable: true,
      description: '参评人员 the certificate was issued to.',
      resolve: (e) => str(e, 'candidateId'),
    }),
    planId: t.id({ nullable: true, description: '评价计划', resolve: (e) => str(e, 'planId') }),
    ...occupationAndLevel(t),
    issuedOn: t.field({ type: 'Date', description: '发证日期', resolve: (e) => str(e, 'issuedOn') as string }),
    revokedOn: t.field({ type: 'Date', nullable: true, description: '撤销日期', resolve: (e) => str(e, 'revokedOn') }),
    uploadedOn: t.field({
      type: 'Date',
      nullable: true,
      description: '上传全国联网查询系统的日期 (the last upload)',
      resolve: (e) => str(e, 'uploadedOn'),
    }),
    certificate: t.field({
      type: Certificate,
      nullable: true,
      description: 'The certificate as it is now.',
      resolve: (e, _args, ctx) => ctx.loaders.certificateByNumber.load(e.subject),
    }),
  }),
});

export const PlanEvent = builder.objectRef<FeedEventRow>('PlanEvent').implement({
  description:
    '评价计划变更: a plan rescheduled or cancelled, or its results reviewed, publicised or submitted, as the plan stood after.',
  fields: (t) => ({
    ...common(t),
    planId: t.id({ description: '评价计划', resolve: (e) => e.subject }),
    status: t.field({
      type: PlanStatus,
      description: '状态 after the change',
      resolve: (e) => str(e, 'status') as never,
    }),
    ...occupationAndLevel(t),
    method: t.field({ type: EvaluationMethod, description: '评价方式', resolve: (e) => str(e, 'method') as never }),
    evaluationDate: t.field({
      type: 'Date',
      description: '评价日期',
      resolve: (e) => str(e, 'evaluationDate') as string,
    }),
    reviewedOn: t.field({
      type: 'Date',
      nullable: true,
      description: '审核日期',
      resolve: (e) => str(e, 'reviewedOn'),
    }),
    publicityStartsOn: t.field({
      type: 'Date',
      nullable: true,
      description: '公示开始',
      resolve: (e) => str(e, 'publicityStartsOn'),
    }),
    publicityEndsOn: t.field({
      type: 'Date',
      nullable: true,
      description: '公示结束',
      resolve: (e) => str(e, 'publicityEndsOn'),
    }),
    resultsSubmittedOn: t.field({
      type: 'Date',
      nullable: true,
      description: '结果提交日期',
      resolve: (e) => str(e, 'resultsSubmittedOn'),
    }),
    passed: t.int({ description: '合格 candidates then', resolve: (e) => results(e).passed }),
    failed: t.int({ description: '不合格 candidates then', resolve: (e) => results(e).failed }),
    withheld: t.int({ description: '不予认定 candidates then (异议成立)', resolve: (e) => results(e).withheld }),
    plan: t.field({
      type: EvaluationPlan,
      nullable: true,
      description: 'The plan as it is now.',
      resolve: (e, _args, ctx) => ctx.loaders.planById.load(e.subject),
    }),
  }),
});

const results = (e: FeedEventRow) =>
  ({ passed: 0, failed: 0, withheld: 0, ...((e.data as Data).results as object) }) as Record<
    'passed' | 'failed' | 'withheld',
    number
  >;

export const CandidateResultEvent = builder.objectRef<FeedEventRow>('CandidateResultEvent').implement({
  description:
    '参评人员评价结果变更: a candidate’s result determined by the review or corrected after an objection, or the candidate withdrawn.',
  fields: (t) => ({
    ...common(t),
    candidateId: t.id({ description: '参评人员', resolve: (e) => e.subject }),
    workerId: t.id({
      description: 'The candidate’s worker id (职工): no name or 证件号码 is sent.',
      resolve: (e) => str(e, 'workerId') as string,
    }),
    planId: t.id({ description: '评价计划', resolve: (e) => str(e, 'planId') as string }),
    ...occupationAndLevel(t),
    result: t.field({
      type: CandidateResult,
      nullable: true,
      description: '评价结果',
      resolve: (e) => str(e, 'result') as never,
    }),
    total: t.float({
      nullable: true,
      description: '总成绩 (average of the required parts)',
      resolve: (e) => num(e, 'total'),
    }),
    decidedOn: t.field({
      type: 'Date',
      description: 'The day the result was determined or corrected, or the candidate withdrawn.',
      resolve: (e) => str(e, 'decidedOn') as string,
    }),
    candidate: t.field({
      type: Candidate,
      nullable: true,
      description: 'The candidate as it is now.',
      resolve: (e, _args, ctx) => ctx.loaders.candidateById.load(e.subject),
    }),
  }),
});

// An event is the institution's own: its feed is read by it and its partner systems only.
for (const type of [CertificateEvent, PlanEvent, CandidateResultEvent]) {
  objects.rule(type, { owner: (e) => ({ enterpriseId: e.enterpriseId, prefectureCode: null }) });
}

const FEED_ARGS_DESCRIPTION =
  'Oldest first, after the cursor the partner kept (none: from the start). An empty page has no endCursor: keep the cursor you had.';

builder.queryFields((t) => ({
  certificateEvents: t.connection({
    type: CertificateEvent,
    description: `变更推送 of the caller’s own certificates (an enterprise or its partner HR system): issued, revoked, uploaded, corrected. ${FEED_ARGS_DESCRIPTION}`,
    authScopes: access('Query.certificateEvents'),
    resolve: (_root, args, ctx) => feedConnection(ctx, 'CERTIFICATE', args),
  }),
  planEvents: t.connection({
    type: PlanEvent,
    description: `变更推送 of the caller’s own plans’ results: reviewed, publicised, submitted. ${FEED_ARGS_DESCRIPTION}`,
    authScopes: access('Query.planEvents'),
    resolve: (_root, args, ctx) => feedConnection(ctx, 'PLAN', args),
  }),
  candidateResultEvents: t.connection({
    type: CandidateResultEvent,
    description: `变更推送 of the caller’s own candidates’ results: determined, corrected. ${FEED_ARGS_DESCRIPTION}`,
    authScopes: access('Query.candidateResultEvents'),
    resolve: (_root, args, ctx) => feedConnection(ctx, 'CANDIDATE_RESULT', args),
  }),
}));
