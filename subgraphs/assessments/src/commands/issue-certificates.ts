import {
  candidates,
  certificateDecisionsAfterRevocation,
  certificateSerials,
  certificates,
  institutionStandings,
  objections,
  recordEvents,
  skillMarks,
  workers,
} from '@hub/db';
import type { Refusal } from '@hub/platform';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop, stopIf, type Tx } from '../change.ts';
import { asDb, institutionOf, isSuspended, scopeKinds } from '../facts.ts';
import type { CandidateRow, CertificateRow, PlanRow } from '../loaders.ts';
import { afterRevocationProblems, certificateNumber, issueProblems, MAX_SERIAL } from '../rules/certificate.ts';
import { yearOf } from '../rules/dates.ts';
import { certificateEvent } from '../rules/feed-events.ts';
import { inScopeUnder } from '../rules/qualification.ts';
import { skillOccupationProblems } from '../rules/skill.ts';
import { candidateById, ownPlan } from './own-plan.ts';

/**
 * 发证. Serials come from `certificate_serials`, bumped by one upsert in the issuing
 * transaction: concurrent issues for one (institution, year, level) queue on that row,
 * each takes the next block, and a rolled-back issue gives its serials back.
 */
async function issue(
  tx: Tx,
  plan: PlanRow,
  wanted: CandidateRow[],
  clock: Context['clock'],
): Promise<CertificateRow[]> {
  const onDay = clock.today();
  const inst = await institutionOf(tx, plan.enterpriseId);
  const ids = wanted.map((c) => c.id);
  // After 取消备案资质 the plan was in scope when it was evaluated, and the centre decides (#24 point 13).
  const standing = (await institutionStandings(asDb(tx), [plan.enterpriseId])).get(plan.enterpriseId);
  const revoked = standing?.qualification === 'REVOKED';
  const decision = revoked
    ? ((await certificateDecisionsAfterRevocation(asDb(tx), [plan.id])).get(plan.id)?.decision ?? null)
    : null;
  const skillCode = plan.workTypeCode ?? plan.occupationCode;
  const [people, issued, open, scope, marks] = await Promise.all([
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
    scopeKinds(tx, {
      enterpriseId: plan.enterpriseId,
      occupationCode: plan.occupationCode,
      workTypeCode: plan.workTypeCode,
      level: plan.level,
      onDate: revoked ? plan.evaluationDate : onDay,
    }),
    skillMarks(asDb(tx), [skillCode]),
  ]);
  // A suspension is told as such; after a revocation the centre's decision governs (above).
  const suspended = !revoked && (await isSuspended(tx, plan.enterpriseId, onDay));
  const workerOf = new Map(people.map((w) => [w.id, w]));
  const problems: Refusal[] = [
    ...afterRevocationProblems({ revoked, decision }),
    ...skillOccupationProblems(marks.get(skillCode)?.isSkill, skillCode, 'planId'),
  ];
  for (const c of wanted) {
    const found = issueProblems({
      candidateName: workerOf.get(c.workerId)?.name ?? c.id,
      result: c.result,
      planReviewed: plan.status !== 'REPORTED' && plan.reviewedOn != null,
      publicityEndsOn: plan.publicityEndsOn,
      openObjections: open.filter((o) => o.candidateId == null || o.candidateId === c.id).length,
      alreadyIssued: issued.some((i) => i.candidateId === c.id),
      institutionCode: inst.institutionCode,
      // In the scope of the qualification the plan runs under; the other one's does not count.
      inScope: inScopeUnder(scope, plan.qualification),
      suspended,
      level: plan.level,
      today: onDay,
    });
    for (const p of found) if (!problems.some((q) => q.code === p.code && q.message === p.message)) problems.push(p);
  }
  stopIf(problems);
  if (!wanted.length) stop('NOTHING_TO_ISSUE', '本计划没有待发证的合格参评人员', 'planId');

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
  if (last > MAX_SERIAL) stop('SERIALS_EXHAUSTED', `${year}年${plan.level}级证书的6位流水号已用完`);
  const first = last - wanted.length + 1;
  const rows = wanted.map((c, i) => {
    const w = workerOf.get(c.workerId);
    if (!w) throw new Error('candidate without worker');
    return {
      number: certificateNumber({
        kind: plan.qualification, // Y or S: the plan's qualification
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
  const made = await tx.insert(certificates).values(rows).returning();
  // 变更推送: the partner's feed learns of each certificate in this same transaction.
  const workerOfCandidate = new Map(wanted.map((c) => [c.id, c.workerId]));
  await recordEvents(
    tx,
    clock.now(),
    made.map((c) => certificateEvent('CERTIFICATE_ISSUED', c, workerOfCandidate.get(c.candidateId ?? '') ?? null)),
  );
  return made;
}

/** 颁发证书 to every passed candidate of a plan still without one; all or none. */
export function issueCertificates(ctx: Context, input: { planId: string | number }) {
  return change(ctx, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId), false);
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
        ctx.clock,
      ),
    };
  });
}

/** 颁发证书 to one candidate, by the same rules. */
export function issueCertificate(ctx: Context, input: { candidateId: string | number }) {
  return change(ctx, async (tx) => {
    const candidate = await candidateById(tx, String(input.candidateId), { lock: true });
    const plan = await ownPlan(tx, ctx, candidate.planId, false);
    return { certificates: await issue(tx, plan, [candidate], ctx.clock) };
  });
}
