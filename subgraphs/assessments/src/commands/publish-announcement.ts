import { announcementOpenings, announcements } from '@hub/db';
import type { Context } from '../builder.ts';
import { actingInstitution, change, stop, stopIf } from '../change.ts';
import { institutionOf } from '../facts.ts';
import { announcementInputProblems } from '../rules/plan.ts';

export interface PublishAnnouncementInput {
  title: string;
  period: 'YEARLY' | 'QUARTERLY';
  year: number;
  quarter?: number | null;
  conditions: string;
  process: string;
  useOfResults: string;
  openings: readonly { occupationCode: string; workTypeCode?: string | null; levels: readonly number[] }[];
}

/** 评价公告: published today by a confirmed institution, stating its conditions, process and use of results. */
const ANNOUNCEMENT_FIELDS = {
  title: '标题',
  conditions: '申报条件',
  process: '评价流程',
  useOfResults: '结果使用',
} as const;

export function publishAnnouncement(ctx: Context, input: PublishAnnouncementInput) {
  return change(ctx, async (tx) => {
    const institutionId = actingInstitution(ctx);
    const inst = await institutionOf(tx, institutionId);
    if (!inst.institutionCode) {
      stop(
        'INSTITUTION_NOT_CONFIRMED',
        'only an institution whose filing is confirmed (备案确认) announces evaluations',
      );
    }
    stopIf(
      announcementInputProblems({ period: input.period, quarter: input.quarter ?? null, openings: input.openings }),
    );
    for (const [field, value] of [
      ['title', input.title],
      ['conditions', input.conditions],
      ['process', input.process],
      ['useOfResults', input.useOfResults],
    ] as const) {
      if (!value.trim()) stop('ANNOUNCEMENT_INCOMPLETE', `评价公告须写明${ANNOUNCEMENT_FIELDS[field]}`, field);
    }
    const [announcement] = await tx
      .insert(announcements)
      .values({
        institutionId,
        title: input.title.trim(),
        period: input.period,
        year: input.year,
        quarter: input.quarter ?? null,
        publishedOn: ctx.clock.today(),
        conditions: input.conditions.trim(),
        process: input.process.trim(),
        useOfResults: input.useOfResults.trim(),
      })
      .returning();
    if (!announcement) throw new Error('insert returned no row');
    await tx.insert(announcementOpenings).values(
      input.openings.map((o) => ({
        announcementId: announcement.id,
        occupationCode: o.occupationCode,
        workTypeCode: o.workTypeCode ?? null,
        levels: [...new Set(o.levels)],
      })),
    );
    return { announcement };
  });
}
