import { builder } from '../builder.ts';
import type {
  AttachmentRow,
  FilingRow,
  GroundsEvidenceRow,
  LeadingGroundsRow,
  ScopeRow,
  ServedPartyRow,
  TransitionRow,
} from '../loaders.ts';
import {
  EvaluationBasis,
  FilingKind,
  FilingRoute,
  FilingStatus,
  LeadingPositionScope,
  ServedPartyKind,
  SkillLevel,
} from './enums.ts';
import { enterpriseOwner, objects } from './reach.ts';

export const ScopeRowType = builder.objectRef<ScopeRow>('FilingScopeRow').implement({
  description: '申请开展自主评价的职业（工种）: one occupation (or work type) with its levels and basis.',
  fields: (t) => ({
    occupationCode: t.field({ type: 'OccupationCode', description: '职业编码', resolve: (s) => s.occupationCode }),
    occupationName: t.exposeString('occupationName', { description: '职业名称 (as in the dictionary)' }),
    workTypeCode: t.field({
      type: 'OccupationCode',
      nullable: true,
      description: '工种编码, when the occupation has work types',
      resolve: (s) => s.workTypeCode,
    }),
    workTypeName: t.exposeString('workTypeName', { nullable: true, description: '工种名称' }),
    levels: t.field({
      type: [SkillLevel],
      description: '级别 as on the form: LEVEL_5 (五级/初级工) … LEVEL_1 (一级/高级技师), lowest level first',
      resolve: (s) => [...s.levels].sort((a, b) => b - a) as (1 | 2 | 3 | 4 | 5)[],
    }),
    basis: t.field({ type: EvaluationBasis, description: '评价依据', resolve: (s) => s.basis }),
    jobRoleName: t.exposeString('jobRoleName', {
      nullable: true,
      description: 'The enterprise’s own job role mapped to this occupation by 相邻相近原则, if any',
    }),
    specificationId: t.exposeID('specificationId', {
      nullable: true,
      description: 'The approved 企业评价规范 behind an ENTERPRISE_SPECIFICATION row',
    }),
  }),
});

export const ServedParty = builder.objectRef<ServedPartyRow>('ServedParty').implement({
  description: 'A partner a 社会评价组织 evaluates for.',
  fields: (t) => ({
    creditCode: t.field({ type: 'CreditCode', description: '统一社会信用代码', resolve: (p) => p.creditCode }),
    name: t.exposeString('name', { description: '名称' }),
    kind: t.field({ type: ServedPartyKind, description: '类型', resolve: (p) => p.kind }),
  }),
});

export const Attachment = builder.objectRef<AttachmentRow>('FilingAttachment').implement({
  description: '附件: a document attached to a filing, by reference.',
  fields: (t) => ({
    title: t.exposeString('title', { description: '附件名称' }),
    reference: t.exposeString('reference', {
      description: 'Where the document is kept (id or URL in the document store).',
    }),
  }),
});

export const GroundsEvidence = builder.objectRef<GroundsEvidenceRow>('GroundsEvidence').implement({
  description: '龙头企业依据的证明材料: a document behind the grounds, by reference.',
  fields: (t) => ({
    title: t.exposeString('title', { description: '材料名称, e.g. 省级产业链链主企业认定文件' }),
    reference: t.exposeString('reference', { description: 'Where it is kept (id or URL in the document store).' }),
  }),
});

export const LeadingGrounds = builder.objectRef<LeadingGroundsRow>('LeadingGrounds').implement({
  description:
    '龙头企业依据 of a 社会评价组织 filing (「地方行业龙头企业可另申请备案社会评价组织」): the enterprise’s industry position, the chain it leads, and the evidence.',
  fields: (t) => ({
    industry: t.exposeString('industry', { description: '所属行业' }),
    positionScope: t.field({
      type: LeadingPositionScope,
      description: '行业地位的范围: national, provincial or 市州.',
      resolve: (g) => g.positionScope,
    }),
    industryPosition: t.exposeString('industryPosition', {
      description: '行业地位: rank, market share, output — as the enterprise states it.',
    }),
    chainName: t.exposeString('chainName', { description: '牵头的产业链' }),
    chainRole: t.exposeString('chainRole', {
      description: '在产业链中的作用: e.g. 链主企业, how many upstream and downstream enterprises it leads.',
    }),
    evidence: t.field({
      type: [GroundsEvidence],
      description: '证明材料',
      resolve: (g, _args, ctx) => ctx.loaders.groundsEvidenceOf.load(g.filingId),
    }),
  }),
});

export const GroundsOpinion = builder.objectRef<{ accepted: boolean; opinion: string }>('GroundsOpinion').implement({
  description: 'A reviewing centre’s opinion on the 龙头企业 grounds of a 社会评价组织 filing.',
  fields: (t) => ({
    accepted: t.exposeBoolean('accepted', { description: 'Whether the centre accepts the grounds (依据成立).' }),
    opinion: t.exposeString('opinion', { description: '依据审核意见' }),
  }),
});

export const FilingTransition = builder.objectRef<TransitionRow>('FilingTransition').implement({
  description: 'One step of a filing’s workflow: who did what, in which role, when and why (审核意见).',
  fields: (t) => ({
    fromStatus: t.field({
      type: FilingStatus,
      nullable: true,
      description: 'State before (null when created).',
      resolve: (x) => x.fromStatus,
    }),
    toStatus: t.field({ type: FilingStatus, description: 'State after.', resolve: (x) => x.toStatus }),
    actor: t.exposeString('actor', { description: 'Who acted.' }),
    actorRole: t.exposeString('actorRole', { description: 'In which role.' }),
    opinion: t.exposeString('opinion', { nullable: true, description: '意见: the reviewer’s opinion or reasons.' }),
    groundsOpinion: t.field({
      type: GroundsOpinion,
      nullable: true,
      description:
        'On a 社会评价组织 filing: the reviewer’s opinion on its 龙头企业 grounds at this step (the 市州 and province centres give one to approve); null otherwise.',
      resolve: (x) =>
        x.groundsAccepted == null ? null : { accepted: x.groundsAccepted, opinion: x.groundsOpinion ?? '' },
    }),
    at: t.field({ type: 'DateTime', description: 'When.', resolve: (x) => x.at }),
  }),
});

export const Filing = builder.objectRef<FilingRow>('Filing');

Filing.implement({
  description:
    '备案申报: an enterprise’s application to evaluate skill levels itself (湖南省企业职业技能等级认定备案申报表).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Filing id.' }),
    enterpriseId: t.exposeID('enterpriseId', { description: 'The filing enterprise.' }),
    kind: t.field({ type: FilingKind, description: '备案类型', resolve: (f) => f.kind }),
    status: t.field({
      type: FilingStatus,
      description: 'Where the filing stands in the workflow.',
      resolve: (f) => f.status,
    }),
    route: t.field({
      type: FilingRoute,
      description: '申报途径: CITY (the 市州 centre first) or PROVINCE (straight to the province centre).',
      resolve: (f) => f.route,
    }),
    revocationHistory: t.field({
      type: [FilingTransition],
      description:
        'Every 取消备案资质 of the filing enterprise, oldest first, with who decided, when and why: what its reviewers weigh on a new filing.',
      resolve: (f, _args, ctx) => ctx.loaders.revocationsOf.load(f.enterpriseId),
    }),
    version: t.exposeInt('version', {
      description: 'Changes with every step; pass it back as `expectedVersion` to act on what you saw.',
    }),
    amendsFilingId: t.exposeID('amendsFilingId', {
      nullable: true,
      description: 'For an amendment (变更备案): the filing in force it replaces once confirmed.',
    }),
    teamDescription: t.exposeString('teamDescription', { description: '三、评价团队专（兼）职人员构成' }),
    facilitiesDescription: t.exposeString('facilitiesDescription', { description: '四、评价场地、设备设施' }),
    systemsDescription: t.exposeString('systemsDescription', { description: '五、现行技能人才评价和薪酬制度' }),
    planDescription: t.exposeString('planDescription', { description: '六、下阶段评价工作计划与待遇落实措施' }),
    commitmentSigner: t.exposeString('commitmentSigner', { nullable: true, description: '申请单位承诺: signed by' }),
    commitmentSignedOn: t.field({
      type: 'Date',
      nullable: true,
      description: '申请单位承诺: signed on',
      resolve: (f) => f.commitmentSignedOn,
    }),
    serves: t.exposeString('serves', { nullable: true, description: 'For a 社会评价组织: whom it serves, in words.' }),
    scope: t.field({
      type: [ScopeRowType],
      description: '二、申请开展自主评价的职业（工种）',
      resolve: (f, _args, ctx) => ctx.loaders.scopesOf.load(f.id),
    }),
    servedParties: t.field({
      type: [ServedParty],
      description: 'For a 社会评价组织: the partners it serves.',
      resolve: (f, _args, ctx) => ctx.loaders.servedPartiesOf.load(f.id),
    }),
    leadingGrounds: t.field({
      type: LeadingGrounds,
      nullable: true,
      description:
        'For a 社会评价组织: why the enterprise is a 龙头企业 (行业地位, 牵头的产业链, 证明材料); the reviewers’ opinions on them are on `transitions.groundsOpinion`. Null for 企业自主评价.',
      resolve: (f, _args, ctx) => ctx.loaders.leadingGroundsOf.load(f.id),
    }),
    attachments: t.field({
      type: [Attachment],
      description: '附件',
      resolve: (f, _args, ctx) => ctx.loaders.attachmentsOf.load(f.id),
    }),
    transitions: t.field({
      type: [FilingTransition],
      description: 'Every workflow step so far, oldest first.',
      resolve: (f, _args, ctx) => ctx.loaders.transitionsOf.load(f.id),
    }),
    submittedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was (last) submitted for review.',
      resolve: (f) => f.submittedAt,
    }),
    confirmedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: '人社部备案确认 time: from then on its scope is in the catalog.',
      resolve: (f) => f.confirmedAt,
    }),
  }),
});

/** A filing is its enterprise's, for it and the authorities over the enterprise's 市州. */
objects.rule(Filing, { owner: (f, ctx) => enterpriseOwner(ctx, f.enterpriseId) });
