/**
 * Gradient-boosted regression trees for the reranker, by hand: each title's candidates form a list,
 * the loss is the same listwise softmax as the linear reranker's (−log of the probability mass on the
 * title's right candidates), and each tree is fitted to its gradient with a Newton step per leaf
 * (diagonal Hessian, L2 on the leaf values, XGBoost-style split gain). Features are cut into at
 * most `bins` quantile bins once; a split threshold is the midpoint between two neighbouring values.
 * Deterministic: no sampling.
 */
import { type TreeNode, treeValue } from '@hub/occupations/rules';
import type { List } from './cv.ts';

export interface BoostParams {
  trees: number;
  depth: number;
  /** Shrinkage. */
  rate: number;
  /** Fewest candidates in a leaf. */
  minLeaf: number;
  /** L2 on the leaf values. */
  lambda: number;
  /** Quantile bins per feature (at most 255). */
  bins: number;
  /**
   * The loss: the listwise softmax (default), or LambdaMART's pairwise gradients weighted by the
   * change of NDCG@`cutoff` a swap would make.
   */
  loss?: 'softmax' | 'lambda';
  cutoff?: number;
  /** The share of lists each tree sees (1: all; fewer: a deterministic draw per tree). */
  subsample?: number;
}

/** Generic settings; the ones shipped are cv.ts RERANKER's. */
export const DEFAULT_BOOST: BoostParams = { trees: 100, depth: 3, rate: 0.1, minLeaf: 50, lambda: 1, bins: 64 };

interface Binned {
  n: number;
  d: number;
  /** Row-major: the bin of row r for feature f at r * d + f. */
  bin: Uint8Array;
  /** Per feature, the threshold between bin b and bin b + 1. */
  cuts: number[][];
}

function binFeatures(lists: List[], bins: number): Binned {
  const rows = lists.flatMap((l) => l.x);
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const bin = new Uint8Array(n * d);
  const cuts: number[][] = [];
  for (let f = 0; f < d; f++) {
    const values = Float64Array.from(rows, (x) => x[f] ?? 0).sort();
    const distinct: number[] = [];
    for (const v of values) if (distinct[distinct.length - 1] !== v) distinct.push(v);
    // Cut points: every gap between distinct values when few, else gaps at quantiles.
    const c: number[] = [];
    if (distinct.length <= bins) {
      for (let i = 1; i < distinct.length; i++) c.push(((distinct[i - 1] as number) + (distinct[i] as number)) / 2);
    } else {
      for (let q = 1; q < bins; q++) {
        const v = values[Math.floor((q * n) / bins)] as number;
        // The gap just above v (so that v goes left).
        const i = upperIndex(distinct, v);
        if (i < distinct.length) {
          const cut = (v + (distinct[i] as number)) / 2;
          if (c[c.length - 1] !== cut) c.push(cut);
        }
      }
    }
    const rounded = [...new Set(c.map(roundCut))];
    cuts.push(rounded);
    rows.forEach((x, r) => {
      bin[r * d + f] = upperIndex(rounded, x[f] ?? 0, true);
    });
  }
  return { n, d, bin, cuts };
}

/** Thresholds are shipped rounded (a rounded cut still lies between two values more than 2e-6 apart). */
const roundCut = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The first index of ascending `sorted` whose value is above `v`; with `asBin`, the first whose value is
 * at or above `v` (the bin of v among the cuts: v goes left of every cut it does not exceed).
 */
function upperIndex(sorted: readonly number[], v: number, asBin = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (asBin ? (sorted[mid] as number) < v : (sorted[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Boosts `params.trees` trees on `lists`, starting from `base` (one margin per candidate, in the
 * lists' order; zeros when absent). Returns the trees, leaf values already shrunk.
 */
export function boost(lists: List[], params: BoostParams = DEFAULT_BOOST, base?: number[]): TreeNode[] {
  const { n, d, bin, cuts } = binFeatures(lists, params.bins);
  const start: number[] = [];
  let r = 0;
  for (const l of lists) {
    start.push(r);
    r += l.x.length;
  }
  const positive = new Uint8Array(n);
  lists.forEach((l, i) => {
    l.positive.forEach((p, c) => {
      positive[(start[i] as number) + c] = p ? 1 : 0;
    });
  });
  const F = base ? Float64Array.from(base) : new Float64Array(n);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: TreeNode[] = [];
  const maxBins = params.bins + 1;
  const hist = new Float64Array(3 * d * maxBins);
  for (let t = 0; t < params.trees; t++) {
    if (params.loss === 'lambda') lambdaGradients(lists, start, positive, F, g, h, params.cutoff ?? 3);
    else {
      // Gradient of −log(Σ_pos e^F / Σ_all e^F): p − q (p softmax over all, q over the positives).
      lists.forEach((l, i) => {
        const s = start[i] as number;
        const m = l.x.length;
        let max = -Infinity;
        for (let c = 0; c < m; c++) max = Math.max(max, F[s + c] as number);
        let all = 0;
        let pos = 0;
        for (let c = 0; c < m; c++) {
          const e = Math.exp((F[s + c] as number) - max);
          g[s + c] = e;
          all += e;
          if (positive[s + c]) pos += e;
        }
        for (let c = 0; c < m; c++) {
          const e = g[s + c] as number;
          const p = e / all;
          const q = positive[s + c] ? e / pos : 0;
          g[s + c] = p - q;
          h[s + c] = Math.max(p * (1 - p), 1e-6);
        }
      });
    }
    const grow = (rows: Int32Array, depth: number): TreeNode => {
      let G = 0;
      let H = 0;
      for (let i = 0; i < rows.length; i++) {
        G += g[rows[i] as number] as number;
        H += h[rows[i] as number] as number;
      }
      const leaf = round((-G / (H + params.lambda)) * params.rate);
      if (depth >= params.depth || rows.length < 2 * params.minLeaf) {
        for (const row of rows) F[row] = (F[row] as number) + leaf;
        return leaf;
      }
      const parentGain = (G * G) / (H + params.lambda);
      // Histograms of all features in one pass over the rows: gradient, Hessian and count per bin.
      hist.fill(0);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i] as number;
        const gr = g[row] as number;
        const hr = h[row] as number;
        const off = row * d;
        for (let f = 0; f < d; f++) {
          const b = 3 * (f * maxBins + (bin[off + f] as number));
          hist[b] = (hist[b] as number) + gr;
          hist[b + 1] = (hist[b + 1] as number) + hr;
          hist[b + 2] = (hist[b + 2] as number) + 1;
        }
      }
      let best = { gain: 1e-9, f: -1, b: -1 };
      for (let f = 0; f < d; f++) {
        const nb = (cuts[f] as number[]).length + 1;
        let gl = 0;
        let hl = 0;
        let nl = 0;
        for (let b = 0; b < nb - 1; b++) {
          const i = 3 * (f * maxBins + b);
          gl += hist[i] as number;
          hl += hist[i + 1] as number;
          nl += hist[i + 2] as number;
          if (nl < params.minLeaf) continue;
          if (rows.length - nl < params.minLeaf) break;
          const gr = G - gl;
          const hr = H - hl;
          const gain = (gl * gl) / (hl + params.lambda) + (gr * gr) / (hr + params.lambda) - parentGain;
          if (gain > best.gain) best = { gain, f, b };
        }
      }
      if (best.f < 0) {
        for (const row of rows) F[row] = (F[row] as number) + leaf;
        return leaf;
      }
      const { f, b } = best;
      const left = rows.filter((row) => (bin[row * d + f] as number) <= b);
      const right = rows.filter((row) => (bin[row * d + f] as number) > b);
      return [best.f, (cuts[best.f] as number[])[best.b] as number, grow(left, depth + 1), grow(right, depth + 1)];
    };
    let rowsOf: Int32Array;
    const share = params.subsample ?? 1;
    if (share < 1) {
      const picked: number[] = [];
      lists.forEach((l, i) => {
        if (unit(t * 1_000_003 + i) < share) {
          const s = start[i] as number;
          for (let c = 0; c < l.x.length; c++) picked.push(s + c);
        }
      });
      rowsOf = Int32Array.from(picked);
    } else {
      rowsOf = new Int32Array(n);
      for (let i = 0; i < n; i++) rowsOf[i] = i;
    }
    const tree = grow(rowsOf, 0);
    if (share < 1) {
      // grow() updated only the sampled rows' margins: the others get the tree's value too (a row's
      // bin is at most a node's cut exactly when its value is at most the threshold).
      const seen = new Uint8Array(n);
      for (const row of rowsOf) seen[row] = 1;
      lists.forEach((l, i) => {
        const s = start[i] as number;
        l.x.forEach((x, c) => {
          if (!seen[s + c]) F[s + c] = (F[s + c] as number) + treeValue(tree, x);
        });
      });
    }
    trees.push(tree);
  }
  return trees;
}

/** Leaf values as shipped (the margins are updated with the rounded value, so training sees what is shipped). */
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** A deterministic uniform draw in [0, 1) from an integer. */
function unit(x: number): number {
  let h = Math.imul(x ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 2 ** 32;
}

/**
 * LambdaMART's gradients: for each pair of a right and a wrong candidate of a list, the logistic of
 * their margin difference weighted by |ΔNDCG@cutoff| of swapping them (binary relevance).
 */
function lambdaGradients(
  lists: List[],
  start: number[],
  positive: Uint8Array,
  F: Float64Array,
  g: Float64Array,
  h: Float64Array,
  cutoff: number,
) {
  g.fill(0);
  h.fill(1e-6);
  const gain = (r: number) => (r < cutoff ? 1 / Math.log2(r + 2) : 0);
  lists.forEach((l, li) => {
    const s = start[li] as number;
    const m = l.x.length;
    const order = Array.from({ length: m }, (_, c) => c).sort((a, b) => (F[s + b] as number) - (F[s + a] as number));
    const rank = new Int32Array(m);
    order.forEach((c, r) => {
      rank[c] = r;
    });
    let npos = 0;
    for (let c = 0; c < m; c++) if (positive[s + c]) npos++;
    let ideal = 0;
    for (let r = 0; r < Math.min(npos, cutoff); r++) ideal += gain(r);
    if (!ideal) return;
    for (let i = 0; i < m; i++) {
      if (!positive[s + i]) continue;
      for (let j = 0; j < m; j++) {
        if (positive[s + j]) continue;
        const delta = Math.abs(gain(rank[i] as number) - gain(rank[j] as number)) / ideal;
        if (!delta) continue;
        const rho = 1 / (1 + Math.exp((F[s + i] as number) - (F[s + j] as number)));
        g[s + i] = (g[s + i] as number) - rho * delta;
        g[s + j] = (g[s + j] as number) + rho * delta;
        const w = rho * (1 - rho) * delta;
        h[s + i] = (h[s + i] as number) + w;
        h[s + j] = (h[s + j] as number) + w;
      }
    }
  });
}
