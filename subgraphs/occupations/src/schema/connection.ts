import { forwardConnection } from '@hub/platform';

/**
 * Connections with `totalCount`: a page of a list, and the list's whole length — counted only when a
 * query asks for it (the same shape and words as the other subgraphs').
 */
export const TOTAL_COUNT_DESCRIPTION =
  'How many items the whole list holds with these arguments (all pages), within the caller’s reach.';

interface Counted {
  totalCount: () => Promise<number>;
}

/** The connection of one page (`page`) with its total (`count`, run on demand). */
export async function countedConnection<T>(
  args: Parameters<typeof forwardConnection>[0],
  keyOf: (row: T) => string,
  page: (afterKey: string | undefined, limit: number) => Promise<T[]>,
  count: () => Promise<number>,
) {
  return { ...(await forwardConnection(args, keyOf, page)), totalCount: count };
}

/** Resolves `totalCount` of such a connection. */
export const totalOf = (c: unknown) => (c as Counted).totalCount();
