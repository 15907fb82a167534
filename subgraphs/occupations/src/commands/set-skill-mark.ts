/**
 * 更正技能类标记: the province centre (or an admin) marks one 职业 skill or not skill, with a reason —
 * one transaction: the row locked, the rules (rules/skill.ts), the write, and the dictionary revision
 * bumped so that every process's matcher index rebuilds with the new mark (MatchScope SKILL).
 */
import { bumpIndexRevision, occupations, refuseAll, transact } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import type { OccupationRow } from '../loaders.ts';
import { skillMarkRefusal } from '../rules/skill.ts';

export async function setSkillMark(ctx: Context, input: { occupationCode: string; isSkill: boolean; reason: string }) {
  return transact(ctx.db, async (tx) => {
    const [occupation] = await tx
      .select()
      .from(occupations)
      .where(eq(occupations.code, input.occupationCode))
      .for('update');
    const refusal = skillMarkRefusal(occupation, input.occupationCode, input.isSkill, input.reason);
    if (refusal) refuseAll([refusal]);
    const [row] = await tx
      .update(occupations)
      .set({
        skillOverride: input.isSkill,
        skillOverrideReason: input.reason.trim(),
        skillOverrideBy: ctx.caller.sub ?? ctx.caller.role,
        skillOverrideRole: ctx.caller.role,
        skillOverrideAt: ctx.clock.now(),
      })
      .where(eq(occupations.code, input.occupationCode))
      .returning();
    await bumpIndexRevision(tx, 'dictionary');
    return row as OccupationRow;
  });
}
