import { decryptResidentId, type uploadBatches } from '@hub/db';
import { access, type Refusal } from '@hub/platform';
import { builder } from '../builder.ts';
import { issueCertificate, issueCertificates } from '../commands/issue-certificates.ts';
import { recordUpload } from '../commands/record-upload.ts';
import { revokeCertificate } from '../commands/revoke-certificate.ts';
import type { CertificateRow } from '../loaders.ts';
import { Certificate } from './certificate.ts';
import { payloadType } from './payload.ts';
import { Worker } from './people.ts';
import { Candidate, EvaluationPlan } from './plan-refs.ts';

const IssuePayload = payloadType<{ certificates?: CertificateRow[]; errors: Refusal[] }>(
  'IssueCertificatesPayload',
  'The certificates issued, or why none were (then none were).',
  (t) => ({
    certificates: t.field({
      type: [Certificate],
      nullable: true,
      description: 'The certificates issued, by number.',
      resolve: (p) => p.certificates ?? null,
    }),
  }),
);

const UploadBatch = builder.objectRef<typeof uploadBatches.$inferSelect>('UploadBatch').implement({
  description: '上传批次: certificate data uploaded to 技能人才评价证书全国联网查询系统 in one go.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for the batch.' }),
    reference: t.exposeString('reference', { description: 'The national system’s batch reference.' }),
    uploadedOn: t.field({ type: 'Date', description: '上传日期', resolve: (b) => b.uploadedOn }),
    count: t.exposeInt('count', { description: 'Certificates in the batch.' }),
  }),
});

const UploadPayload = payloadType<{ batch?: typeof uploadBatches.$inferSelect; errors: Refusal[] }>(
  'RecordUploadPayload',
  'The upload batch as recorded, or why not.',
  (t) => ({
    batch: t.field({ type: UploadBatch, nullable: true, description: 'The batch.', resolve: (p) => p.batch ?? null }),
  }),
);

const RevokePayload = payloadType<{ certificate?: CertificateRow; errors: Refusal[] }>(
  'RevokeCertificatePayload',
  'The certificate after revocation, or why it was refused.',
  (t) => ({
    certificate: t.field({
      type: Certificate,
      nullable: true,
      description: 'The certificate.',
      resolve: (p) => p.certificate ?? null,
    }),
  }),
);

builder.mutationFields((t) => ({
  issueCertificates: t.field({
    type: IssuePayload,
    description:
      '颁发证书 to every passed candidate of a plan still without one: reviewed, publicised and past publicity, with no open objection, inside the confirmed scope. All or none.',
    authScopes: access('Mutation.issueCertificates'),
    args: { planId: t.arg.id({ required: true, description: 'The plan' }) },
    resolve: (_r, args, ctx) => issueCertificates(ctx, args),
  }),
  issueCertificate: t.field({
    type: IssuePayload,
    description: '颁发证书 to one candidate, by the same rules as issueCertificates.',
    authScopes: access('Mutation.issueCertificate'),
    args: { candidateId: t.arg.id({ required: true, description: 'The candidate' }) },
    resolve: (_r, args, ctx) => issueCertificate(ctx, args),
  }),
  recordUpload: t.field({
    type: UploadPayload,
    description:
      '证书数据上报: records that these certificates were uploaded to the national query system today, as one batch.',
    authScopes: access('Mutation.recordUpload'),
    args: {
      numbers: t.arg.stringList({ required: true, description: '证书编号' }),
      batchReference: t.arg.string({ required: true, description: 'The national system’s batch reference' }),
    },
    resolve: (_r, args, ctx) => recordUpload(ctx, args),
  }),
  revokeCertificate: t.field({
    type: RevokePayload,
    description:
      '撤销违规证书: by the issuing institution or an authority over its 市州, with the reason; who revoked is recorded.',
    authScopes: access('Mutation.revokeCertificate'),
    args: {
      number: t.arg.string({ required: true, description: '证书编号' }),
      reason: t.arg.string({ required: true, description: '撤销理由' }),
    },
    resolve: (_r, args, ctx) => revokeCertificate(ctx, args),
  }),
}));

/** 可追溯: from a certificate back to its plan (assessors, supervisors, publicity) and the candidate’s scores. */
builder.objectFields(Certificate, (t) => ({
  holderResidentId: t.string({
    description:
      '持证人公民身份号码: in full for the issuing institution and the authorities over the 市州 of issue, masked for others.',
    resolve: (c) => decryptResidentId(c.holderResidentIdEnc),
  }),
  revocationReason: t.exposeString('revocationReason', { nullable: true, description: '撤销理由' }),
  uploaded: t.boolean({
    description: '已上传: whether the data is in 技能人才评价证书全国联网查询系统.',
    resolve: (c) => c.uploadedOn != null,
  }),
  uploadBatch: t.field({
    type: UploadBatch,
    nullable: true,
    description: 'The upload batch it went in, when recorded.',
    resolve: (c, _a, ctx) => (c.uploadBatchId ? ctx.loaders.uploadBatchById.load(c.uploadBatchId) : null),
  }),
  revokedBy: t.string({
    nullable: true,
    description: 'Who revoked it (role and user), for the institution and the authorities over it.',
    resolve: (c) => c.revokedBy,
  }),
  plan: t.field({
    type: EvaluationPlan,
    nullable: true,
    description: '评价计划 it came from (档案追溯); null for certificates issued before plans were recorded.',
    resolve: (c, _a, ctx) => (c.planId ? ctx.loaders.planById.load(c.planId) : null),
  }),
  candidate: t.field({
    type: Candidate,
    nullable: true,
    description:
      'The candidacy with its scores and result; null for certificates issued before candidates were recorded.',
    resolve: (c, _a, ctx) => (c.candidateId ? ctx.loaders.candidateById.load(c.candidateId) : null),
  }),
}));

builder.objectFields(Candidate, (t) => ({
  certificate: t.field({
    type: Certificate,
    nullable: true,
    description: 'The certificate issued for this candidacy, once issued.',
    resolve: (c, _a, ctx) => ctx.loaders.certificateByCandidate.load(c.id),
  }),
}));

builder.objectFields(Worker, (t) => ({
  certificates: t.field({
    type: [Certificate],
    description:
      'Certificates the hub has issued to this person (any institution): 已有证书, with declaredCredentials from elsewhere. Those of other institutions (or, for a city authority, of other 市州) show their public facts only.',
    resolve: (w, _a, ctx) => ctx.loaders.certificatesByHolder.load(decryptResidentId(w.residentIdEnc)),
  }),
}));
