import { candidates, certificates, residentIdLookup, workerCredentials, workers } from '@hub/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { stopIf } from '../change.ts';
import { institutionOf, serves } from '../facts.ts';
import type { WorkerRow } from '../loaders.ts';
import { schemeOfPlan } from '../queries/work-scheme.ts';
import {
  applicationProblems,
  type CandidateApplication,
  declaredApplication,
  type EducationLevel,
  NO_APPLICATION,
  schemeConditionEntry,
} from '../rules/application-conditions.ts';
import { eligibilityProblems } from '../rules/eligibility.ts';
import {
  CANDIDATE_FIELDS,
  type CandidateRow,
  candidateRowProblems,
  nameMismatch,
  normalisedResidentId,
  type RowProblem,
  repeatedRows,
  rowNumbers,
  rowProblems,
  typed,
} from '../rules/import.ts';
import { candidateEntryProblems } from '../rules/plan.ts';
import type { ExceptionalGround } from '../rules/types.ts';
import { employmentEndedProblems } from '../rules/worker-record.ts';
import { chunks, hex, type ImportResult, runImport } from './import.ts';
import { expectStatus, ownPlan } from './own-plan.ts';

type Held = { level: number; since: string };

const ALREADY_ON_PLAN = {
  code: 'CANDIDATE_ALREADY_ON_PLAN',
  message: 'the worker is already a candidate of this plan',
  field: 'residentId',
};

/**
 * 批量录入参评人员 (参评人员导入): addCandidate for every row at once, all or none. The plan as
 * addCandidate wants it (the caller's, reported, by its report deadline); each row's worker found
 * by resident ID among the institution's workers (WORKER_NOT_FOUND otherwise), its name checked
 * against the record, and addCandidate's rules — eligibility under the plan's qualification,
 * 劳务派遣, 直接认定 and 破格 — applied to it with the facts read in bulk. A worker twice in the file, or already on the plan, is named.
 */
export function importCandidates(
  ctx: Context,
  input: {
    planId: string | number;
    rows: readonly (CandidateRow & { row?: number | null })[];
    dryRun?: boolean | null;
  },
): Promise<ImportResult> {
  return runImport(ctx, input, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    expectStatus(plan, 'REPORTED', '添加参评人员');
    const today = ctx.clock.today();
    const recordedBy = `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`;
    stopIf(candidateEntryProblems(plan.reportDeadline, plan.evaluationDate, today));
    const inst = await institutionOf(tx, plan.enterpriseId);
    const numbers = rowNumbers(input.rows);
    const problems: RowProblem[] = [];
    const ids: (string | null)[] = input.rows.map((c, i) => {
      const own = candidateRowProblems(c);
      problems.push(...rowProblems(numbers[i] as number, own));
      return own.some((p) => p.field === 'residentId') ? null : normalisedResidentId(c.residentId);
    });

    // The institution's workers by the rows' resident IDs (every lookup hash of each).
    const rowsByHash = new Map<string, number>();
    ids.forEach((id, i) => {
      if (id) for (const h of residentIdLookup(id)) rowsByHash.set(hex(h), i);
    });
    const workerOfRow = new Map<number, WorkerRow>();
    for (const part of chunks([...rowsByHash.keys()])) {
      const found = await tx
        .select()
        .from(workers)
        .where(
          and(
            eq(workers.institutionId, plan.enterpriseId),
            inArray(
              workers.residentIdHmac,
              part.map((h) => Buffer.from(h, 'hex')),
            ),
          ),
        );
      for (const w of found) {
        const i = rowsByHash.get(hex(w.residentIdHmac));
        if (i !== undefined) workerOfRow.set(i, w);
      }
    }

    const repeated = repeatedRows(
      ids.map((_, i) => ({ row: numbers[i] as number, key: workerOfRow.get(i)?.id ?? null })),
    );
    const workerIds = [...new Set([...workerOfRow.values()].map((w) => w.id))];
    const onPlan = new Set<string>();
    const declared = new Map<string, Held[]>();
    for (const part of chunks(workerIds)) {
      for (const c of await tx
        .select({ workerId: candidates.workerId })
        .from(candidates)
        .where(and(eq(candidates.planId, plan.id), inArray(candidates.workerId, part))))
        onPlan.add(c.workerId);
      for (const d of await tx
        .select({
          workerId: workerCredentials.workerId,
          level: workerCredentials.level,
          since: workerCredentials.issuedOn,
        })
        .from(workerCredentials)
        .where(
          and(inArray(workerCredentials.workerId, part), eq(workerCredentials.occupationCode, plan.occupationCode)),
        ))
        declared.set(d.workerId, [...(declared.get(d.workerId) ?? []), d]);
    }
    // Levels held in the plan's occupation (heldLevels, in bulk): our valid certificates by hash.
    const certified = new Map<number, Held[]>();
    for (const part of chunks([...rowsByHash.keys()])) {
      for (const c of await tx
        .select({ hmac: certificates.holderResidentIdHmac, level: certificates.level, since: certificates.issuedOn })
        .from(certificates)
        .where(
          and(
            inArray(
              certificates.holderResidentIdHmac,
              part.map((h) => Buffer.from(h, 'hex')),
            ),
            eq(certificates.occupationCode, plan.occupationCode),
            eq(certificates.status, 'VALID'),
          ),
        )) {
        const i = rowsByHash.get(hex(c.hmac));
        if (i !== undefined) certified.set(i, [...(certified.get(i) ?? []), c]);
      }
    }
    // A plan run as a 社会评价组织: the served parties among the workers' employers, asked once per
    // employer (under 企业自主评价 no other employer counts, whatever else the institution holds).
    const served = new Map<string, boolean>();
    if (plan.qualification === 'SOCIAL_EVALUATION_ORGANIZATION') {
      for (const code of new Set([...workerOfRow.values()].map((w) => w.employerCreditCode))) {
        if (code !== inst.creditCode) served.set(code, await serves(tx, plan.enterpriseId, code, plan.evaluationDate));
      }
    }

    const scheme = await schemeOfPlan(tx, plan);
    const entries: {
      row: number;
      workerId: string;
      exceptional: { ground: ExceptionalGround; detail: string } | null;
      application: CandidateApplication | null;
      override: { reason: string; unmet: string[]; schemeVersion: number } | null;
    }[] = [];
    input.rows.forEach((c, i) => {
      const row = numbers[i] as number;
      if (!ids[i]) return;
      const worker = workerOfRow.get(i);
      if (!worker) {
        problems.push({
          row,
          field: 'residentId',
          code: 'WORKER_NOT_FOUND',
          message: '本机构没有此公民身份号码的职工记录（先导入或登记职工）',
        });
        return;
      }
      const mismatch = nameMismatch(c.name, worker.name);
      if (mismatch) problems.push(...rowProblems(row, [mismatch]));
      const first = repeated.get(row);
      if (first !== undefined) {
        problems.push({
          row,
          field: 'residentId',
          code: 'CANDIDATE_DUPLICATE_IN_FILE',
          message: `与第 ${first} 行是同一人（公民身份号码相同）`,
        });
        return;
      }
      if (onPlan.has(worker.id)) {
        problems.push(...rowProblems(row, [ALREADY_ON_PLAN]));
        return;
      }
      const ended = employmentEndedProblems(worker, plan.evaluationDate, 'residentId');
      if (ended.length) {
        problems.push(...rowProblems(row, ended));
        return;
      }
      const ground = (c.exceptionalGround ?? null) as ExceptionalGround | null;
      const exceptional = ground ? { ground, detail: typed(c.exceptionalDetail) ?? '' } : null;
      const held = [...(certified.get(i) ?? []), ...(declared.get(worker.id) ?? [])];
      const declaredNow = {
        tradeYears: c.tradeYears ?? null,
        trainingHours: c.trainingHours ?? null,
        education: (c.education ?? null) as EducationLevel | null,
      };
      const application = declaredApplication(declaredNow);
      const conditions = schemeConditionEntry(
        scheme,
        plan,
        {
          evaluationDate: plan.evaluationDate,
          employedSince: worker.employedSince,
          held,
          application: application ?? NO_APPLICATION,
        },
        typed(c.overrideReason),
      );
      const refusals = [
        ...applicationProblems(declaredNow),
        ...eligibilityProblems({
          institution: { creditCode: inst.creditCode },
          worker,
          employerServed: served.get(worker.employerCreditCode) ?? false,
          plan: {
            qualification: plan.qualification,
            method: plan.method,
            level: plan.level,
            evaluationDate: plan.evaluationDate,
          },
          heldLevels: [...new Set(held.map((h) => h.level))].sort(),
          exceptional,
        }),
        ...conditions.problems,
      ];
      problems.push(...rowProblems(row, refusals, CANDIDATE_FIELDS));
      entries.push({ row, workerId: worker.id, exceptional, application, override: conditions.override });
    });

    return {
      problems,
      write: async () => {
        const written = new Set<string>();
        for (const part of chunks(entries)) {
          const rows = await tx
            .insert(candidates)
            .values(
              part.map((e) => ({
                planId: plan.id,
                workerId: e.workerId,
                exceptionalGround: e.exceptional?.ground ?? null,
                exceptionalDetail: e.exceptional?.detail.trim() ?? null,
                application: e.application,
                conditionOverride: e.override && { ...e.override, recordedOn: today, recordedBy },
              })),
            )
            .onConflictDoNothing({ target: [candidates.planId, candidates.workerId] })
            .returning({ workerId: candidates.workerId });
          for (const r of rows) written.add(r.workerId);
        }
        return entries.flatMap((e) => (written.has(e.workerId) ? [] : rowProblems(e.row, [ALREADY_ON_PLAN])));
      },
    };
  });
}
