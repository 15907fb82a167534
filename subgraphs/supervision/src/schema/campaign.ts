import { access, type Claims, forwardConnection, hubError, partOf, type Refusal, reachOf } from '@hub/platform';
import { isPrefectureCode } from '@hub/vocabulary';
import { builder, Prefecture, UserError } from '../builder.ts';
import { createInspectionCampaign } from '../commands/create-inspection-campaign.ts';
import { drawInspectionCampaign } from '../commands/draw-inspection-campaign.ts';
import { publishInspectionCampaign } from '../commands/publish-inspection-campaign.ts';
import { recordInspectionResult } from '../commands/record-inspection-result.ts';
import type { CampaignRow, DrawnRow } from '../loaders.ts';
import { campaignsPage } from '../queries/campaigns.ts';
import { actRefusal, isSupervisor } from '../rules/access.ts';
import { draw, recordedInput } from '../rules/draw.ts';
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

builder.mutationFields((t) => ({
  createInspectionCampaign: t.field({
    type: CampaignPayload,
    description:
      '制定抽查任务: a 市州 authority for its own 市州, the province for the province; the seed is recorded at once.',
    authScopes: access('Mutation.createInspectionCampaign'),
    args: { input: t.arg({ type: CampaignInput, required: true, description: 'The campaign.' }) },
    resolve: (_root, { input }, ctx) => createInspectionCampaign(ctx, input),
  }),
  drawInspectionCampaign: t.field({
    type: CampaignPayload,
    description:
      '双随机 抽取: institutions from the catalog and inspectors from the pool, by the recorded seed, never pairing an inspector with a current or former employer or an institution they inspected in the previous campaign; the pools and exclusions are recorded so the draw can be re-run.',
    authScopes: access('Mutation.drawInspectionCampaign'),
    args: { id: t.arg.id({ required: true, description: 'Campaign id.' }) },
    resolve: (_root, args, ctx) => drawInspectionCampaign(ctx, String(args.id)),
  }),
  publishInspectionCampaign: t.field({
    type: CampaignPayload,
    description:
      '一公开: publishes a drawn campaign — scope, seed, pools, drawn institutions and, as recorded, results.',
    authScopes: access('Mutation.publishInspectionCampaign'),
    args: { id: t.arg.id({ required: true, description: 'Campaign id.' }) },
    resolve: (_root, args, ctx) => publishInspectionCampaign(ctx, String(args.id)),
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
      recordInspectionResult(ctx, {
        ...args,
        campaignId: String(args.campaignId),
        enterpriseId: String(args.enterpriseId),
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
      const authority = isSupervisor(ctx.caller) || ctx.caller.role === 'ministry' || ctx.caller.role === 'admin';
      let prefecture: string | null = null;
      if (args.prefecture != null) {
        if (!isPrefectureCode(args.prefecture)) {
          throw hubError('BAD_USER_INPUT', `"${args.prefecture}" is not one of Hunan's 14 市州 codes`, {
            field: 'prefecture',
          });
        }
        prefecture = authority ? prefectureFilter(ctx.caller, args.prefecture) : args.prefecture;
      }
      const filter = { prefecture, status: args.status ?? null, authority };
      return forwardConnection(
        args,
        (c: CampaignRow) => c.id,
        (afterKey, limit) => campaignsPage(ctx.db, ctx.caller, filter, afterKey, limit),
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
