/**
 * 标准等级: which levels (五级 … 一级) the national standard of an occupation defines — one
 * transaction: the occupation locked, the levels checked (rules/levels.ts), the write.
 */
import { occupations, refuseAll, transact } from '@hub/db';
import { refuse } from '@hub/platform';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import type { OccupationRow } from '../loaders.ts';
import { standardLevelsFrom } from '../rules/levels.ts';

export async function setStandardLevels(
  ctx: Context,
  input: { occupationCode: string; levels: Parameters<typeof standardLevelsFrom>[0] },
) {
  return transact(ctx.db, async (tx) => {
    const [occupation] = await tx
      .select()
      .from(occupations)
      .where(eq(occupations.code, input.occupationCode))
      .for('update');
    if (!occupation)
      refuseAll([refuse('OCCUPATION_NOT_FOUND', `职业编码 ${input.occupationCode} 不在大典中`, 'occupationCode')]);
    if (occupation.level !== 4) {
      refuseAll([
        refuse('NOT_AN_OCCUPATION', `${occupation.code} ${occupation.name} 不是职业（第 4 层）`, 'occupationCode'),
      ]);
    }
    const parsed = standardLevelsFrom(input.levels);
    if ('problem' in parsed) refuseAll([refuse('INVALID_LEVELS', parsed.problem, 'levels')]);
    const [row] = await tx
      .update(occupations)
      .set({ standardLevels: parsed.levels })
      .where(eq(occupations.code, occupation.code))
      .returning();
    return row as OccupationRow;
  });
}
