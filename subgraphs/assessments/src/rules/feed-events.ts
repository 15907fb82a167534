import type { FeedEventInput, FeedEventType } from '@hub/db';

/**
 * What the change feed says about a record (变更推送): the record after the change, by numbers,
 * ids, levels and dates. Never a resident ID, a name or free text someone typed (a revocation's
 * reason, an objection): the partner HR system has the people, and reads the rest through the API.
 */

export interface CertificateFacts {
  number: string;
  status: 'VALID' | 'REVOKED';
  enterpriseId: string;
  planId: string | null;
  candidateId: string | null;
  occupationCode: string;
  workTypeCode: string | null;
  level: number;
  issuedOn: string;
  revokedOn: string | null;
  uploadedOn: string | null;
}

export type CertificateEventType = Extract<FeedEventType, `CERTIFICATE_${string}`>;

export function certificateEvent(
  type: CertificateEventType,
  c: CertificateFacts,
  workerId: string | null,
): FeedEventInput {
  return {
    enterpriseId: c.enterpriseId,
    type,
    subject: c.number,
    data: {
      number: c.number,
      status: c.status,
      workerId,
      candidateId: c.candidateId,
      planId: c.planId,
      occupationCode: c.occupationCode,
      workTypeCode: c.workTypeCode,
      level: c.level,
      issuedOn: c.issuedOn,
      revokedOn: c.revokedOn,
      uploadedOn: c.uploadedOn,
    },
  };
}

export interface PlanFacts {
  id: string;
  enterpriseId: string;
  status: string;
  occupationCode: string;
  workTypeCode: string | null;
  level: number;
  method: string;
  evaluationDate: string;
  reviewedOn: string | null;
  publicityStartsOn: string | null;
  publicityEndsOn: string | null;
  resultsSubmittedOn: string | null;
}

export type PlanEventType = Extract<FeedEventType, `PLAN_${string}`>;

export type ResultCounts = Record<'passed' | 'failed' | 'withheld', number>;

/** Tallies results (withdrawn candidates have none and are not counted). */
export function resultCounts(results: readonly (string | null)[]): ResultCounts {
  return {
    passed: results.filter((r) => r === 'PASSED').length,
    failed: results.filter((r) => r === 'FAILED').length,
    withheld: results.filter((r) => r === 'WITHHELD').length,
  };
}

export function planEvent(type: PlanEventType, p: PlanFacts, results: ResultCounts): FeedEventInput {
  return {
    enterpriseId: p.enterpriseId,
    type,
    subject: p.id,
    data: {
      planId: p.id,
      status: p.status,
      occupationCode: p.occupationCode,
      workTypeCode: p.workTypeCode,
      level: p.level,
      method: p.method,
      evaluationDate: p.evaluationDate,
      reviewedOn: p.reviewedOn,
      publicityStartsOn: p.publicityStartsOn,
      publicityEndsOn: p.publicityEndsOn,
      resultsSubmittedOn: p.resultsSubmittedOn,
      results,
    },
  };
}

export interface CandidateResultFacts {
  id: string;
  workerId: string;
  result: string | null;
  total: number | null;
}

export type CandidateResultEventType = Extract<FeedEventType, `CANDIDATE_${string}`>;

export function candidateResultEvent(
  type: CandidateResultEventType,
  c: CandidateResultFacts,
  p: Pick<PlanFacts, 'id' | 'enterpriseId' | 'occupationCode' | 'workTypeCode' | 'level'>,
  onDay: string,
): FeedEventInput {
  return {
    enterpriseId: p.enterpriseId,
    type,
    subject: c.id,
    data: {
      candidateId: c.id,
      workerId: c.workerId,
      planId: p.id,
      occupationCode: p.occupationCode,
      workTypeCode: p.workTypeCode,
      level: p.level,
      result: c.result,
      total: c.total,
      decidedOn: onDay,
    },
  };
}
