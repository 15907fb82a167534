/**
 * 新增工种: a work type under an occupation (职业) — one transaction: the occupation's work types
 * locked so two additions cannot take the same code, the rules (rules/work-type.ts), the write, and
 * the dictionary revision bumped so every matcher index learns the new name.
 */
import { bumpIndexRevision, occupations, refuseAll, transact, workTypes } from '@hub/db';
import { type Refusal, refuse } from '@hub/platform';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { nextWorkTypeCode, workTypeCodeProblem, workTypeNameProblem } from '../rules/work-type.ts';

export async function addWorkType(
  ctx: Context,
  input: { occupationCode: string; name: string; code?: string | null | undefined },
) {
  return transact(ctx.db, async (tx) => {
    const refusals: Refusal[] = [];
    const [occupation] = await tx.select().from(occupations).where(eq(occupations.code, input.occupationCode));
    if (!occupation)
      refuseAll([refuse('OCCUPATION_NOT_FOUND', `职业编码 ${input.occupationCode} 不在大典中`, 'occupationCode')]);
    if (occupation.level !== 4) {
      refusals.push(
        refuse(
          'NOT_AN_OCCUPATION',
          `${occupation.code} ${occupation.name} 不是职业（第 4 层），工种只能设在职业之下`,
          'occupationCode',
        ),
      );
    }
    const name = input.name.trim();
    const nameProblem = workTypeNameProblem(name);
    if (nameProblem) refusals.push(refuse('INVALID_NAME', nameProblem, 'name'));
    if (refusals.length) refuseAll(refusals);
    // Lock the occupation's work types so two additions cannot take the same code.
    const existing = await tx
      .select()
      .from(workTypes)
      .where(eq(workTypes.occupationCode, occupation.code))
      .for('update');
    if (existing.some((w) => w.name === name)) {
      refuseAll([refuse('WORK_TYPE_EXISTS', `职业 ${occupation.name} 已有工种“${name}”`, 'name')]);
    }
    let code = input.code ?? null;
    if (code) {
      const problem = workTypeCodeProblem(code, occupation.code);
      if (problem) refuseAll([refuse('INVALID_CODE', problem, 'code')]);
      const [taken] = await tx.select().from(workTypes).where(eq(workTypes.code, code));
      if (taken) refuseAll([refuse('CODE_TAKEN', `工种编码 ${code} 已用于“${taken.name}”`, 'code')]);
    } else {
      code = nextWorkTypeCode(
        occupation.code,
        existing.map((w) => w.code),
      );
      if (!code)
        refuseAll([
          refuse('NO_FREE_CODE', `职业 ${occupation.code} 下已无空余工种编码（-01 … -99）`, 'occupationCode'),
        ]);
    }
    const [row] = await tx
      .insert(workTypes)
      .values({ code, occupationCode: occupation.code, name, createdBy: ctx.caller.sub ?? ctx.caller.role })
      .onConflictDoNothing()
      .returning();
    if (!row) refuseAll([refuse('CODE_TAKEN', `工种编码 ${code} 已被占用`, 'code')]);
    await bumpIndexRevision(tx, 'dictionary');
    return row;
  });
}
