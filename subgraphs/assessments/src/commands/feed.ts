import { candidates, type FeedEventInput, recordEvents } from '@hub/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import type { Tx } from '../change.ts';
import type { CandidateRow, CertificateRow, PlanRow } from '../loaders.ts';
import {
  type CandidateResultEventType,
  type CertificateEventType,
  candidateResultEvent,
  certificateEvent,
  type PlanEventType,
  planEvent,
  resultCounts,
} from '../rules/feed-events.ts';

/**
 * 变更推送: records what happened to these certificates in the change feed, in the caller's
 * transaction (the outbox), each with its holder's worker id (no name, no resident ID).
 */
export async function recordCertificateEvents(
  tx: Tx,
  clock: Context['clock'],
  changes: readonly { type: CertificateEventType; certificate: CertificateRow }[],
): Promise<void> {
  if (!changes.length) return;
  const ids = [...new Set(changes.flatMap((c) => (c.certificate.candidateId ? [c.certificate.candidateId] : [])))];
  const rows = ids.length
    ? await tx
        .select({ id: candidates.id, workerId: candidates.workerId })
        .from(candidates)
        .where(inArray(candidates.id, ids))
    : [];
  const workerOf = new Map(rows.map((r) => [r.id, r.workerId]));
  await recordEvents(
    tx,
    clock.now(),
    changes.map((c) => certificateEvent(c.type, c.certificate, workerOf.get(c.certificate.candidateId ?? '') ?? null)),
  );
}

/** 变更推送: records what happened to one candidate (withdrawn), with its plan's facts. */
export async function recordCandidateEvent(
  tx: Tx,
  clock: Context['clock'],
  type: CandidateResultEventType,
  candidate: CandidateRow,
  plan: PlanRow,
): Promise<void> {
  await recordEvents(tx, clock.now(), [candidateResultEvent(type, candidate, plan, clock.today())]);
}

/**
 * 变更推送: records a change of a plan (rescheduled, cancelled; its results reviewed, publicised, submitted) with the tally of
 * its candidates' results as they stand, and, when given, each candidate's result as decided.
 */
export async function recordPlanEvents(
  tx: Tx,
  clock: Context['clock'],
  type: PlanEventType,
  plan: PlanRow,
  decided?: { type: CandidateResultEventType; candidates: readonly CandidateRow[] },
): Promise<void> {
  const results = await tx
    .select({ result: candidates.result })
    .from(candidates)
    .where(and(eq(candidates.planId, plan.id), isNull(candidates.withdrawnOn)));
  const events: FeedEventInput[] = [planEvent(type, plan, resultCounts(results.map((r) => r.result)))];
  for (const c of decided?.candidates ?? []) {
    events.push(candidateResultEvent(decided?.type ?? 'CANDIDATE_RESULT_DETERMINED', c, plan, clock.today()));
  }
  await recordEvents(tx, clock.now(), events);
}

/** 变更推送: candidates' results changed after the review (an upheld objection withholds them). */
export async function recordCandidateResultEvents(
  tx: Tx,
  clock: Context['clock'],
  type: CandidateResultEventType,
  plan: PlanRow,
  changed: readonly CandidateRow[],
): Promise<void> {
  await recordEvents(
    tx,
    clock.now(),
    changed.map((c) => candidateResultEvent(type, c, plan, clock.today())),
  );
}
