import { builder } from '../builder.ts';
import type { CandidateRow, ObjectionRow, PlanRow } from '../loaders.ts';

/**
 * The plan's object types, declared here and implemented in plan.ts and candidate.ts: a plan
 * lists its candidates and objections, and each of them points back to its plan.
 */
export const EvaluationPlan = builder.objectRef<PlanRow>('EvaluationPlan');
export const Candidate = builder.objectRef<CandidateRow>('Candidate');
export const Objection = builder.objectRef<ObjectionRow>('Objection');
