import { forwardConnection } from '@hub/platform';
import type { Pages } from '../queries/pages.ts';

/** A connection page with its total, counted only when the query asks for `totalCount`. */
interface Counted {
  totalCount: () => Promise<number>;
}

export const TOTAL_COUNT_DESCRIPTION =
  'How many items the whole list holds with these arguments (all pages), within the caller’s reach.';

/** The connection of `pages` for these arguments, with its total counted on demand. */
export async function countedConnection<T>(
  args: Parameters<typeof forwardConnection>[0],
  keyOf: (row: T) => string,
  pages: Pages<T>,
) {
  const page = await forwardConnection(args, keyOf, pages.page);
  return { ...page, totalCount: pages.count };
}

export const totalOf = (c: unknown) => (c as Counted).totalCount();
