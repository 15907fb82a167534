import {
  countWebhooks,
  encryptText,
  type FeedTopic,
  isUuid,
  lastFeedPosition,
  type WebhookRow,
  webhooks,
} from '@hub/db';
import { decodeCursor } from '@hub/platform';
import { hubConfig, isProductionConfig } from '@hub/platform/config';
import { and, eq, isNull } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actingInstitution, change, stop, stopIf, type Tx } from '../change.ts';
import { problem } from '../rules/types.ts';
import { endpointProblems, MAX_WEBHOOKS, secretProblems } from '../rules/webhooks.ts';

export const FEED_TOPICS: readonly FeedTopic[] = ['CERTIFICATE', 'PLAN', 'CANDIDATE_RESULT'];

export interface RegisterWebhookInput {
  url: string;
  secret: string;
  topics?: readonly FeedTopic[] | null;
  description?: string | null;
  /** A feed cursor: deliver the events after it. */
  after?: string | null;
  /** Deliver the institution's whole feed, from its first event. */
  fromStart?: boolean | null;
}

/** The feed position a new webhook starts after: a cursor given, the start, or (default) now. */
async function startingPosition(tx: Tx, institutionId: string, input: RegisterWebhookInput): Promise<number> {
  const last = await lastFeedPosition(tx, institutionId);
  if (input.after && input.fromStart) stop('WEBHOOK_START_AMBIGUOUS', '“after” 与 “fromStart” 只能选其一', 'after');
  if (input.fromStart) return 0;
  if (!input.after) return last;
  let key: string | undefined;
  try {
    key = decodeCursor(input.after);
  } catch {
    key = undefined;
  }
  if (!key || !/^\d{1,15}$/.test(key) || Number(key) > last)
    stop('WEBHOOK_CURSOR_INVALID', '该游标不是本机构变更推送返回的游标', 'after');
  return Number(key);
}

/**
 * 注册推送地址: an institution (or its write-enabled partner system) registers an HTTPS endpoint and
 * a signing secret; its feed is pushed there from now on (or from a cursor, or from the start).
 */
export function registerWebhook(ctx: Context, input: RegisterWebhookInput) {
  return change(ctx, async (tx) => {
    const institutionId = actingInstitution(ctx);
    const topics = [...new Set(input.topics ?? FEED_TOPICS)];
    const description = input.description?.trim() || null;
    stopIf([
      ...endpointProblems(input.url, isProductionConfig(hubConfig())),
      ...secretProblems(input.secret),
      ...(topics.length ? [] : [problem('WEBHOOK_TOPICS_EMPTY', '至少订阅一类变更', 'topics')]),
      ...(description && description.length > 200
        ? [problem('WEBHOOK_DESCRIPTION_TOO_LONG', '说明不超过200个字符', 'description')]
        : []),
    ]);
    const position = await startingPosition(tx, institutionId, input);
    if ((await countWebhooks(tx, institutionId)) >= MAX_WEBHOOKS)
      stop('WEBHOOK_LIMIT', `每个机构最多登记${MAX_WEBHOOKS}个推送地址，请先删除不用的`);
    const now = ctx.clock.now();
    const [webhook] = await tx
      .insert(webhooks)
      .values({
        enterpriseId: institutionId,
        url: input.url.trim(),
        secretEnc: encryptText(input.secret),
        topics,
        description,
        position,
        nextAttemptAt: now,
        createdBy: `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`,
        createdAt: now,
      })
      .returning();
    return { webhook: webhook as WebhookRow };
  });
}

/** The caller's institution's webhook by id, locked; WEBHOOK_NOT_FOUND for anyone else's or a removed one. */
async function ownWebhook(tx: Tx, ctx: Context, id: string): Promise<WebhookRow> {
  const institutionId = actingInstitution(ctx);
  const [w] = isUuid(id)
    ? await tx
        .select()
        .from(webhooks)
        .where(and(eq(webhooks.id, id), eq(webhooks.enterpriseId, institutionId), isNull(webhooks.removedAt)))
        .for('update')
    : [];
  if (!w) stop('WEBHOOK_NOT_FOUND', '本机构没有该推送地址', 'id');
  return w;
}

/** 暂停推送: nothing is delivered until resumed; events keep coming into the feed meanwhile. */
export function pauseWebhook(ctx: Context, input: { id: string | number }) {
  return change(ctx, async (tx) => {
    const w = await ownWebhook(tx, ctx, String(input.id));
    if (w.status === 'PAUSED') stop('WEBHOOK_ALREADY_PAUSED', '该推送地址已暂停', 'id');
    const [updated] = await tx
      .update(webhooks)
      .set({ status: 'PAUSED', pausedReason: 'PARTNER', pausedAt: ctx.clock.now() })
      .where(eq(webhooks.id, w.id))
      .returning();
    return { webhook: updated as WebhookRow };
  });
}

/**
 * 恢复推送: delivery goes on at once from the first event not yet acknowledged, with the failures
 * in a row counted afresh (a webhook paused for failures gets its full run of retries again).
 */
export function resumeWebhook(ctx: Context, input: { id: string | number }) {
  return change(ctx, async (tx) => {
    const w = await ownWebhook(tx, ctx, String(input.id));
    if (w.status === 'ACTIVE') stop('WEBHOOK_NOT_PAUSED', '该推送地址未暂停', 'id');
    const [updated] = await tx
      .update(webhooks)
      .set({ status: 'ACTIVE', pausedReason: null, pausedAt: null, failures: 0, nextAttemptAt: ctx.clock.now() })
      .where(eq(webhooks.id, w.id))
      .returning();
    return { webhook: updated as WebhookRow };
  });
}

/** 删除推送地址: nothing more is delivered; its delivery log stays readable. */
export function removeWebhook(ctx: Context, input: { id: string | number }) {
  return change(ctx, async (tx) => {
    const w = await ownWebhook(tx, ctx, String(input.id));
    const [updated] = await tx
      .update(webhooks)
      .set({ removedAt: ctx.clock.now() })
      .where(eq(webhooks.id, w.id))
      .returning();
    return { webhook: updated as WebhookRow };
  });
}
