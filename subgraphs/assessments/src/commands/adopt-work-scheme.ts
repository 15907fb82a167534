import { workSchemes } from '@hub/db';
import { eq, sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actingInstitution, change, stopIf } from '../change.ts';
import { toCondition } from '../rules/application-conditions.ts';
import { type WorkSchemeStatement, workSchemeProblems } from '../rules/work-scheme.ts';

export type AdoptWorkSchemeInput = WorkSchemeStatement;

/**
 * 工作方案: the institution adopts a new version today; earlier versions stay on record. Two
 * adoptions at once (the enterprise and its partner system) queue on one lock per institution, so
 * each gets the next version number instead of one failing on the unique version.
 */
export function adoptWorkScheme(ctx: Context, input: AdoptWorkSchemeInput) {
  return change(ctx, async (tx) => {
    const institutionId = actingInstitution(ctx);
    stopIf(workSchemeProblems(input));
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`assessment:work-scheme:${institutionId}`}))`);
    const [last] = await tx
      .select({ v: sql<number>`coalesce(max(${workSchemes.version}), 0)::int` })
      .from(workSchemes)
      .where(eq(workSchemes.institutionId, institutionId));
    const [scheme] = await tx
      .insert(workSchemes)
      .values({
        institutionId,
        version: (last?.v ?? 0) + 1,
        title: input.title.trim(),
        adoptedOn: ctx.clock.today(),
        assessorCounts: Object.fromEntries((input.assessorCounts ?? []).map((c) => [c.method, c.assessors])),
        conditions: (input.conditions ?? []).map(toCondition),
        methodStandards: (input.methods ?? []).map((m) => ({
          method: m.method,
          passMark: m.passMark ?? null,
          parts: (m.parts ?? []).map((p) => ({ part: p.part, weight: p.weight ?? null, passMark: p.passMark ?? null })),
          modules: (m.modules ?? []).map((x) => ({
            name: x.name.trim(),
            weight: x.weight ?? null,
            passMark: x.passMark ?? null,
          })),
        })),
        committeeMinMembers: input.committeeMinMembers ?? null,
        reviewDefencePanelMin: input.reviewDefencePanelMin ?? null,
        seniorAssessorFromLevel: input.seniorAssessorFromLevel ?? null,
        plansWithinAnnouncementPeriod: input.plansWithinAnnouncementPeriod ?? null,
        recordedBy: `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`,
      })
      .returning();
    if (!scheme) throw new Error('insert returned no row');
    return { scheme };
  });
}
