/**
 * Reranker variants on cached candidate lists (lists.ts): trains on each outer fold's cached
 * training lists, scores its held-out lists as matchOccupations orders them. Scratch harness.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { deserialize } from 'node:v8';
import { type Reranker, rerankerMargin } from '@hub/occupations/rules';
import type { CachedFold, CachedList } from './lists.ts';

export function loadFolds(dir: string, k: number): CachedFold[] {
  const out: CachedFold[] = [];
  for (let f = 0; f < k; f++) out.push(deserialize(readFileSync(`${dir}/k${k}-f${f}.bin`)) as CachedFold);
  return out;
}

/** The codes matchOccupations would return (top `n`), hit flags, given a margin per candidate. */
export function ranked(l: CachedList, z: number[], n = 3): boolean[] {
  const order = l.cands.map((_, i) => i);
  order.sort(
    (a, b) => (l.cands[b]?.rule ?? 0) - (l.cands[a]?.rule ?? 0) || (z[b] as number) - (z[a] as number) || a - b,
  );
  const byOcc = new Map<string, number>();
  for (const i of order) {
    const c = l.cands[i];
    if (!c) continue;
    const have = byOcc.get(c.occupationCode);
    if (have === undefined) byOcc.set(c.occupationCode, i);
    else if ((c.x[1] ?? 0) > (l.cands[have]?.x[1] ?? 0)) byOcc.set(c.occupationCode, i);
  }
  return [...byOcc.values()].slice(0, n).map((i) => l.cands[i]?.hit ?? false);
}

export interface Score {
  top1: number;
  top3: number;
  hits: Record<string, [boolean, boolean]>;
}

export function scoreLists(lists: CachedList[], margins: (l: CachedList) => number[]): Score {
  let t1 = 0;
  let t3 = 0;
  const hits: Record<string, [boolean, boolean]> = {};
  lists.forEach((l, i) => {
    const h = ranked(l, margins(l));
    const a = !!h[0];
    const b = h.some(Boolean);
    if (a) t1++;
    if (b) t3++;
    hits[`${i}\t${l.title}`] = [a, b];
  });
  return { top1: t1 / lists.length, top3: t3 / lists.length, hits };
}

export const marginsOf = (r: Reranker) => (l: CachedList) => l.cands.map((c) => rerankerMargin(r, c.x));

/** The softmax of a list's margins: each candidate's probability among the list's. */
export function softmax(z: readonly number[]): number[] {
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

export function writeHits(file: string, all: Record<string, Record<string, [boolean, boolean]>>) {
  writeFileSync(file, JSON.stringify(all));
}
