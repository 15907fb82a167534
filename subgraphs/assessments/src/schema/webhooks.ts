import { deliveriesPage, type WebhookDeliveryRow, type WebhookRow, webhooksOf } from '@hub/db';
import { access, forwardConnection, hubError, type Refusal } from '@hub/platform';
import { builder } from '../builder.ts';
import { pauseWebhook, registerWebhook, removeWebhook, resumeWebhook } from '../commands/webhooks.ts';
import { feedCursor, feedOwner } from '../queries/feed.ts';
import { payloadType } from './payload.ts';
import { objects } from './reach.ts';

/** 变更推送 webhooks: a partner's endpoint, its state, and its delivery log (推送记录). */

export const FeedTopic = builder.enumType('FeedTopic', {
  description: 'Which of an institution’s feeds: the lists certificateEvents, planEvents and candidateResultEvents.',
  values: {
    CERTIFICATE: { description: '证书变更 (certificateEvents)' },
    PLAN: { description: '评价计划结果变更 (planEvents)' },
    CANDIDATE_RESULT: { description: '参评人员评价结果变更 (candidateResultEvents)' },
  } as const,
});

const WebhookStatus = builder.enumType('WebhookStatus', {
  description: '推送状态',
  values: {
    ACTIVE: { description: '推送中' },
    PAUSED: { description: '已暂停: by the partner, or automatically after repeated failures; resumeWebhook goes on' },
  } as const,
});

const WebhookPauseReason = builder.enumType('WebhookPauseReason', {
  description: 'Why a webhook is paused.',
  values: {
    FAILURES: { description: '自动暂停: the endpoint failed HUB_WEBHOOK_PAUSE_AFTER deliveries in a row' },
    PARTNER: { description: 'Paused with pauseWebhook' },
  } as const,
});

const DeliveryOutcome = builder.enumType('WebhookDeliveryOutcome', {
  description: 'How one delivery attempt ended.',
  values: {
    DELIVERED: { description: 'The endpoint answered 2xx: the event is acknowledged' },
    FAILED: { description: 'Anything else (another status, a redirect, no answer in time): retried after a back-off' },
  } as const,
});

const WebhookDelivery = builder.objectRef<WebhookDeliveryRow>('WebhookDelivery').implement({
  description: '推送记录: one attempt to deliver one event to a webhook.',
  fields: (t) => ({
    id: t.id({ description: 'The attempt’s number in the hub’s log.', resolve: (d) => String(d.id) }),
    eventId: t.id({
      description: 'The event delivered (its id; the Idempotency-Key header).',
      resolve: (d) => d.eventId,
    }),
    cursor: t.string({ description: 'The event’s cursor in the feed.', resolve: (d) => feedCursor(d.position) }),
    attempt: t.exposeInt('attempt', { description: '1 for the first attempt at this event, 2 for its first retry, …' }),
    attemptedAt: t.field({
      type: 'DateTime',
      description: 'When it was sent (the hub’s clock).',
      resolve: (d) => d.attemptedAt,
    }),
    outcome: t.field({ type: DeliveryOutcome, description: '结果', resolve: (d) => d.outcome }),
    statusCode: t.exposeInt('statusCode', {
      nullable: true,
      description: 'The endpoint’s HTTP status; null when it did not answer.',
    }),
    error: t.exposeString('error', { nullable: true, description: 'Why it failed, in a few words.' }),
    durationMs: t.exposeInt('durationMs', { description: 'How long the attempt took (ms).' }),
  }),
});

export const Webhook = builder.objectRef<WebhookRow>('Webhook').implement({
  description:
    '推送地址: a partner HR system’s HTTPS endpoint, to which the institution’s feed is pushed in feed order, signed.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for the webhook (the Skill-Hub-Webhook-Id header).' }),
    url: t.exposeString('url', { description: 'The endpoint events are POSTed to.' }),
    topics: t.field({ type: [FeedTopic], description: 'The feeds it receives.', resolve: (w) => w.topics }),
    description: t.exposeString('description', { nullable: true, description: '说明' }),
    status: t.field({ type: WebhookStatus, description: '推送状态', resolve: (w) => w.status }),
    pausedReason: t.field({
      type: WebhookPauseReason,
      nullable: true,
      description: 'Why it is paused; null while active.',
      resolve: (w) => (w.status === 'PAUSED' ? (w.pausedReason as 'FAILURES' | 'PARTNER' | null) : null),
    }),
    pausedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was paused.',
      resolve: (w) => w.pausedAt,
    }),
    cursor: t.string({
      nullable: true,
      description: 'The cursor of the last event it acknowledged (or skipped as of another feed); null before any.',
      resolve: (w) => (w.position > 0 ? feedCursor(w.position) : null),
    }),
    failures: t.exposeInt('failures', {
      description: 'Failed deliveries in a row; it pauses at HUB_WEBHOOK_PAUSE_AFTER.',
    }),
    nextAttemptAt: t.field({
      type: 'DateTime',
      description: 'When the next delivery may be made (after a failure: its back-off).',
      resolve: (w) => w.nextAttemptAt,
    }),
    lastSuccessAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The last delivery acknowledged.',
      resolve: (w) => w.lastSuccessAt,
    }),
    lastFailureAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'The last failed attempt.',
      resolve: (w) => w.lastFailureAt,
    }),
    lastError: t.exposeString('lastError', { nullable: true, description: 'Why the last failed attempt failed.' }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was registered.', resolve: (w) => w.createdAt }),
    removedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was removed; null while registered.',
      resolve: (w) => w.removedAt,
    }),
    deliveries: t.connection({
      type: WebhookDelivery,
      description: '推送记录: every delivery attempt, newest first.',
      resolve: (w, args, ctx) =>
        forwardConnection(
          args,
          (d: WebhookDeliveryRow) => String(d.id),
          (key, limit) => {
            if (key !== undefined && !/^\d{1,15}$/.test(key))
              throw hubError('BAD_USER_INPUT', '该游标不是推送记录返回的游标', { field: 'after' });
            return deliveriesPage(ctx.db, w.id, key === undefined ? undefined : Number(key), limit);
          },
        ),
    }),
  }),
});

// A webhook is the institution's own: only it and its partner systems see it (never its secret).
objects.rule(Webhook, { owner: (w) => ({ enterpriseId: w.enterpriseId, prefectureCode: null }) });

const WebhookPayload = payloadType<{ webhook?: WebhookRow; errors: Refusal[] }>(
  'WebhookPayload',
  'The webhook as it now stands, or why the change was refused (then nothing changed).',
  (t) => ({
    webhook: t.field({ type: Webhook, nullable: true, description: 'The webhook.', resolve: (p) => p.webhook ?? null }),
  }),
);

const RegisterWebhookInput = builder.inputType('RegisterWebhookInput', {
  description: 'A partner endpoint for the institution’s feed.',
  fields: (t) => ({
    url: t.string({
      required: true,
      description: 'HTTPS address events are POSTed to (no user name, password or #fragment).',
    }),
    secret: t.string({
      required: true,
      description:
        '签名密钥: 32–256 visible ASCII characters the partner keeps; each delivery is signed with it (HMAC-SHA256). Never shown again.',
    }),
    topics: t.field({ type: [FeedTopic], required: false, description: 'The feeds to receive (default: all three).' }),
    description: t.string({ required: false, description: '说明, up to 200 characters.' }),
    after: t.string({
      required: false,
      description: 'A feed cursor: deliver the events after it (default: only events from now on).',
    }),
    fromStart: t.boolean({ required: false, description: 'Deliver the whole feed from its first event.' }),
  }),
});

builder.queryFields((t) => ({
  webhooks: t.field({
    type: [Webhook],
    description: '推送地址 of the caller’s institution (an enterprise or its partner HR system), oldest first.',
    authScopes: access('Query.webhooks'),
    args: {
      includeRemoved: t.arg.boolean({ required: false, description: 'Removed ones too (their logs stay readable).' }),
    },
    resolve: (_root, args, ctx) => {
      const owner = feedOwner(ctx);
      return owner ? webhooksOf(ctx.db, owner, args.includeRemoved ?? false) : [];
    },
  }),
}));

builder.mutationFields((t) => ({
  registerWebhook: t.field({
    type: WebhookPayload,
    description:
      '注册推送地址: the institution’s feed is POSTed to this endpoint, one event a request in feed order, signed (Skill-Hub-Signature: t=…,v1=HMAC-SHA256 of "t.body"), the event id as Idempotency-Key; retried with back-off, paused after repeated failures. The enterprise or a write-enabled partner system.',
    authScopes: access('Mutation.registerWebhook'),
    args: { input: t.arg({ type: RegisterWebhookInput, required: true, description: 'The endpoint.' }) },
    resolve: (_root, args, ctx) => registerWebhook(ctx, args.input),
  }),
  pauseWebhook: t.field({
    type: WebhookPayload,
    description: '暂停推送: nothing is delivered until resumeWebhook; the feed keeps every event meanwhile.',
    authScopes: access('Mutation.pauseWebhook'),
    args: { id: t.arg.id({ required: true, description: 'The webhook.' }) },
    resolve: (_root, args, ctx) => pauseWebhook(ctx, { id: args.id }),
  }),
  resumeWebhook: t.field({
    type: WebhookPayload,
    description:
      '恢复推送: delivery goes on at once from the first event not yet acknowledged, the failures counted afresh.',
    authScopes: access('Mutation.resumeWebhook'),
    args: { id: t.arg.id({ required: true, description: 'The webhook.' }) },
    resolve: (_root, args, ctx) => resumeWebhook(ctx, { id: args.id }),
  }),
  removeWebhook: t.field({
    type: WebhookPayload,
    description:
      '删除推送地址: nothing more is delivered; its delivery log stays readable (webhooks(includeRemoved: true)).',
    authScopes: access('Mutation.removeWebhook'),
    args: { id: t.arg.id({ required: true, description: 'The webhook.' }) },
    resolve: (_root, args, ctx) => removeWebhook(ctx, { id: args.id }),
  }),
}));
