import { enterprisePrefectures, isUuid, planFacts } from '@hub/db';
import { sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop, stopIf } from '../change.ts';
import { casesForSignals, computeSignals } from '../queries/signals.ts';
import { actRefusal } from '../rules/access.ts';
import { type CaseOutcome, insertCase } from './case-steps.ts';

/** 一键立案 on a risk signal that still holds: one case per signal. */
export function openCaseFromSignal(ctx: Context, key: string): CaseOutcome {
  return change(ctx, async (tx) => {
    const [, first] = key.split(':');
    if (!first || !isUuid(first)) stop('SIGNAL_NOT_FOUND', 'no risk signal has that key', 'key');
    const planBased = /^(LATE_RESULT_SUBMISSION|SHORT_PUBLICITY|MISSING_EXTERNAL_SUPERVISION):/.test(key);
    const enterpriseId = planBased ? (await planFacts(tx, [first])).get(first)?.enterpriseId : first;
    const prefecture = enterpriseId ? (await enterprisePrefectures(tx, [enterpriseId])).get(enterpriseId) : undefined;
    if (!enterpriseId || !prefecture) stop('SIGNAL_NOT_FOUND', 'no risk signal has that key', 'key');
    stopIf(actRefusal(ctx.caller, prefecture, 'this signal'));
    const signal = (
      await computeSignals(tx, {
        enterpriseIds: [enterpriseId],
        asOf: ctx.clock.today(),
        nationalUploadDays: ctx.nationalUploadDays,
      })
    ).find((s) => s.key === key);
    if (!signal) stop('SIGNAL_NOT_FOUND', 'the signal no longer holds (or never did)', 'key');
    // Two clicks at once: the second waits here and then finds the first one's case.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`supervision:signal:${signal.key}`}))`);
    const existing = (await casesForSignals(tx, [signal.key])).get(signal.key);
    if (existing) stop('SIGNAL_ALREADY_OPENED', `case ${existing.id} was opened on this signal already`, 'key');
    return {
      supervisionCase: await insertCase(tx, ctx, {
        enterpriseId,
        prefectureCode: signal.prefectureCode,
        source: 'RISK_SIGNAL',
        violationTypes: [signal.suggestedViolation],
        summary: signal.explanation,
        signalKey: signal.key,
      }),
    };
  });
}
