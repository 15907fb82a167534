/**
 * Cross-validation and training of the matcher's reranker on job-titles-dev.csv (the only file
 * the matcher is tuned on). A title's features are always computed with confirmed mappings that
 * do not include the title itself: the same situation as a new title in production.
 *
 * - `foldOf(title, k)`: a fold by a hash of the title (duplicates stay together).
 * - `trainReranker(rows)`: cross-fitted features (mappings from the rows outside each inner fold),
 *   a softmax over each title's candidates (Adam, L2), then (by default) regression trees boosted on
 *   its residual under the same loss (gbdt.ts), then the bias by a one-dimensional logistic fit.
 * - `crossValidate(rows, k)`: for each outer fold, a reranker trained on the other folds only and
 *   the other folds' mappings; top-1/top-3 on the fold.
 */
import {
  buildMappingIndex,
  type ConfirmedMapping,
  type MatchIndex,
  matchOccupations,
  type RankedCandidate,
  RERANK_DEPTH,
  RERANK_FEATURES,
  type Reranker,
  rerankCandidates,
  rerankerMargin,
} from '@hub/occupations/rules';
import { type BoostParams, boost, DEFAULT_BOOST } from './gbdt.ts';

export interface Labelled {
  title: string;
  /** Acceptable codes: a hit lies under any of them. */
  labels: string[];
}

export interface Tree {
  /** True when `code` is `label` or lies below it. */
  isUnder: (code: string, label: string) => boolean;
  levelOf: (code: string) => number | undefined;
}

export function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (const ch of s) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return h;
}

/** Outer folds by the hash; inner folds (within a training set) by other bits of it. */
export const foldOf = (title: string, k: number) => fnv(title) % k;
export const innerFoldOf = (title: string, m: number) => (fnv(title) >>> 11) % m;

/**
 * The mappings a reviewer would confirm for `rows`: the labelled 职业 itself; for a label above the
 * 职业 level (中类/小类), the best candidate under the label among the first 50 of the dictionary
 * alone (a reviewer picks among the offered candidates), else none.
 */
export function confirmedFrom(rows: Labelled[], plain: MatchIndex, tree: Tree): ConfirmedMapping[] {
  const out: ConfirmedMapping[] = [];
  for (const r of rows) {
    const label = r.labels[0] as string;
    if (tree.levelOf(label) === 4) {
      out.push({ roleName: r.title, occupationCode: label, workTypeCode: null });
      continue;
    }
    let pick = pickCache.get(r.title);
    if (pick === undefined) {
      pick =
        rerankCandidates(plain, { title: r.title }, 50)
          .slice(0, 50)
          .find((c) => tree.isUnder(c.workTypeCode ?? c.occupationCode, label)) ?? null;
      pickCache.set(r.title, pick);
    }
    if (pick) out.push({ roleName: r.title, occupationCode: pick.occupationCode, workTypeCode: pick.workTypeCode });
  }
  return out;
}
const pickCache = new Map<string, RankedCandidate | null>();

export const withMappings = (index: MatchIndex, mappings: ConfirmedMapping[]): MatchIndex => ({
  ...index,
  mappings: buildMappingIndex(index, mappings),
});

export interface List {
  x: number[][];
  positive: boolean[];
  /** The title (for grouping by inner fold). */
  title?: string;
}

export function listsOf(index: MatchIndex, rows: Labelled[], tree: Tree): List[] {
  const out: List[] = [];
  for (const r of rows) {
    const cands = rerankCandidates(index, { title: r.title }, RERANK_DEPTH);
    const positive = cands.map((c) => r.labels.some((l) => tree.isUnder(c.workTypeCode ?? c.occupationCode, l)));
    if (!positive.some(Boolean) || positive.every(Boolean)) continue;
    out.push({ x: cands.map((c) => c.features), positive, title: r.title });
  }
  return out;
}

/** Features of `rows` with mappings from the rows outside each of `m` inner folds. */
export function crossFitted(plain: MatchIndex, rows: Labelled[], tree: Tree, m: number): List[] {
  const lists: List[] = [];
  for (let j = 0; j < m; j++) {
    const inFold = rows.filter((r) => innerFoldOf(r.title, m) === j);
    const rest = rows.filter((r) => innerFoldOf(r.title, m) !== j);
    lists.push(...listsOf(withMappings(plain, confirmedFrom(rest, plain, tree)), inFold, tree));
  }
  return lists;
}

/** Softmax (listwise) regression: maximizes the probability mass on each title's right candidates. */
export function fitSoftmax(lists: List[], l2 = 1e-3, iterations = 800): number[] {
  const d = lists[0]?.x[0]?.length ?? RERANK_FEATURES.length;
  const w = new Float64Array(d);
  w[0] = 1;
  const m = new Float64Array(d);
  const v = new Float64Array(d);
  const rate = 0.05;
  // The candidates' features in one flat array (row-major), with each list's start.
  const n = lists.reduce((s, l) => s + l.x.length, 0);
  const X = new Float64Array(n * d);
  const pos = new Uint8Array(n);
  const starts = new Int32Array(lists.length + 1);
  let r = 0;
  lists.forEach((l, li) => {
    starts[li] = r;
    l.x.forEach((f, c) => {
      for (let i = 0; i < d; i++) X[r * d + i] = f[i] ?? 0;
      pos[r] = l.positive[c] ? 1 : 0;
      r++;
    });
  });
  starts[lists.length] = r;
  const z = new Float64Array(n);
  const grad = new Float64Array(d);
  for (let it = 1; it <= iterations; it++) {
    for (let i = 0; i < d; i++) grad[i] = l2 * (w[i] as number);
    for (let li = 0; li < lists.length; li++) {
      const a = starts[li] as number;
      const b = starts[li + 1] as number;
      let max = Number.NEGATIVE_INFINITY;
      for (let c = a; c < b; c++) {
        let s = 0;
        for (let i = 0; i < d; i++) s += (X[c * d + i] as number) * (w[i] as number);
        z[c] = s;
        if (s > max) max = s;
      }
      let all = 0;
      let inPos = 0;
      for (let c = a; c < b; c++) {
        const e = Math.exp((z[c] as number) - max);
        z[c] = e;
        all += e;
        if (pos[c]) inPos += e;
      }
      // d(-log(pos/all))/dz_c = p_c − q_c, p over all, q over the positives.
      for (let c = a; c < b; c++) {
        const e = z[c] as number;
        const g = (e / all - (pos[c] ? e / inPos : 0)) / lists.length;
        for (let i = 0; i < d; i++) grad[i] = (grad[i] as number) + g * (X[c * d + i] as number);
      }
    }
    for (let i = 0; i < d; i++) {
      const g = grad[i] as number;
      m[i] = 0.9 * (m[i] as number) + 0.1 * g;
      v[i] = 0.999 * (v[i] as number) + 0.001 * g * g;
      const mh = (m[i] as number) / (1 - 0.9 ** it);
      const vh = (v[i] as number) / (1 - 0.999 ** it);
      w[i] = (w[i] as number) - (rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return [...w];
}

/** The bias that makes logistic(margin(x) + bias) the chance a candidate is right (Newton's method on one variable). */
export function fitBias(lists: List[], margin: (x: readonly number[]) => number): number {
  const zs: [number, number][] = [];
  for (const { x, positive } of lists) {
    x.forEach((f, c) => {
      zs.push([margin(f), positive[c] ? 1 : 0]);
    });
  }
  let b = 0;
  for (let it = 0; it < 30; it++) {
    let g = 0;
    let h = 1e-9;
    for (const [z, y] of zs) {
      const p = 1 / (1 + Math.exp(-(z + b)));
      g += p - y;
      h += p * (1 - p);
    }
    b -= g / h;
  }
  return b;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Which reranker to train: the linear softmax alone, boosted trees alone, or trees boosted on the
 * residual of the linear model (its margin as the trees' starting point).
 */
export type RerankerKind = 'linear' | 'trees' | 'residual';
export const RERANKER_KINDS: readonly RerankerKind[] = ['linear', 'trees', 'residual'];

/**
 * The reranker match-eval cross-validates and train.ts ships: 50 trees of depth 4 on the residual of
 * the linear model. The settings were chosen by inner cross-validation (four inner folds) within the
 * training half of each held-out half, never on a held-out fold: depth 2/3/4 and 25…300 trees, for
 * trees alone and on the residual, by inner top-1 (README, "Occupations and matching").
 */
export const RERANKER: { kind: RerankerKind; boost: BoostParams } = {
  kind: 'residual',
  boost: { ...DEFAULT_BOOST, depth: 4, trees: 50 },
};

/** A reranker trained on `rows` alone. */
export function trainReranker(
  plain: MatchIndex,
  rows: Labelled[],
  tree: Tree,
  m = 4,
  kind: RerankerKind = RERANKER.kind,
  params: BoostParams = RERANKER.boost,
): Reranker {
  const lists = crossFitted(plain, rows, tree, m);
  const weights = kind === 'trees' ? RERANK_FEATURES.map(() => 0) : fitSoftmax(lists).map(round);
  if (kind !== 'linear') return withResidualTrees(lists, weights, params);
  const linear: Reranker = { weights, bias: 0 };
  return { ...linear, bias: round(fitBias(lists, (x) => rerankerMargin(linear, x))) };
}

/** Trees boosted on the residual of the linear `weights` (their margin as the trees' start), then the bias. */
export function withResidualTrees(lists: List[], weights: number[], params: BoostParams = RERANKER.boost): Reranker {
  const linear: Reranker = { weights, bias: 0 };
  const trees = boost(
    lists,
    params,
    lists.flatMap((l) => l.x.map((x) => rerankerMargin(linear, x))),
  );
  const r: Reranker = { weights, bias: 0, trees };
  return { ...r, bias: round(fitBias(lists, (x) => rerankerMargin(r, x))) };
}

/** Wilson 95% interval of a proportion p of n, as "lo–hi". */
export function wilson(p: number, n: number): string {
  const z = 1.96;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return `${Math.max(0, centre - half).toFixed(3)}–${Math.min(1, centre + half).toFixed(3)}`;
}

export interface Accuracy {
  n: number;
  top1: number;
  top3: number;
  /** Top-5: how far the first three are from the right occupation. */
  top5: number;
  /** Per row, in order: whether it is a top-1 and a top-3 hit (for paired comparisons). */
  hits: [top1: boolean, top3: boolean][];
}

export function accuracy(rows: Labelled[], predict: (title: string) => string[], tree: Tree): Accuracy {
  let top5 = 0;
  const hits = rows.map((r): [boolean, boolean] => {
    const codes = predict(r.title);
    const hit = (c: string) => r.labels.some((l) => tree.isUnder(c, l));
    if (codes.slice(0, 5).some(hit)) top5++;
    return [!!codes[0] && hit(codes[0]), codes.slice(0, 3).some(hit)];
  });
  const share = (i: 0 | 1) => hits.filter((h) => h[i]).length / rows.length;
  return { n: rows.length, top1: share(0), top3: share(1), top5: top5 / rows.length, hits };
}

export const byMatcher =
  (index: MatchIndex) =>
  (title: string): string[] =>
    matchOccupations(index, { title }, 5).map((m) => m.workTypeCode ?? m.occupationCode);

export interface FoldResult {
  fold: number;
  /** The dictionary alone, with the fold's reranker. */
  plain: Accuracy;
  /** With the other folds' mappings confirmed and the fold's reranker. */
  learned: Accuracy;
  /** With the other folds' mappings and the first-stage order (no reranker). */
  firstStage: Accuracy;
  mappings: number;
  reranker: Reranker;
}

/** The first stage's order as a reranker (its score the only weight). */
export const FIRST_STAGE: Reranker = { weights: RERANK_FEATURES.map((f) => (f === 'first' ? 1 : 0)), bias: 0 };

/** k-fold cross-validation: each fold is scored by a reranker and mappings from the other folds only. */
export function crossValidate(
  plain: MatchIndex,
  rows: Labelled[],
  tree: Tree,
  k: number,
  kind: RerankerKind = RERANKER.kind,
): FoldResult[] {
  const out: FoldResult[] = [];
  for (let fold = 0; fold < k; fold++) {
    const test = rows.filter((r) => foldOf(r.title, k) === fold);
    const train = rows.filter((r) => foldOf(r.title, k) !== fold);
    const reranker = trainReranker(plain, train, tree, 4, kind);
    const mappings = confirmedFrom(train, plain, tree);
    const learnedIdx = { ...withMappings(plain, mappings), reranker };
    out.push({
      fold,
      plain: accuracy(test, byMatcher({ ...plain, reranker }), tree),
      learned: accuracy(test, byMatcher(learnedIdx), tree),
      firstStage: accuracy(test, byMatcher({ ...learnedIdx, reranker: FIRST_STAGE }), tree),
      mappings: mappings.length,
      reranker,
    });
  }
  return out;
}
