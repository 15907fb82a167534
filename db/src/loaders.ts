import DataLoader from 'dataloader';

/** Ids in the hub are UUIDs; anything else cannot name a row and is answered without a query. */
export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Loads the rows for many keys in one statement and hands them back in key order (null when absent); keys are UUIDs unless `valid` says otherwise. */
export function keyedLoader<R>(
  fetch: (keys: string[]) => Promise<R[]>,
  keyOf: (row: R) => string,
  valid: (key: string) => boolean = isUuid,
) {
  return new DataLoader<string, R | null>(async (keys) => {
    const wanted = [...new Set(keys.filter(valid))];
    const rows = wanted.length ? await fetch(wanted) : [];
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** Loads the rows of many parents in one statement, grouped by parent in key order. */
export function groupedLoader<R>(
  fetch: (keys: string[]) => Promise<R[]>,
  parentOf: (row: R) => string,
  valid: (key: string) => boolean = isUuid,
) {
  return new DataLoader<string, R[]>(async (keys) => {
    const wanted = [...new Set(keys.filter(valid))];
    const rows = wanted.length ? await fetch(wanted) : [];
    const byParent = new Map<string, R[]>();
    for (const r of rows) byParent.set(parentOf(r), [...(byParent.get(parentOf(r)) ?? []), r]);
    return keys.map((k) => byParent.get(k) ?? []);
  });
}
