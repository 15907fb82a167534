import { randomBytes } from 'node:crypto';
import {
  campaignAssignments,
  campaignInstitutions,
  campaigns,
  catalogInstitutions,
  inspectors,
  isUuid,
  keysetPage,
} from '@hub/db';
import { access, type Claims, forwardConnection, hubError, partOf, type Refusal, reachOf } from '@hub/platform';
import { isPrefectureCode } from '@hub/vocabulary';
import { and, desc, eq, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { builder, Prefecture, UserError } from '../builder.ts';
import { actorOf, change, dateString, stop, stopIf, type Tx } from '../change.ts';
import type { CampaignRow, DrawnRow } from '../loaders.ts';
import { actRefusal, campaignScopeRefusal, isSupervisor } from '../rules/access.ts';
import { conflictPairs, DRAW_ALGORITHM, type DrawInput, draw, poolEntry, recordedInput } from '../rules/draw.ts';
import { EnterpriseRef, prefectureFilter, SupervisionCase } from './case.ts';
import { InspectionKind, InspectionOutcome } from './enums.ts';
import { Inspector } from './pool.ts';
import { objects } from './reach.ts';

export const CampaignStatus = builder.enumType('CampaignStatus', {
  description: '抽查任务状态',
  values: {
    PLANNED: { description: '已制定, not yet drawn' },
    DRAWN: { description: '已抽取: institutions and inspectors drawn, seed and pools recorded' },
    PUBLISHED: { description: '已公开 (一公开): the draw and the results are public' },
  } as const,
});

/** May the caller see this campaign? The public and enterprises: once published; authorities: their scope. */
function seesCampaign(caller: Claims, c: CampaignRow): boolean {
  if (c.status === 'PUBLISHED') return true;
  const reach = reachOf(caller);
  if (!isSupervisor(caller) && caller.role !== 'ministry' && caller.role !== 'admin') return false;
  return reach.kind === 'all' || (reach.kind === 'prefecture' && c.prefectureCode === reach.prefecture);
}

/** Who may see the inspectors assigned to a drawn institution: authorities over it. */
const seesAssignments = (caller: Claims, prefectureCode: string) =>
  actRefusal(caller, prefectureCode) === null || caller.role === 'ministry' || caller.role === 'admin';

const DrawnInstitution = builder.objectRef<DrawnRow & { campaign: CampaignRow }>('DrawnInstitution').implement({
  description: '抽取的检查对象: an institution drawn in a campaign, its inspectors and the result.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Order in the draw (1 = drawn first).' }),
    enterprise: t.field({
      type: EnterpriseRef,
      description: 'The institution.',
      resolve: (d) => ({ id: d.enterpriseId }),
    }),
    prefecture: t.field({ type: Prefecture, description: '所属市州', resolve: (d) => ({ code: d.prefectureCode }) }),
    inspectors: t.field({
      type: [Inspector],
      nullable: true,
      description: '检查人员 drawn for it (authorities over the institution only).',
      resolve: async (d, _a, ctx) => {
        if (!seesAssignments(ctx.caller, d.prefectureCode)) return null;
        const all = await ctx.loaders.assignmentsByCampaign.load(d.campaignId);
        const ids = all.filter((a) => a.enterpriseId === d.enterpriseId).map((a) => a.inspectorId);
        const rows = await Promise.all(ids.map((id) => ctx.loaders.inspectorById.load(id)));
        // Drawn for this institution: the authorities over it see who, whichever 市州 the inspector is from.
        return rows
          .filter((r) => r !== null)
          .map((r) => partOf(r, { enterpriseId: null, prefectureCode: d.prefectureCode }));
      },
    }),
    outcome: t.field({
      type: InspectionOutcome,
      nullable: true,
      description: '检查结果, once recorded',
      resolve: (d) => d.outcome,
    }),
    resultSummary: t.exposeString('resultSummary', { nullable: true, description: '检查结果说明' }),
    inspectedOn: t.field({ type: 'Date', nullable: true, description: '检查日期', resolve: (d) => d.inspectedOn }),
  }),
});

const DrawReplay = builder
  .objectRef<{ matches: boolean; enterpriseIds: string[]; passedOver: string[] }>('DrawReplay')
  .implement({
    description:
      '重新抽取: the draw re-run from the recorded seed and pools, and whether it gives the recorded result.',
    fields: (t) => ({
      matches: t.exposeBoolean('matches', {
        description: 'True when the re-run draws the same institutions, in the same order, with the same inspectors.',
      }),
      enterpriseIds: t.exposeIDList('enterpriseIds', { description: 'Institutions the re-run draws, in order.' }),
      passedOver: t.exposeIDList('passedOver', {
        description: 'Institutions the re-run passed over: too few inspectors free of conflicts.',
      }),
    }),
  });

export const Campaign = builder.objectRef<CampaignRow>('InspectionCampaign').implement({
  description:
    '抽查任务: a 双随机、一公开 random inspection, a 定期检查 or a 专项督查 — its scope, the recorded seed, the draw and the results.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Campaign id.' }),
    kind: t.field({ type: InspectionKind, description: '检查类型', resolve: (c) => c.kind }),
    title: t.exposeString('title', { description: '任务名称' }),
    prefecture: t.field({
      type: Prefecture,
      nullable: true,
      description: '范围: the 市州, or null for the whole province',
      resolve: (c) => (c.prefectureCode ? { code: c.prefectureCode } : null),
    }),
    occupationCode: t.exposeString('occupationCode', { nullable: true, description: '专项督查 focus: an occupation' }),
    periodStartsOn: t.field({ type: 'Date', description: '检查期间 from', resolve: (c) => c.periodStartsOn }),
    periodEndsOn: t.field({ type: 'Date', description: '检查期间 to', resolve: (c) => c.periodEndsOn }),
    institutionCount: t.exposeInt('institutionCount', { description: '抽取机构数' }),
    inspectorsPerInstitution: t.exposeInt('inspectorsPerInstitution', { description: '每个机构的检查人员数' }),
    status: t.field({ type: CampaignStatus, description: '状态', resolve: (c) => c.status }),
    seed: t.exposeString('seed', { description: '随机种子: with the recorded pools anyone can re-run the draw' }),
    algorithm: t.exposeString('algorithm', { description: 'The draw algorithm and its version.' }),
    institutionPool: t.exposeStringList('institutionPool', {
      nullable: true,
      description: '抽取范围: the catalog institutions the draw chose from (`id@市州`), sorted',
    }),
    inspectorPoolSize: t.int({
      nullable: true,
      description: 'How many inspectors the draw chose from.',
      resolve: (c) => c.inspectorPool?.length ?? null,
    }),
    exclusionCount: t.int({
      nullable: true,
      description: 'How many inspector–institution pairs were excluded as conflicts (employers, previous campaign).',
      resolve: (c) => c.exclusions?.length ?? null,
    }),
    previousCampaignId: t.exposeID('previousCampaignId', {
      nullable: true,
      description: 'The previous campaign of overlapping scope, whose pairs this draw avoided.',
    }),
    drawnAt: t.field({ type: 'DateTime', nullable: true, description: '抽取时间', resolve: (c) => c.drawnAt }),
    publishedAt: t.field({ type: 'DateTime', nullable: true, description: '公开时间', resolve: (c) => c.publishedAt }),
    drawn: t.field({
      type: [DrawnInstitution],
      description: '抽取结果, in draw order, with the inspection results recorded so far.',
      resolve: async (c, _a, ctx) => (await ctx.loaders.drawnByCampaign.load(c.id)).map((d) => ({ ...d, campaign: c })),
    }),
    replay: t.field({
      type: DrawReplay,
      nullable: true,
      description: 'Re-runs the draw from the recorded seed and pools (null before the draw).',
      resolve: async (c, _a, ctx) => {
        const input = recordedInput(c);
        if (!input) return null;
        const again = draw(input);
        const [drawn, assigned] = await Promise.all([
          ctx.loaders.drawnByCampaign.load(c.id),
          ctx.loaders.assignmentsByCampaign.load(c.id),
        ]);
        const recorded = drawn.map((d) =>
          [
            d.enterpriseId,
            ...assigned
              .filter((a) => a.enterpriseId === d.enterpriseId)
              .map((a) => a.inspectorId)
              .sort(),
          ].join(','),
        );
        const rerun = again.drawn.map((d) => [d.enterpriseId, ...d.inspectorIds].join(','));
        return {
          matches: JSON.stringify(recorded) === JSON.stringify(rerun),
          enterpriseIds: again.drawn.map((d) => d.enterpriseId),
          passedOver: again.passedOver,
        };
      },
    }),
  }),
});

/** A campaign: public once published (一公开); before that, the authorities of its scope. */
objects.rule(Campaign, {
  owner: (c) => ({ enterpriseId: null, prefectureCode: c.prefectureCode }),
  sees: (caller, _owner, c) => seesCampaign(caller, c),
});

builder.objectField(SupervisionCase, 'campaign', (t) =>
  t.field({
    type: Campaign,
    nullable: true,
    description: 'The inspection campaign the case came from.',
    resolve: async (c, _a, ctx) => {
      if (!c.campaignId) return null;
      const campaign = await ctx.loaders.campaignById.load(c.campaignId);
      return campaign && seesCampaign(ctx.caller, campaign) ? campaign : null;
    },
  }),
);

const CampaignInput = builder.inputType('InspectionCampaignInput', {
  description: 'An inspection campaign: scope, period, how many institutions and inspectors.',
  fields: (t) => ({
    kind: t.field({ type: InspectionKind, required: true, description: '检查类型' }),
    title: t.string({ required: true, description: '任务名称' }),
    prefecture: t.string({ required: false, description: '范围: a 市州 (6-digit code); omit for the whole province' }),
    occupationCode: t.field({ type: 'OccupationCode', required: false, description: '专项督查 focus' }),
    periodStartsOn: t.field({ type: 'Date', required: true, description: '检查期间 from' }),
    periodEndsOn: t.field({ type: 'Date', required: true, description: '检查期间 to' }),
    institutionCount: t.int({ required: true, description: '抽取机构数 (1–500)' }),
    inspectorsPerInstitution: t.int({
      required: true,
      description: '每个机构的检查人员数 (1–5; 双随机 needs at least 2)',
    }),
    seed: t.string({
      required: false,
      description: '随机种子 (recorded and published); the hub makes one when omitted',
    }),
  }),
});

const CampaignPayload = builder
  .objectRef<{ campaign?: CampaignRow | null; errors: Refusal[] }>('InspectionCampaignPayload')
  .implement({
    description: 'The campaign after the change, or why it was refused (then nothing changed).',
    fields: (t) => ({
      campaign: t.field({
        type: Campaign,
        nullable: true,
        description: 'The campaign.',
        resolve: (p) => p.campaign ?? null,
      }),
      errors: t.field({ type: [UserError], description: 'Refusals; empty when done.', resolve: (p) => p.errors }),
    }),
  });

async function lockCampaign(tx: Tx, caller: Claims, id: string): Promise<CampaignRow> {
  const [c] = isUuid(id) ? await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update') : [];
  if (!c) stop('NOT_FOUND', 'no campaign has that id', 'id');
  stopIf(campaignScopeRefusal(caller, c.prefectureCode));
  return c;
}

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

builder.mutationFields((t) => ({
  createInspectionCampaign: t.field({
    type: CampaignPayload,
    description:
      '制定抽查任务: a 市州 authority for its own 市州, the province for the province; the seed is recorded at once.',
    authScopes: access('Mutation.createInspectionCampaign'),
    args: { input: t.arg({ type: CampaignInput, required: true, description: 'The campaign.' }) },
    resolve: (_root, { input }, ctx) =>
      change(ctx, async (tx) => {
        const prefecture = input.prefecture ?? null;
        if (prefecture !== null && !isPrefectureCode(prefecture)) {
          stop('BAD_PREFECTURE', `"${prefecture}" is not one of Hunan's 14 市州 codes`, 'prefecture');
        }
        stopIf(campaignScopeRefusal(ctx.caller, prefecture));
        const from = dateString(input.periodStartsOn) as string;
        const to = dateString(input.periodEndsOn) as string;
        if (to < from) stop('PERIOD_ORDER', 'the period ends before it starts', 'periodEndsOn');
        if (!input.title.trim()) stop('TITLE_REQUIRED', 'give the campaign a title', 'title');
        if (input.institutionCount < 1 || input.institutionCount > 500) {
          stop('BAD_COUNT', 'draw between 1 and 500 institutions', 'institutionCount');
        }
        const min = input.kind === 'RANDOM_INSPECTION' ? 2 : 1;
        if (input.inspectorsPerInstitution < min || input.inspectorsPerInstitution > 5) {
          stop(
            'BAD_INSPECTOR_COUNT',
            `${input.kind === 'RANDOM_INSPECTION' ? '双随机 sends at least 2 inspectors' : 'send at least 1 inspector'} and at most 5 to each institution`,
            'inspectorsPerInstitution',
          );
        }
        const seed = input.seed?.trim() || randomBytes(16).toString('hex');
        const [campaign] = await tx
          .insert(campaigns)
          .values({
            kind: input.kind,
            title: input.title.trim(),
            prefectureCode: prefecture,
            occupationCode: input.occupationCode ?? null,
            periodStartsOn: from,
            periodEndsOn: to,
            institutionCount: input.institutionCount,
            inspectorsPerInstitution: input.inspectorsPerInstitution,
            seed,
            algorithm: DRAW_ALGORITHM,
            createdBy: actorOf(ctx.caller),
            createdRole: ctx.caller.role,
          })
          .returning();
        return { campaign };
      }),
  }),
  drawInspectionCampaign: t.field({
    type: CampaignPayload,
    description:
      '双随机 抽取: institutions from the catalog and inspectors from the pool, by the recorded seed, never pairing an inspector with a current or former employer or an institution they inspected in the previous campaign; the pools and exclusions are recorded so the draw can be re-run.',
    authScopes: access('Mutation.drawInspectionCampaign'),
    args: { id: t.arg.id({ required: true, description: 'Campaign id.' }) },
    resolve: (_root, args, ctx) =>
      change(ctx, async (tx) => {
        // Draws are serialised: each one's "previous campaign" must be settled.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext('supervision:draw'))`);
        const c = await lockCampaign(tx, ctx.caller, String(args.id));
        if (c.status !== 'PLANNED') stop('ALREADY_DRAWN', `the campaign was drawn already (${c.status})`, 'id');
        const institutions = await catalogInstitutions(tx, { prefecture: c.prefectureCode });
        const pool = await tx
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
      }),
  }),
  publishInspectionCampaign: t.field({
    type: CampaignPayload,
    description:
      '一公开: publishes a drawn campaign — scope, seed, pools, drawn institutions and, as recorded, results.',
    authScopes: access('Mutation.publishInspectionCampaign'),
    args: { id: t.arg.id({ required: true, description: 'Campaign id.' }) },
    resolve: (_root, args, ctx) =>
      change(ctx, async (tx) => {
        const c = await lockCampaign(tx, ctx.caller, String(args.id));
        if (c.status !== 'DRAWN') {
          stop('CAMPAIGN_WRONG_STATE', `only a drawn campaign is published; this one is ${c.status}`, 'id');
        }
        const [updated] = await tx
          .update(campaigns)
          .set({ status: 'PUBLISHED', publishedAt: ctx.clock.now() })
          .where(eq(campaigns.id, c.id))
          .returning();
        return { campaign: updated };
      }),
  }),
  recordInspectionResult: t.field({
    type: CampaignPayload,
    description:
      '检查结果 for a drawn institution (an authority over it); published campaigns show it publicly. Open a case with openCase when issues were found.',
    authScopes: access('Mutation.recordInspectionResult'),
    args: {
      campaignId: t.arg.id({ required: true, description: 'Campaign id.' }),
      enterpriseId: t.arg.id({ required: true, description: 'The drawn institution.' }),
      outcome: t.arg({ type: InspectionOutcome, required: true, description: '检查结果' }),
      summary: t.arg.string({ required: true, description: '检查结果说明 (published)' }),
    },
    resolve: (_root, args, ctx) =>
      change(ctx, async (tx) => {
        const id = String(args.campaignId);
        const [c] = isUuid(id) ? await tx.select().from(campaigns).where(eq(campaigns.id, id)) : [];
        if (!c) stop('NOT_FOUND', 'no campaign has that id', 'campaignId');
        const enterpriseId = String(args.enterpriseId);
        const [d] = isUuid(enterpriseId)
          ? await tx
              .select()
              .from(campaignInstitutions)
              .where(and(eq(campaignInstitutions.campaignId, id), eq(campaignInstitutions.enterpriseId, enterpriseId)))
              .for('update')
          : [];
        if (!d) stop('NOT_DRAWN', 'the campaign’s draw did not pick this institution', 'enterpriseId');
        stopIf(actRefusal(ctx.caller, d.prefectureCode, 'this institution'));
        if (d.outcome) stop('RESULT_RECORDED', 'the result of this inspection is recorded already', 'enterpriseId');
        if (!args.summary.trim()) stop('SUMMARY_REQUIRED', 'describe the result', 'summary');
        await tx
          .update(campaignInstitutions)
          .set({
            outcome: args.outcome,
            resultSummary: args.summary.trim(),
            inspectedOn: ctx.clock.today(),
            recordedBy: actorOf(ctx.caller),
          })
          .where(and(eq(campaignInstitutions.campaignId, id), eq(campaignInstitutions.enterpriseId, enterpriseId)));
        return { campaign: c };
      }),
  }),
}));

builder.queryFields((t) => ({
  inspectionCampaigns: t.connection({
    type: Campaign,
    description:
      '抽查任务 (一公开): published campaigns for everyone, the public included; authorities also see their own scope’s unpublished ones. By id.',
    authScopes: access('Query.inspectionCampaigns'),
    args: {
      prefecture: t.arg.string({ required: false, description: 'Only campaigns of this 市州.' }),
      status: t.arg({ type: CampaignStatus, required: false, description: 'Only campaigns in this state.' }),
    },
    resolve: (_root, args, ctx) => {
      const where: (SQL | undefined)[] = [];
      const authority = isSupervisor(ctx.caller) || ctx.caller.role === 'ministry' || ctx.caller.role === 'admin';
      if (args.prefecture != null) {
        if (!isPrefectureCode(args.prefecture)) {
          throw hubError('BAD_USER_INPUT', `"${args.prefecture}" is not one of Hunan's 14 市州 codes`, {
            field: 'prefecture',
          });
        }
        const p = authority ? prefectureFilter(ctx.caller, args.prefecture) : args.prefecture;
        where.push(eq(campaigns.prefectureCode, p as string));
      }
      if (args.status) where.push(eq(campaigns.status, args.status));
      const reach = reachOf(ctx.caller);
      if (!authority) where.push(eq(campaigns.status, 'PUBLISHED'));
      else if (reach.kind === 'prefecture') {
        where.push(or(eq(campaigns.status, 'PUBLISHED'), eq(campaigns.prefectureCode, reach.prefecture)));
      }
      return forwardConnection(
        args,
        (c: CampaignRow) => c.id,
        (afterKey, limit) => keysetPage(ctx.db, campaigns, campaigns.id, { where, afterKey, limit }),
      );
    },
  }),
  inspectionCampaign: t.field({
    type: Campaign,
    nullable: true,
    description: 'One campaign by id: public once published; before that, for the authorities of its scope.',
    authScopes: access('Query.inspectionCampaign'),
    args: { id: t.arg.id({ required: true, description: 'Campaign id.' }) },
    resolve: async (_root, args, ctx) => {
      const c = await ctx.loaders.campaignById.load(String(args.id));
      return c && seesCampaign(ctx.caller, c) ? c : null;
    },
  }),
}));
