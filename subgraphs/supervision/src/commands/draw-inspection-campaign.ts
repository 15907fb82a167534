import { campaignAssignments, campaignInstitutions, campaigns, catalogInstitutions, inspectors } from '@hub/db';
import { and, desc, eq, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actorOf, change, stop, type Tx } from '../change.ts';
import type { CampaignRow } from '../loaders.ts';
import { conflictPairs, type DrawInput, draw, poolEntry } from '../rules/draw.ts';
import { type CampaignOutcome, lockCampaign } from './campaign-steps.ts';

/** The latest drawn campaign whose scope overlaps this one's (same 市州, or either province-wide). */
async function previousCampaign(tx: Tx, c: CampaignRow): Promise<CampaignRow | null> {
  const [prev] = await tx
    .select()
    .from(campaigns)
    .where(
      and(
        ne(campaigns.id, c.id),
        isNotNull(campaigns.drawnAt),
        c.prefectureCode
          ? or(isNull(campaigns.prefectureCode), eq(campaigns.prefectureCode, c.prefectureCode))
          : undefined,
      ),
    )
    .orderBy(desc(campaigns.drawnAt), desc(campaigns.id))
    .limit(1);
  return prev ?? null;
}

/** The active inspectors a campaign may draw: its 市州's and the province's. */
function inspectorPool(tx: Tx, c: CampaignRow) {
  return tx
    .select()
    .from(inspectors)
    .where(
      and(
        eq(inspectors.kind, 'INSPECTOR'),
        eq(inspectors.active, true),
        c.prefectureCode
          ? or(eq(inspectors.prefectureCode, c.prefectureCode), isNull(inspectors.prefectureCode))
          : undefined,
      ),
    );
}

/**
 * 双随机 抽取 by the recorded seed: institutions from the catalog, inspectors from the pool, no
 * conflicts and none of the previous campaign's pairs; the pools and exclusions are recorded.
 */
export function drawInspectionCampaign(ctx: Context, id: string): CampaignOutcome {
  return change(ctx, async (tx) => {
    // Draws are serialised: each one's "previous campaign" must be settled.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('supervision:draw'))`);
    const c = await lockCampaign(tx, ctx.caller, id);
    if (c.status !== 'PLANNED') stop('ALREADY_DRAWN', `the campaign was drawn already (${c.status})`, 'id');
    const institutions = await catalogInstitutions(tx, { prefecture: c.prefectureCode });
    const pool = await inspectorPool(tx, c);
    const prev = await previousCampaign(tx, c);
    const previousPairs = prev
      ? await tx.select().from(campaignAssignments).where(eq(campaignAssignments.campaignId, prev.id))
      : [];
    const input: DrawInput = {
      seed: c.seed,
      institutions: institutions.map((i) => ({ id: i.enterpriseId, prefectureCode: i.prefectureCode })),
      inspectors: pool.map((i) => ({ id: i.id, prefectureCode: i.prefectureCode })),
      exclusions: conflictPairs(pool, previousPairs),
      count: c.institutionCount,
      perInstitution: c.inspectorsPerInstitution,
    };
    const result = draw(input);
    if (!result.drawn.length) {
      stop(
        'NOTHING_TO_DRAW',
        `no institution of the scope can be staffed: ${institutions.length} in the catalog, ${pool.length} active inspectors`,
      );
    }
    const [updated] = await tx
      .update(campaigns)
      .set({
        status: 'DRAWN',
        institutionPool: input.institutions.map((i) => poolEntry(i.id, i.prefectureCode)).sort(),
        inspectorPool: input.inspectors.map((i) => poolEntry(i.id, i.prefectureCode)).sort(),
        exclusions: input.exclusions as string[],
        previousCampaignId: prev?.id ?? null,
        drawnAt: ctx.clock.now(),
        drawnBy: actorOf(ctx.caller),
      })
      .where(eq(campaigns.id, c.id))
      .returning();
    await tx.insert(campaignInstitutions).values(
      result.drawn.map((d) => ({
        campaignId: c.id,
        enterpriseId: d.enterpriseId,
        prefectureCode: d.prefectureCode,
        position: d.position,
      })),
    );
    await tx
      .insert(campaignAssignments)
      .values(
        result.drawn.flatMap((d) =>
          d.inspectorIds.map((inspectorId) => ({ campaignId: c.id, enterpriseId: d.enterpriseId, inspectorId })),
        ),
      );
    return { campaign: updated };
  });
}
