import { randomBytes } from 'node:crypto';
import { campaigns } from '@hub/db';
import { isPrefectureCode } from '@hub/vocabulary';
import type { Context } from '../builder.ts';
import { actorOf, change, dateString, stop, stopIf } from '../change.ts';
import type { CampaignRow } from '../loaders.ts';
import { campaignScopeRefusal } from '../rules/access.ts';
import { DRAW_ALGORITHM } from '../rules/draw.ts';
import type { CampaignOutcome } from './campaign-steps.ts';

export interface CampaignArgs {
  kind: CampaignRow['kind'];
  title: string;
  prefecture?: string | null;
  occupationCode?: string | null;
  periodStartsOn: Date | string;
  periodEndsOn: Date | string;
  institutionCount: number;
  inspectorsPerInstitution: number;
  seed?: string | null;
}

/** 制定抽查任务: a 市州 authority for its own 市州, the province for the province; the seed is recorded at once. */
export function createInspectionCampaign(ctx: Context, input: CampaignArgs): CampaignOutcome {
  return change(ctx, async (tx) => {
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
  });
}
