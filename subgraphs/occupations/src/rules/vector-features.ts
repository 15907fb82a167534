/**
 * The reranker's word-vector features (rules/word-vectors.ts): how near a title is in meaning to the
 * role names confirmed for a candidate 职业 — the vote of the nearest confirmed role names and the
 * centroid of its own. They reach titles that share no word with any confirmed role name (美工 ~
 * 平面设计, 文员 ~ 秘书). The title is not compared with the dictionary's names and texts by meaning:
 * measured (README "Occupations and matching"), it moved the held-out figures by no more than their
 * noise and blurred sister trades (粤菜 lies as near 西餐 as 中餐), costing two of the examples.
 */
import { tradeTermsIn } from './lexicon.ts';
import { largestPositive } from './maps.ts';
import type { Segmenter } from './segment.ts';
import { dot, textVector, unit, type WordVectors } from './word-vectors.ts';

/** A text's vector (jieba's accurate cut; a word the vectors lack read by the lexicon's terms or its parts). */
export type TextVectors = (text: string) => Float32Array | null;

export function textVectors(wv: WordVectors, segment: Segmenter): TextVectors {
  const cut = segment.words ?? segment;
  // 塔吊 (not in the vectors) → 塔式, 起重机; 育儿嫂 → 育儿, 嫂.
  const parts = (word: string) => {
    const terms = tradeTermsIn(word);
    return terms.length ? terms : segment(word);
  };
  return (text) => textVector(wv, cut(text), parts);
}

/** The confirmed role names' vectors, each with its 职业 (the index's text-space number) and count. */
export interface RoleVectors {
  /** The unit vectors, one after another (`at.length` of them). */
  matrix: Float32Array;
  /** The role name as confirmed (for reasons). */
  names: string[];
  at: number[];
  count: number[];
  /** Per 职业, the unit mean of its role names' vectors (each counted as often as confirmed). */
  centroid: Map<number, Float32Array>;
}

export function buildRoleVectors(
  text: TextVectors | null,
  roles: readonly { name: string; text: string; at: number; count: number }[],
): RoleVectors {
  const out: RoleVectors = { matrix: new Float32Array(0), names: [], at: [], count: [], centroid: new Map() };
  if (!text) return out;
  const sums = new Map<number, Float32Array>();
  const vecs: Float32Array[] = [];
  for (const r of roles) {
    const v = text(r.text);
    if (!v || r.at < 0) continue;
    vecs.push(v);
    out.names.push(r.name);
    out.at.push(r.at);
    out.count.push(r.count);
    let sum = sums.get(r.at);
    if (!sum) {
      sum = new Float32Array(v.length);
      sums.set(r.at, sum);
    }
    for (let d = 0; d < v.length; d++) sum[d] = (sum[d] as number) + (v[d] as number) * r.count;
  }
  for (const [at, sum] of sums) {
    const u = unit(sum);
    if (u) out.centroid.set(at, u);
  }
  const dim = vecs[0]?.length ?? 0;
  out.matrix = new Float32Array(vecs.length * dim);
  vecs.forEach((v, i) => {
    out.matrix.set(v, i * dim);
  });
  return out;
}

/** The near and the wide neighbourhood of confirmed role names, by word-vector cosine. */
export const VECTOR_NEIGHBOURS = [5, 25] as const;

export const VECTOR_FEATURES = ['vecNearVote', 'vecNearBest', 'vecWideVote', 'vecWideBest', 'vecCentroid'] as const;

/**
 * VECTOR_FEATURES for each candidate (its 职业's text-space number in `at`, −1 for none) of a title
 * (its cleaned core): among the VECTOR_NEIGHBOURS nearest confirmed role names, the share of the
 * (cosine- and count-weighted) vote that falls on the 职业 and the best cosine of one of its own;
 * then the cosine with the centroid of its role names. All 0 without vectors or the title's. Into
 * `nearestRole` go, per 职业, its own role name nearest the title among the near neighbours (for reasons).
 */
export function vectorFeatures(
  text: TextVectors | null,
  roles: RoleVectors,
  title: string,
  at: readonly number[],
  nearestRole = new Map<number, { name: string; cosine: number }>(),
): number[][] {
  const t = roles.at.length ? text?.(title) : null;
  if (!t) return at.map(() => VECTOR_FEATURES.map(() => 0));
  const sims = nearest(t, roles.matrix, Math.max(...VECTOR_NEIGHBOURS));
  const votes = VECTOR_NEIGHBOURS.map((k) => {
    const share = new Map<number, number>();
    const best = new Map<number, number>();
    let total = 0;
    for (const [s, i] of sims.slice(0, k)) {
      const a = roles.at[i] as number;
      const w = s * (roles.count[i] as number);
      total += w;
      share.set(a, (share.get(a) ?? 0) + w);
      best.set(a, Math.max(best.get(a) ?? 0, s));
    }
    return { share, best, total: total || 1 };
  });
  for (const [s, i] of sims.slice(0, VECTOR_NEIGHBOURS[0])) {
    const a = roles.at[i] as number;
    if (!nearestRole.has(a)) nearestRole.set(a, { name: roles.names[i] as string, cosine: s });
  }
  return at.map((a) => {
    const out: number[] = [];
    for (const v of votes) out.push((v.share.get(a) ?? 0) / v.total, v.best.get(a) ?? 0);
    out.push(dot(t, roles.centroid.get(a)));
    return out;
  });
}

/**
 * The `k` rows of `matrix` with the largest positive dot product with `t`, as [product, row], nearest
 * first (ties: the lower row). A role name at cosine 0 or below has no weight in any feature.
 */
function nearest(t: Float32Array, matrix: Float32Array, k: number): [number, number][] {
  const dim = t.length;
  const sims = new Float64Array(dim ? matrix.length / dim : 0);
  for (let row = 0, at = 0; row < sims.length; row++, at += dim) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += (t[d] as number) * (matrix[at + d] as number);
    sims[row] = s;
  }
  return largestPositive(sims, k).map((row) => [sims[row] as number, row]);
}
