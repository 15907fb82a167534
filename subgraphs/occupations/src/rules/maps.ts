/** Small helpers over Maps and arrays, shared by the matcher's indexes. */

/** The value under `key`, made by `make` when missing. */
export function upsert<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** The number of `key` in `ids`: its existing one, or the next (the map's size) for a new key. */
export function idOf<K>(ids: Map<K, number>, key: K): number {
  return upsert(ids, key, () => ids.size);
}

/**
 * The indices of the `k` largest positive values, largest first, ties by index (one pass, insertion
 * into k places); with `allow`, among the indices it admits.
 */
export function largestPositive(values: ArrayLike<number>, k: number, allow?: (i: number) => boolean): number[] {
  const best: number[] = [];
  if (k <= 0) return best;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v <= 0 || (best.length === k && v <= (values[best[k - 1] as number] as number))) continue;
    if (allow && !allow(i)) continue;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && (values[best[at - 1] as number] as number) < v) {
      best[at] = best[at - 1] as number;
      at--;
    }
    best[at] = i;
  }
  return best;
}
