import type { announcementOpenings } from '@hub/db';
import { access, type Refusal } from '@hub/platform';
import { builder } from '../builder.ts';
import { publishAnnouncement } from '../commands/publish-announcement.ts';
import { institutionOwner, mayReadInstitution } from '../facts.ts';
import type { AnnouncementRow } from '../loaders.ts';
import { announcementPages } from '../queries/pages.ts';
import { countedConnection, TOTAL_COUNT_DESCRIPTION, totalOf } from './connection.ts';
import { SkillLevel } from './enums.ts';
import { payloadType } from './payload.ts';
import { objects } from './reach.ts';
import { EnterpriseRef, OccupationRef } from './refs.ts';

export const AnnouncementPeriod = builder.enumType('AnnouncementPeriod', {
  description: '发布周期: announcements are published yearly or quarterly (按年或按季度).',
  values: {
    YEARLY: { description: '年度公告' },
    QUARTERLY: { description: '季度公告' },
  } as const,
});

const Opening = builder.objectRef<typeof announcementOpenings.$inferSelect>('AnnouncementOpening').implement({
  description: '可开展认定的职业（工种）和级别: one occupation (or work type) and the levels open.',
  fields: (t) => ({
    occupation: t.field({ type: OccupationRef, description: '职业', resolve: (o) => ({ code: o.occupationCode }) }),
    workTypeCode: t.field({
      type: 'OccupationCode',
      nullable: true,
      description: '工种编码; null opens the whole occupation',
      resolve: (o) => o.workTypeCode,
    }),
    levels: t.field({
      type: [SkillLevel],
      description: '级别',
      resolve: (o) => o.levels as (1 | 2 | 3 | 4 | 5)[],
    }),
  }),
});

export const Announcement = builder.objectRef<AnnouncementRow>('Announcement').implement({
  description:
    '评价公告: what the institution opens to its workers for a year or a quarter, published before plans under it.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for this announcement.' }),
    institution: t.field({ type: EnterpriseRef, description: '发布机构', resolve: (a) => ({ id: a.institutionId }) }),
    title: t.exposeString('title', { description: '公告标题' }),
    period: t.field({ type: AnnouncementPeriod, description: '发布周期', resolve: (a) => a.period }),
    year: t.exposeInt('year', { description: '年度' }),
    quarter: t.exposeInt('quarter', { nullable: true, description: '季度 (1–4), for a quarterly announcement' }),
    publishedOn: t.field({ type: 'Date', description: '发布日期', resolve: (a) => a.publishedOn }),
    conditions: t.exposeString('conditions', { description: '申报条件' }),
    process: t.exposeString('process', { description: '报考流程' }),
    useOfResults: t.exposeString('useOfResults', { description: '评价结果运用' }),
    openings: t.field({
      type: [Opening],
      description: '可开展认定的职业（工种）目录和级别',
      resolve: (a, _x, ctx) => ctx.loaders.openingsByAnnouncement.load(a.id),
    }),
  }),
});

/** The institution's announcement, for it and the authorities over it today; a plan shows its own to whoever may read the plan. */
objects.rule(Announcement, { owner: (a, ctx) => institutionOwner(ctx, a.institutionId) });

const OpeningInput = builder.inputType('AnnouncementOpeningInput', {
  description: 'One occupation (or work type) and the levels the announcement opens.',
  fields: (t) => ({
    occupationCode: t.field({ type: 'OccupationCode', required: true, description: '职业编码' }),
    workTypeCode: t.field({ type: 'OccupationCode', required: false, description: '工种编码' }),
    levels: t.field({ type: [SkillLevel], required: true, description: '级别' }),
  }),
});

const PublishAnnouncementInput = builder.inputType('PublishAnnouncementInput', {
  description: '评价公告 content (公告内容主要包括职业目录和级别、申报条件、报考流程、评价结果运用).',
  fields: (t) => ({
    title: t.string({ required: true, description: '公告标题' }),
    period: t.field({ type: AnnouncementPeriod, required: true, description: '发布周期' }),
    year: t.int({ required: true, description: '年度' }),
    quarter: t.int({ required: false, description: '季度 (quarterly only)' }),
    conditions: t.string({ required: true, description: '申报条件' }),
    process: t.string({ required: true, description: '报考流程' }),
    useOfResults: t.string({ required: true, description: '评价结果运用' }),
    openings: t.field({ type: [OpeningInput], required: true, description: '职业（工种）目录和级别' }),
  }),
});

const PublishAnnouncementPayload = payloadType<{ announcement?: AnnouncementRow; errors: Refusal[] }>(
  'PublishAnnouncementPayload',
  'The announcement as published, or why not.',
  (t) => ({
    announcement: t.field({
      type: Announcement,
      nullable: true,
      description: 'The announcement.',
      resolve: (p) => p.announcement ?? null,
    }),
  }),
);

builder.mutationFields((t) => ({
  publishAnnouncement: t.field({
    type: PublishAnnouncementPayload,
    description: '评价工作委员会 publishes an announcement to the workers, today; plans come under it.',
    authScopes: access('Mutation.publishAnnouncement'),
    args: { input: t.arg({ type: PublishAnnouncementInput, required: true, description: 'The announcement' }) },
    resolve: (_r, { input }, ctx) => publishAnnouncement(ctx, input),
  }),
}));

builder.objectFields(EnterpriseRef, (t) => ({
  announcements: t.connection(
    {
      type: Announcement,
      description: '评价公告 this institution published (the institution and the authorities).',
      authScopes: async (e, _a, ctx) => mayReadInstitution(ctx, e.id),
      resolve: (e, args, ctx) => countedConnection(args, (a: AnnouncementRow) => a.id, announcementPages(ctx, e.id)),
    },
    { fields: (c) => ({ totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }) }) },
  ),
}));
