import {
  candidates,
  certificateSerials,
  certificates,
  decryptResidentId,
  evaluationPlans,
  objections,
  uploadBatches,
  workers,
} from '@hub/db';
import { access, canReach, type Refusal } from '@hub/platform';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { builder, type Context } from '../builder.ts';
import { actingInstitution, change, stop, stopIf, type Tx } from '../change.ts';
import { inScope, institutionOf } from '../facts.ts';
import type { CandidateRow, CertificateRow, PlanRow } from '../loaders.ts';
import { certificateNumber, issueProblems, MAX_SERIAL, revocationProblems } from '../rules/certificate.ts';
import { yearOf } from '../rules/dates.ts';
import { Certificate } from './certificate.ts';
import { payloadType } from './payload.ts';
import { Worker } from './people.ts';
import { Candidate, EvaluationPlan } from './plan.ts';

/**
 * 发证. Serials come from `certificate_serials`, bumped by one upsert in the issuing
 * transaction: concurrent issues for one (institution, year, level) queue on that row,
 * each takes the next block, and a rolled-back issue gives its serials back.
 */
async function issue(tx: Tx, plan: PlanRow, wanted: CandidateRow[], onDay: string): Promise<CertificateRow[]> {
  const inst = await institutionOf(tx, plan.enterpriseId);
  const ids = wanted.map((c) => c.id);
  const [people, issued, open, scope] = await Promise.all([
    tx
      .select()
      .from(workers)
      .where(inArray(workers.id, [...new Set(wanted.map((c) => c.workerId))])),
    tx
      .select({ candidateId: certificates.candidateId })
      .from(certificates)
      .where(inArray(certificates.candidateId, ids)),
    tx
      .select({ candidateId: objections.candidateId })
      .from(objections)
      .where(
        and(
          eq(objections.planId, plan.id),
          eq(objections.status, 'OPEN'),
          or(isNull(objections.candidateId), inArray(objections.candidateId, ids)),
        ),
      ),
    inScope(tx, {
      enterpriseId: plan.enterpriseId,
      occupationCode: plan.occupationCode,
      workTypeCode: plan.workTypeCode,
      level: plan.level,
      onDate: onDay,
    }),
  ]);
  const workerOf = new Map(people.map((w) => [w.id, w]));
  const problems: Refusal[] = [];
  for (const c of wanted) {
    const found = issueProblems({
      candidateName: workerOf.get(c.workerId)?.name ?? c.id,
      result: c.result,
      planReviewed: plan.status !== 'REPORTED' && plan.reviewedOn != null,
      publicityEndsOn: plan.publicityEndsOn,
      openObjections: open.filter((o) => o.candidateId == null || o.candidateId === c.id).length,
      alreadyIssued: issued.some((i) => i.candidateId === c.id),
      institutionCode: inst.institutionCode,
      inScope: scope,
      level: plan.level,
      today: onDay,
    });
    for (const p of found) if (!problems.some((q) => q.code === p.code && q.message === p.message)) problems.push(p);
  }
  stopIf(problems);
  if (!wanted.length)
    stop('NOTHING_TO_ISSUE', 'no passed candidate of this plan is waiting for a certificate', 'planId');

  const year = yearOf(onDay);
  const institutionCode = inst.institutionCode as string;
  const [counter] = await tx
    .insert(certificateSerials)
    .values({ institutionCode, year, level: plan.level, last: wanted.length })
    .onConflictDoUpdate({
      target: [certificateSerials.institutionCode, certificateSerials.year, certificateSerials.level],
      set: { last: sql`${certificateSerials.last} + ${wanted.length}` },
    })
    .returning({ last: certificateSerials.last });
  const last = counter?.last ?? 0;
  if (last > MAX_SERIAL) stop('SERIALS_EXHAUSTED', `the 6-digit serials of ${year} level ${plan.level} are used up`);
  const first = last - wanted.length + 1;
  const rows = wanted.map((c, i) => {
    const w = workerOf.get(c.workerId);
    if (!w) throw new Error('candidate without worker');
    return {
      number: certificateNumber({
        kind: inst.kind ?? 'ENTERPRISE_SELF_EVALUATION',
        institutionCode,
        year,
        level: plan.level,
        serial: first + i,
      }),
      planId: plan.id,
      candidateId: c.id,
      enterpriseId: plan.enterpriseId,
      prefectureCode: inst.prefectureCode,
      occupationCode: plan.occupationCode,
      workTypeCode: plan.workTypeCode,
      level: plan.level,
      holderName: w.name,
      // The worker's ciphertext and hash serve the certificate as they are (no clear ID in between).
      holderResidentIdEnc: w.residentIdEnc,
      holderResidentIdHmac: w.residentIdHmac,
      issuedOn: onDay,
    };
  });
  return tx.insert(certificates).values(rows).returning();
}

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

async function lockedOwnPlan(tx: Tx, ctx: Context, planId: string): Promise<PlanRow> {
  const institutionId = actingInstitution(ctx);
  const [plan] = /^[0-9a-f-]{36}$/i.test(planId)
    ? await tx.select().from(evaluationPlans).where(eq(evaluationPlans.id, planId))
    : [];
  if (!plan || plan.enterpriseId !== institutionId)
    stop('PLAN_NOT_FOUND', 'this institution has no plan with that id', 'planId');
  return plan;
}

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
    resolve: (_r, args, ctx) =>
      change(ctx, async (tx) => {
        const plan = await lockedOwnPlan(tx, ctx, String(args.planId));
        const waiting = await tx
          .select({ c: candidates })
          .from(candidates)
          .leftJoin(certificates, eq(certificates.candidateId, candidates.id))
          .where(and(eq(candidates.planId, plan.id), eq(candidates.result, 'PASSED'), isNull(certificates.number)))
          .orderBy(candidates.id)
          .for('update', { of: candidates });
        return {
          certificates: await issue(
            tx,
            plan,
            waiting.map((w) => w.c),
            ctx.clock.today(),
          ),
        };
      }),
  }),
  issueCertificate: t.field({
    type: IssuePayload,
    description: '颁发证书 to one candidate, by the same rules as issueCertificates.',
    authScopes: access('Mutation.issueCertificate'),
    args: { candidateId: t.arg.id({ required: true, description: 'The candidate' }) },
    resolve: (_r, args, ctx) =>
      change(ctx, async (tx) => {
        const id = String(args.candidateId);
        const [candidate] = /^[0-9a-f-]{36}$/i.test(id)
          ? await tx.select().from(candidates).where(eq(candidates.id, id)).for('update')
          : [];
        if (!candidate) stop('CANDIDATE_NOT_FOUND', 'no candidate has that id', 'candidateId');
        const plan = await lockedOwnPlan(tx, ctx, candidate.planId);
        return { certificates: await issue(tx, plan, [candidate], ctx.clock.today()) };
      }),
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
    resolve: (_r, args, ctx) =>
      change(ctx, async (tx) => {
        const institutionId = actingInstitution(ctx);
        const numbers = [...new Set(args.numbers.map((n) => n.trim().toUpperCase()))];
        if (!numbers.length) stop('UPLOAD_EMPTY', 'a batch has at least one certificate', 'numbers');
        if (!args.batchReference.trim()) stop('UPLOAD_REFERENCE_MISSING', 'give the batch reference', 'batchReference');
        const rows = await tx.select().from(certificates).where(inArray(certificates.number, numbers)).for('update');
        const problems: Refusal[] = [];
        for (const n of numbers) {
          const c = rows.find((r) => r.number === n);
          if (!c || c.enterpriseId !== institutionId) {
            problems.push({
              code: 'CERTIFICATE_NOT_FOUND',
              message: `${n} is not a certificate of this institution`,
              field: 'numbers',
            });
          } else if (c.uploadedOn) {
            problems.push({
              code: 'ALREADY_UPLOADED',
              message: `${n} was uploaded on ${c.uploadedOn}`,
              field: 'numbers',
            });
          } else if (c.status === 'REVOKED') {
            problems.push({ code: 'CERTIFICATE_REVOKED', message: `${n} is revoked`, field: 'numbers' });
          }
        }
        stopIf(problems);
        const now = ctx.clock.today();
        const [batch] = await tx
          .insert(uploadBatches)
          .values({ institutionId, uploadedOn: now, reference: args.batchReference.trim(), count: numbers.length })
          .returning();
        if (!batch) throw new Error('insert returned no row');
        await tx
          .update(certificates)
          .set({ uploadedOn: now, uploadBatchId: batch.id })
          .where(inArray(certificates.number, numbers));
        return { batch };
      }),
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
    resolve: (_r, args, ctx) =>
      change(ctx, async (tx) => {
        const number = args.number.trim().toUpperCase();
        const [c] = await tx.select().from(certificates).where(eq(certificates.number, number)).for('update');
        if (!c || !canReach(ctx.caller, { enterpriseId: c.enterpriseId, prefectureCode: c.prefectureCode })) {
          stop('CERTIFICATE_NOT_FOUND', 'no certificate you may act on has that number', 'number');
        }
        stopIf(revocationProblems(c, args.reason));
        const [updated] = await tx
          .update(certificates)
          .set({
            status: 'REVOKED',
            revokedOn: ctx.clock.today(),
            revocationReason: args.reason.trim(),
            revokedBy: `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`,
          })
          .where(eq(certificates.number, number))
          .returning();
        return { certificate: updated as CertificateRow };
      }),
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
    resolve: async (c, _a, ctx) =>
      c.uploadBatchId
        ? ((await ctx.db.select().from(uploadBatches).where(eq(uploadBatches.id, c.uploadBatchId)))[0] ?? null)
        : null,
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
