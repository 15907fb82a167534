import { inspectors, isUuid } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop, stopIf } from '../change.ts';
import { poolRefusal } from '../rules/pool.ts';
import type { InspectorOutcome } from './register-inspector.ts';

/** Takes a member out of the pool (or back): inactive members are never drawn or dispatched. */
export function setInspectorActive(ctx: Context, id: string, active: boolean): InspectorOutcome {
  return change(ctx, async (tx) => {
    const [row] = isUuid(id) ? await tx.select().from(inspectors).where(eq(inspectors.id, id)).for('update') : [];
    if (!row) stop('NOT_FOUND', 'no pool member has that id', 'id');
    stopIf(poolRefusal(ctx.caller, row.prefectureCode));
    const [updated] = await tx.update(inspectors).set({ active: active }).where(eq(inspectors.id, id)).returning();
    return { inspector: updated };
  });
}
