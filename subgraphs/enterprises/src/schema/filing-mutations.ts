import { filings } from '@hub/db';
import { access, canReach, forwardConnection, hubError, type Refusal, reachOf } from '@hub/platform';
import { isPrefectureCode } from '@hub/vocabulary';
import { builder, UserError } from '../builder.ts';
import { createFiling } from '../commands/create-filing.ts';
import { reviewFiling } from '../commands/review-filing.ts';
import { submitFiling } from '../commands/submit-filing.ts';
import { updateFiling } from '../commands/update-filing.ts';
import { withdrawFiling } from '../commands/withdraw-filing.ts';
import type { FilingRow } from '../loaders.ts';
import { countWhere } from '../queries/count.ts';
import { filingsPage, filingsWhere } from '../queries/filings.ts';
import { TOTAL_COUNT_DESCRIPTION, totalOf, withTotal } from './connection.ts';

import {
  EvaluationBasis,
  FilingKind,
  FilingRoute,
  FilingStatus,
  LeadingPositionScope,
  ReviewDecision,
  ServedPartyKind,
  SkillLevel,
} from './enums.ts';
import { Filing } from './filing.ts';

const FilingScopeRowInput = builder.inputType('FilingScopeRowInput', {
  description: 'One row of 二、申请开展自主评价的职业（工种）.',
  fields: (t) => ({
    occupationCode: t.field({
      type: 'OccupationCode',
      required: true,
      description: '职业编码 of a 职业 in the dictionary',
    }),
    workTypeCode: t.field({
      type: 'OccupationCode',
      required: false,
      description: '工种编码, required when the occupation has work types',
    }),
    levels: t.field({
      type: [SkillLevel],
      required: true,
      description: '级别: LEVEL_5 (五级/初级工) … LEVEL_1 (一级/高级技师)',
    }),
    basis: t.field({ type: EvaluationBasis, required: true, description: '评价依据' }),
    specificationId: t.id({
      required: false,
      description: 'The approved 企业评价规范, when the basis is ENTERPRISE_SPECIFICATION',
    }),
    jobRoleName: t.string({
      required: false,
      description: 'The enterprise’s own job role mapped to this occupation (相邻相近原则)',
    }),
  }),
});

const ServedPartyInput = builder.inputType('ServedPartyInput', {
  description: 'A partner a 社会评价组织 serves.',
  fields: (t) => ({
    creditCode: t.field({ type: 'CreditCode', required: true, description: '统一社会信用代码' }),
    name: t.string({ required: true, description: '名称' }),
    kind: t.field({ type: ServedPartyKind, required: true, description: '类型' }),
  }),
});

const AttachmentInput = builder.inputType('FilingAttachmentInput', {
  description: 'A document attached by reference.',
  fields: (t) => ({
    title: t.string({ required: true, description: '附件名称' }),
    reference: t.string({ required: true, description: 'Document store id or URL' }),
  }),
});

const GroundsEvidenceInput = builder.inputType('GroundsEvidenceInput', {
  description: 'A document behind the 龙头企业 grounds, by reference.',
  fields: (t) => ({
    title: t.string({ required: true, description: '材料名称, e.g. 省级产业链链主企业认定文件' }),
    reference: t.string({ required: true, description: 'Document store id or URL' }),
  }),
});

const LeadingGroundsInput = builder.inputType('LeadingGroundsInput', {
  description:
    '龙头企业依据 of a 社会评价组织 filing: each field on its own (a draft may leave text empty; submission needs every field and at least one piece of evidence).',
  fields: (t) => ({
    industry: t.string({ required: true, description: '所属行业, e.g. 轨道交通装备制造 (at most 100 characters)' }),
    positionScope: t.field({
      type: LeadingPositionScope,
      required: true,
      description: '行业地位的范围: national, provincial or 市州',
    }),
    industryPosition: t.string({
      required: true,
      description: '行业地位: rank, market share, output (at most 2000 characters)',
    }),
    chainName: t.string({ required: true, description: '牵头的产业链 (at most 200 characters)' }),
    chainRole: t.string({
      required: true,
      description: '在产业链中的作用: e.g. 链主企业, the enterprises it leads (at most 2000 characters)',
    }),
    evidence: t.field({
      type: [GroundsEvidenceInput],
      required: true,
      description: '证明材料 (at most 20)',
    }),
  }),
});

const GroundsOpinionInput = builder.inputType('GroundsOpinionInput', {
  description: 'A reviewing centre’s opinion on the 龙头企业 grounds of a 社会评价组织 filing.',
  fields: (t) => ({
    accepted: t.boolean({ required: true, description: 'Do the grounds hold (依据成立)? Approval needs true.' }),
    opinion: t.string({ required: true, description: '依据审核意见 (at most 2000 characters)' }),
  }),
});

const FilingInput = builder.inputType('FilingInput', {
  description:
    'The 备案申报表 beyond the enterprise’s basic facts. A draft may be incomplete; submission needs it whole and signed.',
  fields: (t) => ({
    kind: t.field({ type: FilingKind, required: true, description: '备案类型' }),
    route: t.field({
      type: FilingRoute,
      required: false,
      description:
        '申报途径: PROVINCE (straight to the province centre) is open to 省属企业 and to 中央在湘企业 the province recorded so; default PROVINCE for them, CITY for everyone else. Fixed once created.',
    }),
    teamDescription: t.string({ required: true, description: '三、评价团队专（兼）职人员构成' }),
    facilitiesDescription: t.string({ required: true, description: '四、评价场地、设备设施' }),
    systemsDescription: t.string({ required: true, description: '五、现行技能人才评价和薪酬制度' }),
    planDescription: t.string({ required: true, description: '六、下阶段评价工作计划与待遇落实措施' }),
    commitmentSigner: t.string({ required: false, description: '申请单位承诺: signed by' }),
    commitmentSignedOn: t.field({ type: 'Date', required: false, description: '申请单位承诺: signed on' }),
    serves: t.string({ required: false, description: 'For a 社会评价组织: whom it serves, in words' }),
    scope: t.field({ type: [FilingScopeRowInput], required: true, description: '二、申请开展自主评价的职业（工种）' }),
    servedParties: t.field({
      type: [ServedPartyInput],
      required: false,
      description: 'For a 社会评价组织: its partners',
    }),
    attachments: t.field({ type: [AttachmentInput], required: false, description: '附件' }),
    leadingGrounds: t.field({
      type: LeadingGroundsInput,
      required: false,
      description:
        'For a 社会评价组织: 龙头企业依据 (行业地位, 牵头的产业链, 证明材料), required to submit; refused on a 企业自主评价 filing.',
    }),
  }),
});

export const FilingPayload = builder
  .objectRef<{ filing: FilingRow | null; errors: Refusal[] }>('FilingPayload')
  .implement({
    description: 'The filing after the change, or why it was refused (then nothing changed).',
    fields: (t) => ({
      filing: t.field({
        type: Filing,
        nullable: true,
        description: 'The filing as it now stands.',
        resolve: (p) => p.filing,
      }),
      errors: t.field({
        type: [UserError],
        description: 'Refusals; empty when the change was made.',
        resolve: (p) => p.errors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  createFiling: t.field({
    type: FilingPayload,
    description:
      'Starts a filing (备案申报) as a draft for the calling enterprise. For an institution in the catalog it is an amendment (变更备案) whose scope replaces, once confirmed, the scope of its kind: add, narrow or drop rows. After a rejection, a withdrawal, a 注销 or a revocation (past the waiting period) the enterprise files again this way.',
    authScopes: access('Mutation.createFiling'),
    args: { input: t.arg({ type: FilingInput, required: true, description: 'The form.' }) },
    resolve: async (_root, { input }, ctx) => {
      const result = await createFiling(ctx, input, { refileWaitingDays: ctx.refileWaitingDays });
      return { filing: result.value, errors: result.errors };
    },
  }),
  updateFiling: t.field({
    type: FilingPayload,
    description:
      'Replaces the content of a draft (the enterprise only). A rejected or withdrawn filing is closed: file again with createFiling.',
    authScopes: access('Mutation.updateFiling'),
    args: {
      id: t.arg.id({ required: true, description: 'Filing id.' }),
      input: t.arg({ type: FilingInput, required: true, description: 'The whole form, as it should now read.' }),
      expectedVersion: t.arg.int({
        required: false,
        description: 'The version you saw; refused if the filing moved on since.',
      }),
    },
    resolve: async (_root, { id, input, expectedVersion }, ctx) => {
      const result = await updateFiling(ctx, String(id), input, expectedVersion);
      return { filing: result.value, errors: result.errors };
    },
  }),
  submitFiling: t.field({
    type: FilingPayload,
    description: 'Submits a complete, signed draft for review, along its route (申报途径).',
    authScopes: access('Mutation.submitFiling'),
    args: {
      id: t.arg.id({ required: true, description: 'Filing id.' }),
      expectedVersion: t.arg.int({
        required: false,
        description: 'The version you saw; refused if the filing moved on since.',
      }),
    },
    resolve: async (_root, { id, expectedVersion }, ctx) => {
      const result = await submitFiling(ctx, String(id), expectedVersion);
      return { filing: result.value, errors: result.errors };
    },
  }),
  reviewFiling: t.field({
    type: FilingPayload,
    description:
      'Gives the reviewing authority’s opinion: the 市州 centre (own 市州, on the CITY route), then the province centre, then the ministry’s 备案确认, which puts the institution in the catalog. REJECT needs reasons and closes the filing. On a 社会评价组织 filing the 市州 and province centres approve only with `groundsOpinion` accepting its 龙头企业 grounds.',
    authScopes: access('Mutation.reviewFiling'),
    args: {
      id: t.arg.id({ required: true, description: 'Filing id.' }),
      decision: t.arg({ type: ReviewDecision, required: true, description: '同意 or 退回' }),
      opinion: t.arg.string({ required: false, description: '意见; required to reject' }),
      groundsOpinion: t.arg({
        type: GroundsOpinionInput,
        required: false,
        description:
          'On a 社会评价组织 filing: the opinion on its 龙头企业 grounds — required for the 市州 and province centres to approve, and it must accept them (GROUNDS_OPINION_REQUIRED, GROUNDS_NOT_ACCEPTED).',
      }),
      expectedVersion: t.arg.int({
        required: false,
        description: 'The version you saw; refused if the filing moved on since.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await reviewFiling(ctx, { ...args, id: String(args.id) });
      return { filing: result.value, errors: result.errors };
    },
  }),
  withdrawFiling: t.field({
    type: FilingPayload,
    description:
      '撤回: the enterprise withdraws its filing before a decision (a draft, or one in review). It stays in the history as WITHDRAWN; the enterprise may file again.',
    authScopes: access('Mutation.withdrawFiling'),
    args: {
      id: t.arg.id({ required: true, description: 'Filing id.' }),
      reason: t.arg.string({ required: false, description: '撤回理由 (optional)' }),
      expectedVersion: t.arg.int({
        required: false,
        description: 'The version you saw; refused if the filing moved on since.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await withdrawFiling(ctx, { ...args, id: String(args.id) });
      return { filing: result.value, errors: result.errors };
    },
  }),
}));

builder.queryFields((t) => ({
  filing: t.field({
    type: Filing,
    nullable: true,
    description: 'One filing, if the caller may see it (its enterprise, or an authority over its 市州).',
    authScopes: access('Query.filing'),
    args: { id: t.arg.id({ required: true, description: 'Filing id.' }) },
    resolve: async (_root, args, ctx) => {
      const filing = await ctx.loaders.filingById.load(String(args.id));
      if (!filing) return null;
      const enterprise = await ctx.loaders.enterpriseById.load(filing.enterpriseId);
      return enterprise &&
        canReach(ctx.caller, { enterpriseId: enterprise.id, prefectureCode: enterprise.prefectureCode })
        ? filing
        : null;
    },
  }),
  filings: t.connection(
    {
      type: Filing,
      description:
        'Filings the caller may see, ordered by id: a centre’s worklist (e.g. status SUBMITTED), an enterprise’s own.',
      authScopes: access('Query.filings'),
      args: {
        status: t.arg({
          type: FilingStatus,
          required: false,
          description: 'Only filings in this state, e.g. SUBMITTED.',
        }),
        prefecture: t.arg.string({ required: false, description: 'Only enterprises of this 市州 (6-digit code).' }),
      },
      resolve: (_root, args, ctx) => {
        if (args.prefecture != null && !isPrefectureCode(args.prefecture)) {
          throw hubError('BAD_USER_INPUT', `"${args.prefecture}" is not one of Hunan's 14 市州 codes`, {
            field: 'prefecture',
          });
        }
        const reach = reachOf(ctx.caller);
        return withTotal(
          forwardConnection(
            args,
            (f: FilingRow) => f.id,
            (afterKey, limit) => filingsPage(ctx.db, reach, args, afterKey, limit),
          ),
          () => countWhere(ctx.db, filings, filingsWhere(ctx.db, reach, args)),
        );
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }),
      }),
    },
  ),
}));
