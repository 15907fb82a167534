import { type FeedEventRow, type FeedTopic, feedEventsPage } from '@hub/db';
import { decodeCursor, encodeCursor, forwardConnection, hubError } from '@hub/platform';
import type { Context } from '../builder.ts';

/**
 * The cursor of a feed event: its position in its institution's feed, opaque to the partner. The
 * same cursor serves every topic's list (positions are shared, each list skips the others').
 */
export const feedCursor = (position: number) => encodeCursor(String(position));

/** The position a decoded cursor names (a whole number), or BAD_USER_INPUT on `field`. */
function positionOf(key: string, field: string): number {
  if (!/^\d{1,15}$/.test(key)) throw hubError('BAD_USER_INPUT', '该游标不是变更推送返回的游标', { field });
  return Number(key);
}

/** The position an optional cursor argument names; 0 (the start of the feed) when there is none. */
export function positionAfter(cursor: string | null | undefined, field = 'after'): number {
  const key = decodeCursor(cursor);
  return key === undefined ? 0 : positionOf(key, field);
}

/** The institution whose feed the caller reads: its own (an enterprise or its HR system), or none. */
export function feedOwner(ctx: Context): string | undefined {
  const { role, enterpriseId } = ctx.caller;
  return role === 'enterprise' || role === 'hr_partner' ? enterpriseId : undefined;
}

/**
 * One page of the caller's feed of one topic, oldest first after the cursor. Read on the primary:
 * a partner that has just been told of an event (by a webhook) finds it here.
 */
export function feedConnection(ctx: Context, topic: FeedTopic, args: Parameters<typeof forwardConnection>[0]) {
  const owner = feedOwner(ctx);
  return forwardConnection(
    args,
    (e: FeedEventRow) => String(e.position),
    async (key, limit) =>
      owner ? feedEventsPage(ctx.db, owner, [topic], key === undefined ? 0 : positionOf(key, 'after'), limit) : [],
  );
}
