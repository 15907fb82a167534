/** A connection page with its total, counted only when the query asks for `totalCount`. */
export interface Counted {
  totalCount: () => Promise<number>;
}

export function withTotal<C extends object>(page: Promise<C>, total: () => Promise<number>): Promise<C & Counted> {
  return page.then((c) => ({ ...c, totalCount: total }));
}

export const TOTAL_COUNT_DESCRIPTION =
  'How many items the whole list holds with these arguments (all pages), within the caller’s reach.';

export const totalOf = (c: unknown) => (c as Counted).totalCount();
