import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import { hubError } from './errors.ts';

/**
 * Cursor connections (first/after, edges, pageInfo). A cursor is the opaque
 * base64url form of the row's sort key, so pages stay stable while rows are added.
 */

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

/** Decodes a cursor; undefined when absent, and a BAD_USER_INPUT error when it was not made by this API. */
export function decodeCursor(cursor: string | null | undefined): string | undefined {
  if (!cursor) return undefined;
  const key = /^[A-Za-z0-9_-]{1,400}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!key) throw hubError('BAD_USER_INPUT', 'the "after" cursor is not one this API returned', { field: 'after' });
  return key;
}

/**
 * Resolves a forward connection: `fetch` gets the decoded key to start after
 * and how many rows to read (one more than the page, to learn hasNextPage),
 * and must order rows by that key.
 */
export async function forwardConnection<T>(
  args: DefaultConnectionArguments,
  keyOf: (row: T) => string,
  fetch: (afterKey: string | undefined, limit: number) => Promise<T[]>,
) {
  if (args.last != null || args.before != null) {
    throw hubError('BAD_USER_INPUT', 'pages go forward only: use "first" and "after"', { field: 'last' });
  }
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw hubError('BAD_USER_INPUT', `"first" must be between 0 and ${MAX_PAGE_SIZE}`, { field: 'first' });
  }
  const rows = await fetch(decodeCursor(args.after), first + 1);
  const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: args.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
