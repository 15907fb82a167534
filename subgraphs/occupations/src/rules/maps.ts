/** Small helpers over Maps, shared by the matcher's indexes. */

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
