/** The story institution's plans at each step, walked by the change-feed tests (partner-feed.test.ts). */
import { candidates, certificates, type Db, evaluationPlans, objections } from '@hub/db';
import { type EvaluationMethod, requiredParts } from '@hub/vocabulary';
import { and, asc, eq, gte, isNull, lt, ne } from 'drizzle-orm';
import { expect } from 'vitest';
import { type caller, constituteCommittee } from './assessments-fixtures.ts';

type Run = ReturnType<typeof caller>;

export interface StoryPlans {
  /** Evaluated, every candidate scored: reviewResults. */
  scored: string[];
  /** Reviewed: startPublicity. */
  reviewed: string;
  /** In publicity with an objection open against one candidate: resolveObjection. */
  objection: { planId: string; objectionId: string; candidateId: string };
  /** Publicity over: submitResults, then issueCertificates. */
  publicityEnded: string;
  /** Submitted with passed candidates still waiting for certificates: issueCertificates. */
  submitted: string;
}

/** The story institution's plans at each step of the walk, as the demo seed left them today. */
export async function storyPlans(db: Db, enterpriseId: string, today: string): Promise<StoryPlans> {
  const plans = await db
    .select()
    .from(evaluationPlans)
    .where(and(eq(evaluationPlans.enterpriseId, enterpriseId), ne(evaluationPlans.status, 'CANCELLED')))
    .orderBy(asc(evaluationPlans.evaluationDate), asc(evaluationPlans.id));
  const scored = plans.filter((p) => p.status === 'REPORTED' && p.evaluationDate < today).map((p) => p.id);
  const reviewed = plans.find((p) => p.status === 'REVIEWED')?.id;
  const [open] = await db
    .select({ planId: objections.planId, objectionId: objections.id, candidateId: objections.candidateId })
    .from(objections)
    .innerJoin(evaluationPlans, eq(evaluationPlans.id, objections.planId))
    .where(
      and(
        eq(evaluationPlans.enterpriseId, enterpriseId),
        eq(objections.status, 'OPEN'),
        gte(evaluationPlans.publicityEndsOn, today),
      ),
    );
  const publicityEnded = plans.find(
    (p) => p.status === 'PUBLICISED' && p.publicityEndsOn != null && p.publicityEndsOn < today,
  )?.id;
  const waiting = await db
    .selectDistinct({ id: evaluationPlans.id })
    .from(evaluationPlans)
    .innerJoin(candidates, eq(candidates.planId, evaluationPlans.id))
    .leftJoin(certificates, eq(certificates.candidateId, candidates.id))
    .where(
      and(
        eq(evaluationPlans.enterpriseId, enterpriseId),
        eq(evaluationPlans.status, 'SUBMITTED'),
        lt(evaluationPlans.publicityEndsOn, today),
        eq(candidates.result, 'PASSED'),
        isNull(certificates.number),
      ),
    );
  const submitted = waiting.map((w) => w.id).find((id) => id !== publicityEnded);
  if (!scored.length || !reviewed || !open?.candidateId || !publicityEnded || !submitted)
    throw new Error('the demo seed’s story institution lacks a plan at some step of the walk');
  return {
    scored,
    reviewed,
    objection: { planId: open.planId, objectionId: open.objectionId, candidateId: open.candidateId },
    publicityEnded,
    submitted,
  };
}

/** 评价工作委员会审核 of the first evaluated plan whose candidates are all scored: its id. */
export async function reviewScoredPlan(db: Db, run: Run, planIds: readonly string[]): Promise<string> {
  const signatories = await constituteCommittee(run);
  for (const planId of planIds) {
    const [plan] = await db.select().from(evaluationPlans).where(eq(evaluationPlans.id, planId));
    if (!plan) continue;
    const method = plan.method as EvaluationMethod;
    const parts =
      method === 'DIRECT_RECOGNITION'
        ? [null]
        : ['THEORY_EXAM', 'SKILL_OPERATION', 'INTEGRATED', 'SIMULATION'].includes(method)
          ? requiredParts(method, plan.level).filter((p) => p === 'THEORY' || p === 'SKILL')
          : [];
    for (const part of parts) {
      await run(
        `mutation($i: RecordExaminedMaterialInput!) { recordExaminedMaterial(input: $i) { errors { code } } }`,
        {
          i: part
            ? { planId, kind: 'EXAM_PAPER', part, reference: `SJ-${part}-01`, version: 'A卷' }
            : { planId, kind: 'EVALUATION_FORM', reference: 'PJB-01', version: '第1版' },
        },
      );
    }
    const r = await run(
      `mutation($p: ID!, $s: [ID!]!) { reviewResults(planId: $p, signatories: $s) { errors { code } } }`,
      { p: planId, s: signatories },
    );
    if (!r.reviewResults.errors.length) return planId;
  }
  expect.fail('no evaluated plan of the story institution could be reviewed');
}
