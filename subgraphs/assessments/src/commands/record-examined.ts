import { examinedMaterials } from '@hub/db';
import type { Context } from '../builder.ts';
import { change, stopIf } from '../change.ts';
import { type ExaminedKind, examinedMaterialProblems } from '../rules/examined.ts';
import type { ScorePart } from '../rules/types.ts';
import { ownPlan } from './own-plan.ts';

export interface RecordExaminedInput {
  planId: string | number;
  kind: ExaminedKind;
  part?: ScorePart | null;
  reference: string;
  version: string;
}

export type ExaminedMaterialRow = typeof examinedMaterials.$inferSelect;

/**
 * 评价内容: the paper or item bank one part of the plan examined, or the 评价表 of its level, into the
 * plan's archive; recorded again before the committee review, it replaces the earlier entry.
 */
export function recordExaminedMaterial(ctx: Context, input: RecordExaminedInput) {
  return change(ctx, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    stopIf(examinedMaterialProblems(plan, input));
    const values = {
      planId: plan.id,
      kind: input.kind,
      part: input.kind === 'EVALUATION_FORM' ? null : (input.part ?? null),
      level: plan.level,
      reference: input.reference.trim(),
      version: input.version.trim(),
      recordedOn: ctx.clock.today(),
      recordedBy: `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`,
    };
    const [material] = await tx
      .insert(examinedMaterials)
      .values(values)
      .onConflictDoUpdate({ target: [examinedMaterials.planId, examinedMaterials.part], set: values })
      .returning();
    if (!material) throw new Error('upsert returned no row');
    return { material };
  });
}
